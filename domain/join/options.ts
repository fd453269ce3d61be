/** The choices the join form (入会申请) offers, as real union forms ask them. */

/** 中国 56 个民族. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const

export const EDUCATIONS = ['小学及以下', '初中', '高中/中专/技校', '大专', '本科', '硕士研究生', '博士研究生'] as const

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派成员', '无党派人士', '群众'] as const

/** 户籍类型: 农村 matters (农民工). */
export const HUKOU_TYPES = ['城镇', '农村'] as const

/** 就业形态: ordinary employees, the 八大群体 of new-employment-form workers, 网约车司机, other. */
export const EMPLOYMENT_TYPES = {
  employee: '单位职工',
  truck_driver: '货车司机',
  courier: '快递员',
  caregiver: '护工护理员',
  domestic: '家政服务员',
  mall_info: '商场信息员',
  food_delivery: '网约送餐员',
  real_estate_agent: '房地产经纪人员',
  security_guard: '保安员',
  ride_hailing: '网约车司机',
  other: '其他',
} as const

export type EmploymentType = keyof typeof EMPLOYMENT_TYPES
export const EMPLOYMENT_KEYS = Object.keys(EMPLOYMENT_TYPES) as EmploymentType[]

/** The youngest age at which a person may join (劳动年龄). */
export const MIN_JOIN_AGE = 16

export type Ethnicity = (typeof ETHNICITIES)[number]
export type EducationLevel = (typeof EDUCATIONS)[number]
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number]
export type HukouType = (typeof HUKOU_TYPES)[number]
