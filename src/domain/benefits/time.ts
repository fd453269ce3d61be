import dayjs from 'dayjs'
import type { LimitPeriod } from './categories'

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

/** The wall-clock date in China as YYYY-MM-DD (what "today" means to a merchant and a member). */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** The wall-clock time in China as HH:mm (a merchant's list of today's redemptions). */
export function chinaClock(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 16)
}

/** The start (00:00 China time) of the China day containing `at`, as an instant. */
export function chinaDayStart(at: Date): Date {
  return new Date(Date.parse(`${chinaDay(at)}T00:00:00.000Z`) - CHINA_OFFSET_MS)
}

/**
 * Which period of an offer's per-member limit `at` falls in: 'all' for once per offer, else the
 * China date of the day, of the week's Monday, or the month. Claims in the same period share a key.
 */
export function periodKey(period: LimitPeriod, at: Date): string {
  const day = chinaDay(at)
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
