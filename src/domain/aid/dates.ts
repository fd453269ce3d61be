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
