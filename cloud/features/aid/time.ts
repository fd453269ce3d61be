/** China time (UTC+8, no daylight saving): the calendar the programmes' years and ages follow. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

export function chinaYear(now: Date): number {
  return Number(chinaToday(now).slice(0, 4))
}
