import { CloudError } from '../../../domain/errors'
import { REPORT_LIMITS } from '../../../domain/stations/reports'
import type { ActionContext } from '../../lib/context'
import { DuplicateKeyError } from '../../lib/store/port'
import { stationsDb } from './collections'

const MINUTE_MS = 60_000

/**
 * Takes one unit of a limit in one atomic step on either store: a conditional increment that
 * happens only while the count is under `max` (its answer, 1 or 0, is the decision), or the
 * window's first report inserting the counter, the unique `_id` letting one of two first reports
 * win; the other increments. So a burst of N + 5 at once is N accepted, never a few more, as a
 * count read before the write allowed.
 */
async function take(ctx: ActionContext, key: string, max: number, day: string): Promise<boolean> {
  const { counters } = stationsDb(ctx.store)
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await counters.update({ _id: key, n: { $lt: max } }, { inc: { n: 1 } })) === 1) return true
    const counter = await counters.get(key)
    if (counter && counter.n >= max) return false
    // Made (or given back to) meanwhile: increment it.
    if (counter) continue
    try {
      await counters.insert({ _id: key, n: 1, day })
      await dropPastDays(ctx, day)
      return true
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
  }
  throw new CloudError('CONFLICT', '同时反馈的人太多，请稍后重试')
}

/** The day each store's past windows were last deleted on, so a warm instance deletes once a day. */
const droppedOn = new WeakMap<object, string>()

/**
 * The limits count in windows of a minute or a China day, and a window of a past day has nothing
 * more to say: a window's first report (an insert, not every report) deletes the rows of days
 * before its own, as a station's first check-in of a day deletes yesterday's marks (checkin.ts).
 * Today's rows are never touched, so the limits hold. By the indexed `day`; a failed delete loses
 * nothing (the next window deletes them) and does not fail the report.
 */
async function dropPastDays(ctx: ActionContext, day: string): Promise<void> {
  if (droppedOn.get(ctx.store) === day) return
  try {
    await stationsDb(ctx.store).counters.remove({ day: { $lt: day } })
    droppedOn.set(ctx.store, day)
  } catch (error) {
    ctx.logError('stations.report: past report limits not deleted', error)
  }
}

/** Gives a unit back (a report that was not written after all). */
async function giveBack(ctx: ActionContext, key: string): Promise<void> {
  await stationsDb(ctx.store).counters.update({ _id: key, n: { $gt: 0 } }, { inc: { n: -1 } })
}

/**
 * Takes what a report costs under the limits (domain/stations/reports.ts), or refuses it with the
 * limit's message, taking nothing: a signed-in sender's minute (by the keyed hash), else the
 * station's anonymous day and everyone's anonymous minute. Minutes are clock minutes. Answers the
 * units taken, for `releaseReportQuota` when the report turns out to be a retry.
 */
export async function takeReportQuota(ctx: ActionContext, sender: string | null, station: string, day: string): Promise<string[]> {
  const minute = Math.floor(ctx.now().getTime() / MINUTE_MS)
  if (sender) {
    const key = `person:${sender}:${minute}`
    if (!(await take(ctx, key, REPORT_LIMITS.perPersonPerMinute, day))) throw new CloudError('RATE_LIMITED', `反馈太频繁了：每人每分钟最多 ${REPORT_LIMITS.perPersonPerMinute} 条，请稍后再试`)
    return [key]
  }
  const stationKey = `anonymous-station:${station}:${day}`
  if (!(await take(ctx, stationKey, REPORT_LIMITS.anonymousPerStationPerDay, day))) throw new CloudError('RATE_LIMITED', '这个驿站今天收到的匿名反馈已经很多了，请登录后再反馈')
  const minuteKey = `anonymous:${minute}`
  if (!(await take(ctx, minuteKey, REPORT_LIMITS.anonymousPerMinute, day))) {
    // Refused: the station's unit is not spent on a report that was not taken.
    await giveBack(ctx, stationKey)
    throw new CloudError('RATE_LIMITED', '匿名反馈太多了，请稍后再试，或登录后反馈')
  }
  return [stationKey, minuteKey]
}

export async function releaseReportQuota(ctx: ActionContext, keys: string[]): Promise<void> {
  for (const key of keys) await giveBack(ctx, key)
}
