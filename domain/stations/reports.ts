import type { Amenity } from './types'

/**
 * Problem reports (问题反馈, #18 item 1) and thumbs (有用, item 2): the words and limits the app
 * and the cloud share.
 */
export const REPORT_KINDS = ['closed', 'moved', 'amenity', 'hours', 'phone', 'other'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const REPORT_KIND_NAMES: Record<ReportKind, string> = {
  closed: '驿站关门了/不开放',
  moved: '位置不对/搬走了',
  amenity: '设施缺失或损坏',
  hours: '营业时间不对',
  phone: '电话不对',
  other: '其他问题',
}

export const REPORT_OUTCOMES = ['confirmed', 'rejected'] as const
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number]
export const OUTCOME_NAMES: Record<ReportOutcome, string> = { confirmed: '属实', rejected: '不属实' }

export const REPORT_NOTE_MAX = 200

/**
 * Rate limits. The cloud sees no IP address on WeChat's home, and anonymous callers have no
 * identity, so anonymous reports are capped per station per China day (one station cannot be
 * flooded) and across all stations per minute (nobody can flood the queues); a signed-in person is
 * capped per minute by their own (hashed) identity.
 */
export const REPORT_LIMITS = { perPersonPerMinute: 5, anonymousPerStationPerDay: 3, anonymousPerMinute: 20 } as const

/** How far back the detail counts 有用. */
export const HELPFUL_DAYS = 30

/** The short warning an open report puts on the detail page: 有用户反馈：热饭设施缺失或损坏（待核实）. */
export function reportWarning(kind: ReportKind, amenity?: Amenity | null): string {
  const what = kind === 'amenity' && amenity ? `${amenity}设施缺失或损坏` : REPORT_KIND_NAMES[kind]
  return `有用户反馈：${what}（待核实）`
}
