/**
 * What may be shared from the app (WeChat's 转发): public pages only — a station, an offer, a
 * union's join page and the 金秋助学 公示 — and what a share carries: the page and the public id
 * it needs, never a person's data (no member card, coupon, application or anything of 我的).
 * tests/unit/share.test.ts checks that exactly these pages turn sharing on
 * (`enableShareAppMessage` in their page config) and that every path here is a declared page.
 */
export const SHAREABLE_PAGES = {
  station: 'features/stations/pages/detail/index',
  offer: 'features/benefits/pages/detail/index',
  join: 'features/join/pages/entry/index',
  notice: 'features/aid/pages/notice/index',
} as const

export type ShareablePage = keyof typeof SHAREABLE_PAGES

/** What useShareAppMessage returns: the card's title and the page it opens (with a leading '/'). */
export interface SharePayload {
  title: string
  path: string
}

const page = (key: ShareablePage, query: Record<string, string> = {}) => {
  const params = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return `/${SHAREABLE_PAGES[key]}${params.length ? `?${params.join('&')}` : ''}`
}

export const shareStation = (code: string, name: string): SharePayload => ({ title: `${name}｜户外劳动者驿站`, path: page('station', { code }) })

export const shareOffer = (id: string, title: string, merchantName: string): SharePayload => ({ title: `工会会员福利：${title}（${merchantName}）`, path: page('offer', { id }) })

/** A union's join page: the union's public code only, never the form someone may have filled in. */
export const shareJoin = (unionId: string, unionName: string): SharePayload => ({ title: `扫码入会：${unionName}`, path: page('join', { union: unionId }) })

export const shareNotice = (): SharePayload => ({ title: '金秋助学公示', path: page('notice') })
