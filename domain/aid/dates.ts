import { chinaDayBegins, chinaToday } from '../time'

/** Programme years, ages and windows follow China's calendar (../time.ts). */
export function chinaYear(now: Date): number {
  return Number(chinaToday(now).slice(0, 4))
}

/** 2026年11月1日 for an instant, in China time whatever the phone's zone. */
export function chinaDateText(iso: string): string {
  const [y, m, d] = chinaToday(new Date(iso)).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** The instant a China calendar day (YYYY-MM-DD) begins, as ISO; null when it is not a real day. */
export function chinaDayStart(day: string): string | null {
  return chinaDayBegins(day)?.toISOString() ?? null
}

/** The window as staff type it, first and last day inclusive → [opensAt, closesAt). */
export function windowFromDays(firstDay: string, lastDay: string): { opensAt: string; closesAt: string } | null {
  const opensAt = chinaDayStart(firstDay)
  const last = chinaDayStart(lastDay)
  if (!opensAt || !last) return null
  return { opensAt, closesAt: new Date(Date.parse(last) + 24 * 3600 * 1000).toISOString() }
}
