import type { ApplicationState } from './aid/machine'

/**
 * A person's rights over their data (个人信息保护法 arts. 44–47) as requests: what each kind of
 * request is, which take effect at once and which the union answers, what may be corrected or
 * deleted and why the rest is kept. Pure rules, shared by 我的 → 个人信息 (to say it before the
 * person asks) and the cloud (to decide, authoritatively).
 */
export const RIGHTS_REQUEST_TYPES = [
  'correct_join',
  'correct_aid',
  'delete_join',
  'delete_aid',
  'delete_messages',
  'withdraw_join',
  'withdraw_aid',
  'withdraw_privacy',
  'withdraw_location',
  'leave',
] as const
export type RightsRequestType = (typeof RIGHTS_REQUEST_TYPES)[number]

export const RIGHTS_TYPE_NAMES: Record<RightsRequestType, string> = {
  correct_join: '更正入会信息',
  correct_aid: '更正助学申请',
  delete_join: '删除入会申请',
  delete_aid: '删除助学申请的个人信息',
  delete_messages: '删除我的消息',
  withdraw_join: '撤回入会申请的同意',
  withdraw_aid: '撤回助学敏感信息的同意',
  withdraw_privacy: '撤回对隐私保护指引的同意',
  withdraw_location: '撤回位置信息授权',
  leave: '申请退会',
}

/** pending: waits for the union; processing: being carried out (finished on the next try); done / refused: answered. */
export const RIGHTS_STATUSES = ['pending', 'processing', 'done', 'refused'] as const
export type RightsStatus = (typeof RIGHTS_STATUSES)[number]

export const RIGHTS_STATUS_NAMES: Record<RightsStatus, string> = {
  pending: '待工会答复',
  processing: '办理中',
  done: '已办结',
  refused: '未予办理',
}

/**
 * Fields of the join record (the application that became the member's file) a person may correct.
 * Only the phone number is theirs alone: nothing derives from it and the union only uses it to call
 * them, so it changes at once. The others are the member's file as the union keeps it; the union
 * checks them (a document, the employer) before the change, so they are requests it answers.
 */
export const CORRECTABLE_FIELDS = {
  phone: { label: '手机号', self: true, why: '联系方式只用于工会联系你，改了立即生效' },
  name: { label: '姓名', self: false, why: '须与身份证和会员档案一致，工会核对证件后更正' },
  employer: { label: '工作单位', self: false, why: '会籍随劳动关系，工会核对后更正；换了单位请办理转会' },
  employment: { label: '就业形态', self: false, why: '关系到所属工会，工会核对后更正' },
  ethnicity: { label: '民族', self: false, why: '会员档案项目，工会核对证件后更正' },
  education: { label: '学历', self: false, why: '会员档案项目，工会核对后更正' },
  politicalStatus: { label: '政治面貌', self: false, why: '会员档案项目，工会核对后更正' },
  hukou: { label: '户籍类型', self: false, why: '会员档案项目（农民工统计），工会核对户口簿后更正' },
} as const
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS
export const CORRECTABLE_FIELD_KEYS = Object.keys(CORRECTABLE_FIELDS) as CorrectableField[]

/** Not correctable online. */
export const ID_NUMBER_CORRECTION = '身份证号关系到一人一个会籍，不能在线更正：请携带身份证到所在工会当面核对，性别和出生日期随之更正。'

/** Whether a record may be deleted on request, and if not, why it is kept. */
export type Deletion = { deletable: true } | { deletable: false; why: string }

export type JoinApplicationStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'lapsed'

export function joinApplicationDeletion(status: JoinApplicationStatus): Deletion {
  if (status === 'rejected' || status === 'withdrawn' || status === 'lapsed') return { deletable: true }
  if (status === 'pending') return { deletable: false, why: '审核中的申请请先撤回，再申请删除' }
  return { deletable: false, why: '已通过的入会申请是会员档案，按工会章程和会员管理规定保存；退会后作为会籍记录保存' }
}

/** 金秋助学 states still in progress: withdrawing the consent withdraws the application. */
export const AID_WITHDRAWABLE: ApplicationState[] = ['submitted', 'returned', 'verified', 'approved']

export function aidApplicationDeletion(status: ApplicationState, erased: boolean): Deletion {
  if (erased) return { deletable: false, why: '个人信息已删除' }
  if (status === 'rejected' || status === 'withdrawn') return { deletable: true }
  if (status === 'paid') return { deletable: false, why: '助学金已发放，发放记录属于工会经费支出凭证，按财务档案规定保存' }
  return { deletable: false, why: '正在办理的申请请先撤回同意，再申请删除' }
}

/** What withdrawing the aid consent does to an application in this state, said before the person confirms. */
export function aidWithdrawalEffect(status: ApplicationState): string {
  if (AID_WITHDRAWABLE.includes(status)) return '这份申请将撤回：不再审核、公示或发放助学金。撤回后可以申请删除材料、家庭和银行卡信息。'
  if (status === 'paid') return '助学金已发放：发放记录按财务规定保存，不再用于其他用途。'
  return '这份申请已经结束，不会再处理；你可以申请删除其中的个人信息。'
}

export const JOIN_WITHDRAWAL_EFFECT = '这份入会申请将撤回，工会不再审核；撤回后可以申请删除。'
export const PRIVACY_WITHDRAWAL_EFFECT = '本机不再使用需要同意的功能（定位、上传材料、复制、提交个人信息），用到时会再次询问；撤回前的处理不受影响。'
export const LOCATION_WITHDRAWAL_EFFECT = '本机不再自动读取你的位置（位置从未保存在工会）；驿站地图改为选择城市或搜索地名。'
export const LEAVE_EFFECT = '退会由所在工会确认。确认后不再享受会员服务（普惠福利、金秋助学），电子会员证失效；会籍记录作为历史保存，以后可以重新入会。'
export const MESSAGES_DELETION_EFFECT = '“我的消息”中的全部消息将立即删除。'

/** A phone number as 我的 → 个人信息 and staff lists show it: 138****8000. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone.replace(/\d(?=\d{4})/g, '*')
}
