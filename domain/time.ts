/**
 * China time (北京时间), the one place it is computed: the calendar of join ages, 金秋助学 windows,
 * coupon days and limits, station hours and the daily jobs all follow it, whatever zone the phone or
 * the server is in.
 *
 * A fixed UTC+8 offset, added to the instant and read back with the UTC getters. Not dayjs's
 * timezone plugin with 'Asia/Shanghai': that plugin asks Intl.DateTimeFormat for the zone, and
 * WeChat's JS engine on Android ignores it and answers in the phone's own zone (iamkun/dayjs#2635,
 * NervJS/taro#16078). Not dayjs's utc plugin either: its utcOffset(480) is worked out from the
 * device's local time and goes an hour wrong on a phone in a zone with daylight saving, and the plugin
 * would land in the main package's vendors (+2.4 KB) for what one addition does. China has one zone
 * and no daylight saving since 1991, so the offset is the whole rule, and no Intl is needed anywhere.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 3600 * 1000

const DAY_MS = 24 * 3600 * 1000

/**
 * China's wall clock at `at`: a Date moved on by the offset, so its UTC fields (getUTCFullYear,
 * getUTCDay, getUTCHours…) read as in China. Its own instant is not `at`.
 */
function chinaWall(at: Date): Date {
  return new Date(at.getTime() + CHINA_UTC_OFFSET_MS)
}

/** The China calendar date of `at`, YYYY-MM-DD ("today" to a member, a merchant, a reviewer). */
export function chinaToday(at: Date): string {
  return chinaWall(at).toISOString().slice(0, 10)
}

/** The China wall-clock time of `at`, HH:mm. */
export function chinaClock(at: Date): string {
  return chinaWall(at).toISOString().slice(11, 16)
}

/** The weekday (0 = Monday) and minute of the day of `at` in China. */
export function chinaWeekMinute(at: Date): { day: number; minute: number } {
  const t = chinaWall(at)
  return { day: (t.getUTCDay() + 6) % 7, minute: t.getUTCHours() * 60 + t.getUTCMinutes() }
}

/** 00:00 China time of the China day containing `at`, as an instant. */
export function chinaDayStart(at: Date): Date {
  return new Date(Date.parse(`${chinaToday(at)}T00:00:00.000Z`) - CHINA_UTC_OFFSET_MS)
}

/** The instant a China calendar day (YYYY-MM-DD) begins; null when it is not a real day. */
export function chinaDayBegins(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const start = new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_UTC_OFFSET_MS)
  return !Number.isNaN(start.getTime()) && chinaToday(start) === day ? start : null
}

/**
 * A China calendar day (YYYY-MM-DD) as the ISO time its first or last second begins, written with
 * China's offset (2026-12-01T00:00:00+08:00): what an offer's window sends. Anything else is
 * handed back as it is, for the schema to refuse with its message.
 */
export function chinaDayBound(day: string, bound: 'first' | 'last'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T${bound === 'last' ? '23:59:59' : '00:00:00'}+08:00` : day
}

/** Milliseconds from `at` to the next `hour`:00 China time (`at` itself on the hour counts as next day's). */
export function msUntilChinaHour(at: Date, hour: number): number {
  const target = chinaDayStart(at).getTime() + hour * 3600 * 1000
  return target > at.getTime() ? target - at.getTime() : target + DAY_MS - at.getTime()
}
