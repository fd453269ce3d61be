/** 普惠 offer categories, in the order the app shows them as tabs. */
export const OFFER_CATEGORIES = ['日常生活', '餐饮', '购物', '休闲娱乐', '参观游览', '文化体育', '医疗体检', '教育培训', '交通出行', '公共服务'] as const
export type OfferCategory = (typeof OFFER_CATEGORIES)[number]

/** Cities (盟市) of Inner Mongolia an offer can be in; the browse filter lists these. */
export const OFFER_CITIES = ['呼和浩特', '包头', '鄂尔多斯', '赤峰', '通辽', '呼伦贝尔', '乌兰察布', '巴彦淖尔', '乌海', '锡林郭勒', '兴安', '阿拉善'] as const
export type OfferCity = (typeof OFFER_CITIES)[number]

/** How often the per-member limit resets, judged in China time. */
export const LIMIT_PERIODS = ['once', 'day', 'week', 'month'] as const
export type LimitPeriod = (typeof LIMIT_PERIODS)[number]

export const LIMIT_PERIOD_NAMES: Record<LimitPeriod, string> = { once: '活动期间', day: '每天', week: '每周', month: '每月' }

/** "每月限领 1 张" */
export function limitText(limit: { count: number; period: LimitPeriod }): string {
  return `${LIMIT_PERIOD_NAMES[limit.period]}限领 ${limit.count} 张`
}
