import { checkJoinForm, deriveFromId, waitedText } from '../../domain/join/form'
import { chinaToday } from '../../domain/time'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { EMPLOYMENT_TYPES, ETHNICITIES } from '../../domain/join/options'
import { parseIdCard } from '../../domain/idcard'

const TODAY = '2026-11-23'
const valid = {
  name: '王小骑',
  idNumber: fictionalIdNumber('150102', '19950615', 246),
  phone: '13912345678',
  ethnicity: '汉族',
  education: '大专',
  politicalStatus: '共青团员',
  hukou: '城镇',
  employer: '示例外卖平台（演示）',
  employment: 'food_delivery',
  consentPersonal: true,
  consentSensitive: true,
}

describe('join form rules', () => {
  it('a complete form has no problems; the options are the real lists', () => {
    expect(checkJoinForm(valid, TODAY)).toEqual({})
    expect(ETHNICITIES).toHaveLength(56)
    expect(new Set(ETHNICITIES).size).toBe(56)
    expect(Object.values(EMPLOYMENT_TYPES)).toEqual(expect.arrayContaining(['货车司机', '快递员', '护工护理员', '家政服务员', '商场信息员', '网约送餐员', '房地产经纪人员', '保安员', '网约车司机', '单位职工', '其他']))
  })

  it('an empty form names every field in Chinese', () => {
    const errors = checkJoinForm({}, TODAY)
    expect(errors).toEqual({
      name: '请填写姓名',
      idNumber: '请填写身份证号',
      phone: '请填写手机号',
      ethnicity: '请选择民族',
      education: '请选择学历',
      politicalStatus: '请选择政治面貌',
      hukou: '请选择户籍类型（城镇或农村）',
      employer: '请填写工作单位',
      employment: '请选择就业形态',
      consentPersonal: '请阅读并同意《个人信息处理规则》',
      consentSensitive: '请单独同意处理你的身份证号（敏感个人信息）',
    })
  })

  it.each([
    [{ name: '张'.repeat(31) }, 'name', '姓名不能超过 30 个字'],
    [{ name: 'Zhang 3' }, 'name', '姓名只能包含汉字、字母和间隔号“·”'],
    [{ name: '阿依古丽·买买提' }, 'name', undefined],
    [{ phone: '1391234567' }, 'phone', '手机号应为 11 位数字，以 1 开头'],
    [{ phone: '23912345678' }, 'phone', '手机号应为 11 位数字，以 1 开头'],
    [{ idNumber: '1501021995061524' }, 'idNumber', '身份证号应为 18 位'],
    [{ idNumber: '15010219950615246a' }, 'idNumber', '身份证号只能包含数字，最后一位可以是 X'],
    [{ idNumber: fictionalIdNumber('150102', '20261124', 246) }, 'idNumber', '身份证号中的出生日期晚于今天'],
    [{ idNumber: fictionalIdNumber('150102', '20101124', 246) }, 'idNumber', '未满 16 周岁不能入会'],
    [{ idNumber: fictionalIdNumber('150102', '20101123', 246) }, 'idNumber', undefined],
    [{ employer: '单'.repeat(61) }, 'employer', '工作单位不能超过 60 个字'],
    [{ employment: 'pilot' }, 'employment', '请选择就业形态'],
    [{ consentSensitive: false }, 'consentSensitive', '请单独同意处理你的身份证号（敏感个人信息）'],
  ])('%o → %s: %s', (change, field, message) => {
    expect(checkJoinForm({ ...valid, ...change }, TODAY)[field as keyof typeof valid]).toBe(message)
  })

  it('a lower-case x check character is accepted and normalised', () => {
    let seq = 0
    let id = fictionalIdNumber('150102', '19950615', seq)
    while (!id.endsWith('X')) id = fictionalIdNumber('150102', '19950615', ++seq)
    expect(checkJoinForm({ ...valid, idNumber: id.toLowerCase() }, TODAY)).toEqual({})
  })

  it('derives gender, birth date and age from the ID number', () => {
    expect(deriveFromId(valid.idNumber, TODAY)).toEqual({ gender: 'female', birthDate: '1995-06-15', age: 31 })
    expect(deriveFromId(fictionalIdNumber('150102', '19950615', 247), TODAY)).toMatchObject({ gender: 'male' })
    expect(deriveFromId('123', TODAY)).toBeNull()
  })

  it('fictional ID numbers are valid GB 11643 numbers', () => {
    for (let seq = 0; seq < 50; seq++) expect(parseIdCard(fictionalIdNumber('110105', '19800229', seq), TODAY).ok).toBe(true)
  })

  it('today is China time; waits read in minutes, hours, days', () => {
    expect(chinaToday(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23')
    expect(chinaToday(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24')
    const now = new Date('2026-11-23T12:00:00Z')
    expect(waitedText('2026-11-23T11:58:30Z', now)).toBe('1 分钟')
    expect(waitedText('2026-11-23T02:00:00Z', now)).toBe('10 小时')
    expect(waitedText('2026-11-20T12:00:00Z', now)).toBe('3 天')
  })
})
