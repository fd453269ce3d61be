import { PRIVACY_VERSION } from '../contract/member'
import { PRIVACY_DECLARATIONS } from './declarations'

/**
 * 《隐私保护指引》: the whole text, as the web build shows it on its own page (features/privacy/pages/
 * guide) and as the console's guide in WeChat should say it (README, "Still in the console"). What
 * is collected, why, how long it is kept, who sees it, the person's rights (个人信息保护法 arts. 44–47)
 * and how to use them, and whom to contact. Sections are data so a test can hold the text to what
 * the app does (every declared item, every right).
 */
export interface GuideSection {
  title: string
  paragraphs: string[]
  /** Rows of a table: what, why, how long. */
  rows?: Array<{ what: string; why: string; kept: string }>
}

export { DEFAULT_GUIDE_NAME, GUIDE_PAGE, GUIDE_TITLE } from './names'

/** Where the person asks when the app is not enough (the console's guide in WeChat names the union's own contact). */
export const DEFAULT_CONTACT = '你所在的工会（会员服务窗口），或在“我的 → 个人信息”中直接提交请求'

export function privacyGuide(contact: string = DEFAULT_CONTACT): GuideSection[] {
  const platform = PRIVACY_DECLARATIONS.map((d) => `${d.name}：为了${d.purpose}。`)
  return [
    {
      title: '我们是谁',
      paragraphs: [
        `本小程序由工会组织提供，用于入会转会、普惠福利、户外劳动者驿站查找和金秋助学。本指引版本 ${PRIVACY_VERSION}，内容变化时会再次请你阅读并同意。`,
        '不同意本指引，你仍可以查看驿站地图（选择城市或搜索地名）、金秋助学公示和工会的入会介绍；只有在你使用定位、选择文件、复制内容或提交个人信息时，才会再次询问你。',
      ],
    },
    {
      title: '我们收集哪些信息、为什么、保存多久',
      paragraphs: ['只在你使用相应功能时收集，只用于该项工会业务，不提供给你的用人单位。'],
      rows: [
        { what: '入会：姓名、身份证号（性别和出生日期由身份证号得出）、民族、学历、政治面貌、户籍类型、手机号、工作单位、就业形态、所入工会', why: '工会审核入会申请、发放会员编号和电子会员证、联系你', kept: '成为会员后作为会员档案保存（退会后作为会籍记录保存）；未通过或已撤回的申请，你可以申请删除' },
        { what: '转会：新单位、就业形态、转会原因', why: '转出和转入工会办理会籍接转', kept: '作为会籍记录保存' },
        { what: '普惠福利：领取和核销记录', why: '发放优惠券、商户核销、控制领取次数', kept: '活动结算需要，随活动记录保存' },
        { what: '位置信息（经你同意后读取）', why: '查找离你最近的驿站和商户；位置只随查询发送，用完即弃，不保存', kept: '不保存；本机只保留“某某附近”的文字标签' },
        { what: '金秋助学：子女姓名和身份证号、学校专业、家庭人口和收入、困难类别和说明、证明材料、银行卡号', why: '审核、公示（姓名打码）和发放助学金；其中困难情况、未成年人信息和银行卡号属于敏感个人信息，提交时另行征得你的同意', kept: '已发放的按财务档案规定保存；未通过或已撤回的申请，你可以申请删除材料和家庭信息' },
        { what: '你选中的文件', why: '上传金秋助学证明材料', kept: '随申请保存，只有你和审核工会能查看' },
        { what: '剪切板（只写入）', why: '工会工作人员导出助学名单时复制文件或下载链接', kept: '不收集你剪切板里的内容' },
      ],
    },
    {
      title: '微信要求声明的信息',
      paragraphs: platform,
    },
    {
      title: '谁能看到你的信息',
      paragraphs: [
        '你所在工会及其上级工会的工作人员，在办理你的申请时可以看到；身份证号、银行卡号加密保存，页面上只显示部分号码。',
        '商户核销时只看到券码，看不到你的姓名和身份证号。金秋助学公示只显示打码后的姓名、学校和金额。',
        '信息保存在微信云开发（腾讯云）提供的数据库和存储中，由工会委托其提供技术服务。',
      ],
    },
    {
      title: '你的权利和行使方式',
      paragraphs: [
        '查阅、复制：在“我的 → 个人信息”查看工会保存的你的信息（敏感号码打码显示）。',
        '更正：手机号可以自己直接更正；姓名、工作单位等需要工会核对的信息，提交更正请求后由工会确认。身份证号有误，请携带身份证到所在工会当面核对。',
        '撤回同意：可以撤回对本指引、位置信息和金秋助学敏感信息的同意；撤回前的处理不受影响，正在审核中的申请会随之撤回。',
        '删除：可以申请删除法律法规和工会规定不要求保存的信息，例如未通过或已撤回的申请、你的消息；会员档案、会籍记录、已发放的助学记录按规定保存，不能删除。',
        '退会：可以申请退出工会，由所在工会确认；退会后会籍记录作为历史保存。',
        '每项请求都会记录并答复，一般在 15 个工作日内答复，你可以在“个人信息”页看到处理进度。',
      ],
    },
    {
      title: '未成年人',
      paragraphs: ['金秋助学涉及不满十四周岁子女的信息时，由其父母或其他监护人提交并同意。'],
    },
    {
      title: '联系我们',
      paragraphs: [`对本指引或你的个人信息有疑问、意见或投诉，请联系：${contact}。`],
    },
  ]
}
