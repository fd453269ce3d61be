/**
 * Every failure a user can cause, with the Chinese message the app shows as it is.
 * The cloud answers with one of these codes; the local server maps each to an HTTP status.
 */
export const ERROR_MESSAGES = {
  BAD_REQUEST: '请求格式不正确',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNKNOWN_FUNCTION: '不支持的服务',
  UNKNOWN_ACTION: '不支持的操作',
  INVALID_INPUT: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '找不到对应的记录',
  NOT_MEMBER: '此项服务仅限工会会员，请先入会',
  CONFLICT: '记录已被他人修改，请刷新后重试',
  TRANSFER_SAME_UNION: '你已是该工会的会员，无需转会',
  TRANSFER_IN_PROGRESS: '你已有一笔转会在办理中，请等待办结或先撤回',
  TRANSFER_STATE: '该转会申请当前不能进行此操作，请刷新后查看最新状态',
  UNION_NOT_FOUND: '没有找到这个工会，请核对工会编码，或按名称查找',
  UNION_CLOSED: '该工会暂不接受线上入会申请，请按名称查找其他工会',
  UNION_CODE_TAKEN: '这个工会编码已被使用，请换一个（编码不能重复，撤销或改码后的旧编码也不再分配）',
  UNION_CLOSE_BLOCKED: '该工会还有未办结的事项，暂不能撤销',
  ALREADY_MEMBER: '你已是工会会员；换了工作请办理转会',
  APPLICATION_PENDING: '你已有一份入会申请正在审核中',
  ID_NUMBER_HELD: '这个身份证号目前不能用于入会申请；如果是你本人的身份证号，请带身份证到工会核实',
  RATE_LIMITED: '操作太频繁，请明天再试',
  ALREADY_DECIDED: '该申请已处理过了，请刷新',
  CARD_INVALID: '会员码无效或已过期，请让会员刷新后再出示',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后重试',
  BAD_HOURS: '营业时间格式不对，例如 mon-fri 08:00-20:00 或 24h',
  STATION_RETIRED: '这个驿站已撤销，不再接受反馈；如发现新的驿站，请联系当地工会',
  STATION_PAUSED: '这个驿站暂停服务，暂不能打卡；恢复后再来',
  STATION_CODE_TAKEN: '这个站点编码已被使用，请换一个；要修改已有的驿站，请从它的详情页进入',
  AID_NO_PROGRAMME: '你所在的工会今年没有开放金秋助学申请',
  AID_WINDOW_CLOSED: '不在金秋助学申请时间内',
  AID_ALREADY_APPLIED: '这名子女今年已经申请过金秋助学（每名子女每年只能申请一次）',
  AID_DOCUMENTS_MISSING: '证明材料不全，请补齐后再提交',
  AID_AMOUNT_TOO_HIGH: '资助金额超过该学段的标准',
  AID_NOTICE_RUNNING: '公示期尚未结束，暂不能发放',
  AID_OBJECTION_OPEN: '公示期间收到的异议尚未处理',
  AID_EXCLUDED: '按本项目的规定，这名学生不在资助范围内',
  AID_MAX_YEARS: '这名子女已达到本项目最多资助的年数',
  AID_VISIT_MISSING: '基层工会尚未记录入户核查，核查后才能审批',
  FILE_TYPE: '只能上传 JPG、PNG 图片或 PDF 文件',
  FILE_TOO_LARGE: '文件过大，请压缩到 5 MB 以内',
  CLOUD_STORAGE_ONLY: '材料云存储只在微信小程序中使用，网页版请直接上传文件',
  PRIVACY_DECLINED: '需要先同意隐私保护指引，才能继续',
  RIGHTS_KEPT: '这项信息按法律法规或工会规定需要保存，不能删除',
  RIGHTS_PENDING: '同样的请求正在办理中，请等待工会答复',
  RIGHTS_ANSWERED: '这项请求已经答复过了，请刷新查看',
  OFFER_NOT_STARTED: '活动尚未开始，请到时再来领取',
  OFFER_ENDED: '活动已结束',
  OFFER_PAUSED: '活动已暂停领取',
  SOLD_OUT: '已被领完了，下次早点来',
  NOT_ELIGIBLE: '此福利仅限指定工会的会员领取',
  CLAIM_LIMIT_REACHED: '你已达到此福利的领取上限',
  COUPON_INVALID: '核销码无效，请让会员出示最新的券码',
  COUPON_OTHER_MERCHANT: '这张券不属于本店，不能核销',
  COUPON_USED: '这张券已经核销过了',
  COUPON_EXPIRED: '这张券已过期',
  OFFER_STOCK_BELOW_CLAIMED: '总数量不能少于已领取的数量',
  ELIGIBLE_UNION_OUT_OF_REACH: '可领取的工会只能选本工会或下级工会',
  INVITE_NOT_FOUND: '邀请不存在，请核对链接是否完整，或请邀请人重新发送',
  INVITE_USED: '这份邀请已被使用，每份邀请只能使用一次；如需加入，请邀请人重新邀请',
  INVITE_EXPIRED: '这份邀请已过期，请邀请人重新邀请',
  INVITE_CANCELLED: '这份邀请已被邀请人取消',
  INVITE_ACCEPTED: '你已接受过这份邀请，角色已生效，可在“我的”查看',
  INVITE_ROLE_HELD: '你已担任这个角色，无需再接受邀请',
  INVITE_ROOT_UNCLEAR: '无法确定顶级工会：需要恰好一个没有上级的工会',
  INVITE_ENDED: '这份邀请授予的角色已被撤销或已卸任，邀请不能再使用；如需恢复，请上级工会重新邀请',
  INVITE_LAPSED: '邀请人已不再担任相关职务，这份邀请已失效；如需加入，请向工会重新索取邀请',
  INVITE_OWN: '这是你自己发出的邀请，不能自己接受；请把二维码或链接交给要邀请的人',
  INVITE_OUT_OF_REACH: '只能邀请本工会或下级工会的人员，或本工会及下级工会所属商户的核销员',
  ROLE_NOT_REVOCABLE: '你不能撤销这个角色：工作人员只能撤销下级工会的工作人员，以及本工会及下级的审核人和核销员',
  ROLE_ENDED: '这个角色已被撤销或本人已卸任',
  MERCHANT_DUPLICATE: '同一工会下已有同名商户，请勿重复登记',
  MERCHANT_CLOSED: '该商户已关闭，不能再修改、发布福利或邀请核销员',
  MERCHANT_SUSPENDED: '该商户已暂停或关闭，暂不能领取或核销福利',
  MERCHANT_OUT_OF_REACH: '只能选择本工会或下级工会登记的商户',
  NETWORK: '网络不给力，请检查网络后重试',
  INTERNAL: '服务开小差了，请稍后重试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface CloudErrorBody {
  code: ErrorCode
  message: string
  /** Per-field messages for INVALID_INPUT, keyed by the field's dotted path. */
  fields?: Record<string, string>
}

export type CloudResult<T> = { ok: true; data: T } | { ok: false; error: CloudErrorBody }

/** Thrown by cloud actions and by the app's client; carries a code from the table above. */
export class CloudError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code], fields?: Record<string, string>) {
    super(message)
    this.name = 'CloudError'
    this.code = code
    this.fields = fields
  }

  toBody(): CloudErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

/** Failures that may pass if tried again (the network, the server, someone else's change); the rest need something else done. */
export function isRetryable(code: ErrorCode): boolean {
  return code === 'NETWORK' || code === 'INTERNAL' || code === 'CONFLICT'
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value)
}

/**
 * Any failure as a CloudError: the cloud's own as it is; anything else (a bug, a lost answer) with
 * `fallback`, or the generic INTERNAL message, so a page never shows a stack or an English text.
 */
export function asCloudError(e: unknown, fallback?: string): CloudError {
  return e instanceof CloudError ? e : new CloudError('INTERNAL', fallback)
}
