import dayjs from 'dayjs'
import { chinaDayStart, chinaToday } from '../time'
import type { LimitPeriod } from './categories'

/**
 * Benefits count in China's calendar (../time.ts): "today" to a merchant and a member is its
 * chinaToday, here under the name the coupons and redemptions store it by (usedDay, chinaDay).
 */
export { chinaClock, chinaDayStart, chinaToday as chinaDay } from '../time'

const DAY_MS = 24 * 3600 * 1000

/**
 * Which period of an offer's per-member limit `at` falls in: 'all' for once per offer, else the
 * China date of the day, of the week's Monday, or the month. Claims in the same period share a key.
 */
export function periodKey(period: LimitPeriod, at: Date): string {
  const day = chinaToday(at)
  if (period === 'once') return 'all'
  if (period === 'day') return day
  if (period === 'month') return day.slice(0, 7)
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay() // 0 = Sunday
  const monday = new Date(Date.parse(`${day}T00:00:00.000Z`) - ((weekday + 6) % 7) * DAY_MS)
  return `W${monday.toISOString().slice(0, 10)}`
}

/** Whole China calendar days from `now` to `until` (0 = later today; negative = already past). */
export function chinaDaysUntil(now: Date, until: Date): number {
  return dayjs(chinaDayStart(until)).diff(dayjs(chinaDayStart(now)), 'day')
}
