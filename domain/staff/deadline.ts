import { CHINA_UTC_OFFSET_MS } from '../time'
import type { QueueKind } from '../home'

/**
 * A union's service deadlines (#17 item 4): how many working days its staff have to decide an item
 * of each queue. The 工作台 shows each item's wait against it, the figures count what went past it,
 * and the daily digest warns before it passes. One rule for all three, written once here.
 *
 * Working days are Monday to Friday in China time. The official holiday calendar (调休) changes every
 * year by State Council notice, so it is not guessed at here: a deadline over 国庆 is early, never late.
 */
export type ServiceDays = Record<QueueKind, number>

/** 3 working days for a join, as #17 asks; the other queues take the same unless a union says so. */
export const DEFAULT_SERVICE_DAYS: ServiceDays = {
  join: 3,
  transferOut: 3,
  transferIn: 3,
  rights: 15,
  aidOne: 5,
  aidTwo: 5,
}

/** What a union may set: 1 to 30 working days per queue. */
export const SERVICE_DAYS_RANGE = { min: 1, max: 30 } as const

/** The union's own settings over the defaults; a missing or out-of-range value falls back. */
export function serviceDays(own?: Partial<ServiceDays> | null): ServiceDays {
  const days = { ...DEFAULT_SERVICE_DAYS }
  for (const kind of Object.keys(days) as QueueKind[]) {
    const n = own?.[kind]
    if (typeof n === 'number' && Number.isInteger(n) && n >= SERVICE_DAYS_RANGE.min && n <= SERVICE_DAYS_RANGE.max) days[kind] = n
  }
  return days
}

const DAY_MS = 24 * 3600 * 1000

/** Is the China calendar day holding `at` a Saturday or Sunday? */
function weekendInChina(at: Date): boolean {
  const day = new Date(at.getTime() + CHINA_UTC_OFFSET_MS).getUTCDay()
  return day === 0 || day === 6
}

/**
 * The instant an item that arrived at `since` is due: `days` working days later, at the same time of
 * day. An item that arrives on a weekend starts counting on Monday at 00:00 China time.
 */
export function dueAt(since: Date, days: number): Date {
  let at = new Date(since.getTime())
  if (weekendInChina(at)) {
    while (weekendInChina(at)) at = new Date(at.getTime() + DAY_MS)
    const wall = new Date(at.getTime() + CHINA_UTC_OFFSET_MS)
    at = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - CHINA_UTC_OFFSET_MS)
  }
  let left = days
  while (left > 0) {
    at = new Date(at.getTime() + DAY_MS)
    if (!weekendInChina(at)) left -= 1
  }
  return at
}

export type DeadlineState = 'ok' | 'soon' | 'overdue'

/** Within one working day of the deadline counts as 'soon' (the digest's 即将超时). */
export function deadlineState(since: Date, days: number, now: Date): DeadlineState {
  const due = dueAt(since, days)
  if (now.getTime() >= due.getTime()) return 'overdue'
  return now.getTime() >= dueAt(since, days - 1).getTime() ? 'soon' : 'ok'
}
