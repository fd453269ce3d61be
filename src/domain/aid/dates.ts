/** China time (UTC+8, no daylight saving): the calendar programme years, ages and windows follow. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const t = Date.parse(`${day}T00:00:00+08:00`)
  if (Number.isNaN(t) || chinaToday(new Date(t)) !== day) return null
  return new Date(t).toISOString()
}

/** The window as staff type it, first and last day inclusive → [opensAt, closesAt). */
export function windowFromDays(firstDay: string, lastDay: string): { opensAt: string; closesAt: string } | null {
  const opensAt = chinaDayStart(firstDay)
  const last = chinaDayStart(lastDay)
  if (!opensAt || !last) return null
  return { opensAt, closesAt: new Date(Date.parse(last) + 24 * 3600 * 1000).toISOString() }
}
