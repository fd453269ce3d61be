/**
 * What a notification is about (#15 item 8), so 我的消息 opens it: each notice written since then
 * names a target; older ones carry only a link (or nothing) and open the most fitting list page.
 */
export const NOTICE_TARGET_KINDS = ['application', 'coupon', 'transfer', 'aid', 'rights'] as const
export type NoticeTargetKind = (typeof NOTICE_TARGET_KINDS)[number]

export interface NoticeTarget {
  kind: NoticeTargetKind
  id: string
}

const ME = '/pages/me/index'

/**
 * The page each kind opens. A join application shows on 我的 (its status, or the card once a
 * member); a transfer and the 金秋助学 applications have one page each for the person's own; a
 * coupon opens itself.
 */
const TARGET_PAGES: Record<NoticeTargetKind, (id: string) => string> = {
  application: () => ME,
  coupon: (id) => `/features/benefits/pages/coupon/index?id=${encodeURIComponent(id)}`,
  transfer: () => '/features/transfer/pages/status/index',
  aid: () => '/features/aid/pages/index/index',
  rights: () => '/features/privacy/pages/data/index',
}

/** Older notices without a link: the list page their title is about. */
const TITLE_PAGES: Array<[RegExp, string]> = [
  [/入会/, ME],
  [/转会|转入|转出|工会已撤销/, '/features/transfer/pages/status/index'],
  [/福利|优惠券|券/, '/features/benefits/pages/coupons/index'],
  [/助学/, '/features/aid/pages/index/index'],
  [/个人信息/, '/features/privacy/pages/data/index'],
]

export function noticePage(notice: { target: NoticeTarget | null; link: string | null; title: string }): string {
  if (notice.target) return TARGET_PAGES[notice.target.kind](notice.target.id)
  if (notice.link) return notice.link
  return TITLE_PAGES.find(([pattern]) => pattern.test(notice.title))?.[1] ?? ME
}

/** 我的 and 首页 are tabs: they are switched to, not opened on top. */
export function isTabPage(page: string): boolean {
  return /^\/pages\/(me|home)\/index/.test(page)
}
