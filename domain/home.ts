/**
 * 首页 for someone signed in (member.home): what waits for them, and where each thing opens. One
 * table shared by the cloud (which builds the items) and the app (which opens them), so a page's
 * path is written once.
 */

/** What a member may have waiting: an application, a transfer, a coupon about to expire, an aid decision. */
export const WAITING_KINDS = ['join', 'transfer', 'coupon', 'aid'] as const
export type WaitingKind = (typeof WAITING_KINDS)[number]

/** A clerk's (or reviewer's) queues, each counted within their own unions only. */
export const QUEUE_KINDS = ['join', 'transferOut', 'transferIn', 'rights', 'aidOne', 'aidTwo'] as const
export type QueueKind = (typeof QUEUE_KINDS)[number]

export const QUEUES: Record<QueueKind, { title: string; path: string }> = {
  join: { title: '入会申请待审核', path: '/features/join/pages/review/index' },
  transferOut: { title: '转出待放行', path: '/features/transfer/pages/queue/index' },
  transferIn: { title: '转入待接收', path: '/features/transfer/pages/queue/index' },
  rights: { title: '个人信息请求待答复', path: '/features/privacy/pages/requests/index' },
  aidOne: { title: '金秋助学待基层审核', path: '/features/aid/pages/review/index' },
  aidTwo: { title: '金秋助学待上级审批', path: '/features/aid/pages/review/index' },
}

/** Where each waiting thing opens (a coupon's page adds its id). */
export const WAITING_PATHS: Record<WaitingKind, string> = {
  join: '/pages/me/index',
  transfer: '/features/transfer/pages/status/index',
  coupon: '/features/benefits/pages/coupon/index',
  aid: '/features/aid/pages/index/index',
}

/** The main package's tab pages: opened with switchTab, every other page with navigateTo. */
export const TAB_PAGES = ['/pages/home/index', '/pages/me/index']

/** An aid decision stays on 首页 this many days after it was made. */
export const AID_DECISION_DAYS = 30

/** "12", or "200+" when the count stopped at its cap. */
export function countText(count: number, more: boolean): string {
  return more ? `${count}+` : String(count)
}

/** What 首页 itself opens. */
export const HOME_LINKS = {
  card: '/features/join/pages/card/index',
  join: '/features/join/pages/entry/index',
  /** 工作台: everything waiting for a clerk or reviewer, from the queue block and 我的. */
  desk: '/features/staff/pages/desk/index',
  station: (code: string) => `/features/stations/pages/detail/index?code=${encodeURIComponent(code)}`,
}
