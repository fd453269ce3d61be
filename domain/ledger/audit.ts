/**
 * The 台账's words for what the audit log records (#17 item 3): each action and each kind of object
 * in plain Chinese, and which before/after fields a clerk is shown. Only these fields are shown, so
 * an openid or an ID number written into an entry's before/after never reaches the page.
 */
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'join.approve': '通过入会申请',
  'join.autoApprove': '自动通过入会申请',
  'join.reject': '不通过入会申请',
  'join.setAutoApprove': '设置自动通过',
  'transfer.release': '转会放行',
  'transfer.accept': '接收转会',
  'transfer.reject': '不同意转会',
  'aid.verify': '助学基层审核',
  'aid.approve': '助学上级审批',
  'aid.reject': '助学不通过',
  'aid.mark_paid': '助学金发放',
  'aid.export': '导出助学名单',
  'org.add': '新增工会',
  'org.edit': '修改工会',
  'org.close': '撤销工会',
  'rights.answer': '答复个人信息请求',
  'rights.done': '个人信息请求办结',
  'stations.update': '修改服务站点',
  'ledger.export': '导出台账',
  'ledger.serviceDays': '设置办理时限',
}

export const AUDIT_OBJECT_NAMES: Record<string, string> = {
  applications: '入会申请',
  transfers: '转会',
  aidApplications: '助学申请',
  aidObjections: '助学异议',
  aidProgrammes: '助学项目',
  unions: '工会',
  joinSettings: '入会设置',
  rightsRequests: '个人信息请求',
  stations: '服务站点',
  offers: '普惠活动',
  merchants: '商户',
  roles: '工作人员角色',
  invitations: '邀请',
}

/** The fields of before/after a clerk sees, with their names. */
export const AUDIT_FIELD_NAMES: Record<string, string> = {
  status: '状态',
  autoApprove: '自动通过',
  name: '名称',
  regionCode: '区划代码',
  code: '工会代码',
  rejectReason: '原因',
  note: '说明',
  memberNo: '会员编号',
  rows: '行数',
  kind: '台账',
  from: '起',
  to: '止',
  days: '时限',
}

/** Stored status words as a clerk says them (join, transfer, aid, objections, requests, unions). */
const VALUE_WORDS: Record<string, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  pending_release: '待转出',
  pending_accept: '待转入',
  completed: '已完成',
  submitted: '已提交',
  verified: '已核实',
  returned: '已退回',
  paid: '已发放',
  open: '未处理',
  upheld: '成立',
  dismissed: '不成立',
  processing: '办理中',
  done: '已办结',
  refused: '不予办理',
  active: '正常',
  disabled: '停用',
  closed: '已撤销',
  paused: '已暂停',
  true: '是',
  false: '否',
}

export const actionName = (action: string): string => AUDIT_ACTION_NAMES[action] ?? action
export const objectName = (collection: string): string => AUDIT_OBJECT_NAMES[collection] ?? collection

/** The shown fields that changed or were set: `名称: 旧 → 新`. Values are written as text, at most 60 characters. */
export function auditChanges(before: unknown, after: unknown): Array<{ field: string; before: string; after: string }> {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
  const text = (value: unknown) => {
    const raw = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
    return (VALUE_WORDS[raw] ?? raw).slice(0, 60)
  }
  return Object.keys(AUDIT_FIELD_NAMES)
    .filter((field) => field in a || field in b)
    .map((field) => ({ field: AUDIT_FIELD_NAMES[field], before: text(b[field]), after: text(a[field]) }))
    .filter((change) => change.before !== change.after)
}

/** The 台账 page showing one object's own history: what a review page links to (one line there). */
export const historyUrl = (kind: 'applications' | 'transfers' | 'aidApplications', id: string): string => `/features/ledger/pages/audit/index?kind=${kind}&id=${encodeURIComponent(id)}`
