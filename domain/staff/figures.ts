import { chinaDayBegins, chinaToday } from '../time'

/**
 * The staff figures (#17 item 2): which days a figures request covers, and how decision times are
 * summed up. Pure, shared by the cloud (which counts) and the app (which asks and shows).
 */
export const FIGURE_PERIODS = ['month', 'year', 'custom'] as const
export type FigurePeriod = (typeof FIGURE_PERIODS)[number]
export const FIGURE_PERIOD_NAMES: Record<FigurePeriod, string> = { month: '本月', year: '本年', custom: '自选时段' }

/** The longest custom range: one year, a leap year's day included. */
export const MAX_RANGE_DAYS = 366

const DAY_MS = 24 * 3600 * 1000

export type DayRange = { from: string; to: string }

/**
 * The China calendar days (YYYY-MM-DD, both included) a request covers: this month or this year up
 * to today, or the custom range as given. A bad range is a sentence to show, never a guess.
 */
export function resolvePeriod(period: FigurePeriod, now: Date, custom?: Partial<DayRange>): DayRange | { error: string } {
  const today = chinaToday(now)
  if (period === 'month') return { from: `${today.slice(0, 7)}-01`, to: today }
  if (period === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today }
  const from = custom?.from ? chinaDayBegins(custom.from) : null
  const to = custom?.to ? chinaDayBegins(custom.to) : null
  if (!from || !to) return { error: '请填写正确的起止日期（如 2026-01-01）' }
  if (from.getTime() > to.getTime()) return { error: '开始日期不能晚于结束日期' }
  if ((to.getTime() - from.getTime()) / DAY_MS + 1 > MAX_RANGE_DAYS) return { error: `时段最长 ${MAX_RANGE_DAYS} 天，请缩短后再查` }
  return { from: custom!.from!, to: custom!.to! }
}

/** YYYY-MM moved by `by` months. */
function shiftMonth(month: string, by: number): string {
  const at = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1))
  return at.toISOString().slice(0, 7)
}

/** The last day (YYYY-MM-DD) of a month (YYYY-MM). */
export function lastDayOf(month: string): string {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10)
}

/** The days from `from` to `to` (YYYY-MM-DD, both included). */
function daysFrom(from: string, to: string): string[] {
  const days: string[] = []
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10))
  return days
}

/**
 * How a range is read from the counters (monthly and daily documents per row) in the fewest
 * documents: every month it touches from the monthly counters (`months`, first and last); a month
 * it covers only in part either as the days inside the range (the month in `skip`, those days in
 * `plus`) or as the whole month less the days outside it (`minus`), whichever is fewer days. A year
 * from the 2nd of a month is then 13 months and 2 days a row, not 12 months and 31 days; no range
 * reads more than 15 days a partial month. Together exactly the range's days, each once.
 */
export interface CounterPlan {
  months: { from: string; to: string }
  skip: string[]
  plus: string[]
  minus: string[]
}

export function counterPlan(range: DayRange): CounterPlan {
  const plan: CounterPlan = { months: { from: range.from.slice(0, 7), to: range.to.slice(0, 7) }, skip: [], plus: [], minus: [] }
  for (let month = plan.months.from; month <= plan.months.to; month = shiftMonth(month, 1)) {
    const first = `${month}-01`
    const last = lastDayOf(month)
    const from = range.from > first ? range.from : first
    const to = range.to < last ? range.to : last
    if (from === first && to === last) continue
    const inside = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1
    if (inside <= Number(last.slice(8)) - inside) {
      plan.skip.push(month)
      plan.plus.push(...daysFrom(from, to))
    } else plan.minus.push(...daysFrom(first, last).filter((day) => day < from || day > to))
  }
  return plan
}

/**
 * Decision times are kept as counts per bucket (upper bounds in hours), so a median over any
 * range is a sum of counters, not a read of every decision: the answer is the bucket it falls in
 * ("≤ 24 小时"), which is as fine as a union's report needs.
 */
export const DURATION_BUCKETS_H = [1, 4, 8, 24, 48, 72, 120, 168, 336, 720] as const
/** Bucket index of a duration; past the last bound it is DURATION_BUCKETS_H.length (over 30 days). */
export function durationBucket(ms: number): number {
  const hours = ms / 3600_000
  const at = DURATION_BUCKETS_H.findIndex((bound) => hours <= bound)
  return at < 0 ? DURATION_BUCKETS_H.length : at
}

function bucketText(index: number): string {
  if (index >= DURATION_BUCKETS_H.length) return '超过 30 天'
  const h = DURATION_BUCKETS_H[index]
  return h < 24 ? `≤ ${h} 小时` : `≤ ${h / 24} 天`
}

/** The bucket holding the q-quantile (0.5 median, 0.9 p90) of counts per bucket, as text; '—' when none. */
export function quantileText(counts: readonly number[], q: number): string {
  const total = counts.reduce((a, b) => a + b, 0)
  if (!total) return '—'
  const rank = Math.ceil(q * total)
  let seen = 0
  for (let i = 0; i < counts.length; i += 1) {
    seen += counts[i]
    if (seen >= rank) return bucketText(i)
  }
  return bucketText(counts.length - 1)
}

/** 12.5% from parts of a whole; '—' when the whole is 0. */
export function rateText(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 1000) / 10}%` : '—'
}

/** One figure as a table: a label column, then `columns`; `bar` names the column drawn as bars. */
export interface FigureTable {
  key: string
  title: string
  columns: string[]
  rows: Array<{ label: string; values: Array<number | string> }>
  bar: number | null
}

/** A table as CSV rows: the header, then each row (the app writes them with domain/csv.ts). */
export function tableRows(table: FigureTable, labelHeader = '工会'): Array<Array<string | number>> {
  return [[labelHeader, ...table.columns], ...table.rows.map((r) => [r.label, ...r.values])]
}
