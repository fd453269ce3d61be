import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { ANONYMOUS_CHECKINS_PER_STATION_DAY } from '../../../domain/stations/checkin'
import { chinaToday } from '../../../domain/time'
import type { ActionContext } from '../../lib/context'
import { keyedHash } from '../../lib/crypto'
import { DuplicateKeyError } from '../../lib/store/port'
import { stationsDb, type StationDoc } from './collections'
import { loadStation } from './detail'

/** A paused or retired station counts nothing: the message says which. */
export function requireOpenForVisits(station: StationDoc): void {
  if (station.status === 'closed') throw new CloudError('STATION_RETIRED', '这个驿站已撤销，不能打卡；可在驿站地图上找附近其他驿站')
  if (station.status === 'suspended') throw new CloudError('STATION_PAUSED')
}

/**
 * The mark that this person checked in here today: a keyed hash of the person, the station and the
 * day together, so marks of two days (or two stations) cannot be linked to one person either.
 */
const markId = (ctx: ActionContext, code: string, day: string, openid: string) => `${code}:${day}:${keyedHash(ctx.secrets.hashKey, `checkin:${openid}:${code}:${day}`).slice(0, 24)}`

/**
 * Adds one visit to the station's day. Anonymous visits only while the day has fewer than the cap:
 * the cap is in the update's own filter, so concurrent check-ins cannot pass it. The day's document
 * is made by the first visit (a duplicate key means another made it first: increment it then);
 * that first visit also deletes the station's marks of earlier days, which answered "already
 * today?" and have nothing more to say. Answers whether the visit was counted.
 */
async function countVisit(ctx: ActionContext, station: StationDoc, day: string, anonymous: boolean): Promise<boolean> {
  const { visits, marks } = stationsDb(ctx.store)
  const _id = `${station._id}:${day}`
  const filter = anonymous ? { _id, anonymous: { $lt: ANONYMOUS_CHECKINS_PER_STATION_DAY } } : { _id }
  const inc = anonymous ? { visits: 1, anonymous: 1 } : { visits: 1 }
  if ((await visits.update(filter, { inc })) > 0) return true
  try {
    await visits.insert({ _id, station: station._id, day, unionPath: station.unionPath, visits: 1, anonymous: anonymous ? 1 : 0 })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    return (await visits.update(filter, { inc })) > 0
  }
  await marks.remove({ station: station._id, day: { $lt: day } })
  return true
}

/**
 * 打卡: a visit counted once per signed-in person per station per China day, and from people not
 * signed in up to a cap per station per day. Nothing names who visited: a signed-in person leaves a
 * mark whose id is a keyed hash (duplicate key = already today), an anonymous one nothing at all.
 */
export async function checkIn(input: ActionParsed<'stations', 'checkIn'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'checkIn'>> {
  const station = await loadStation(ctx, input.code)
  requireOpenForVisits(station)
  const day = chinaToday(ctx.now())
  const answer = (result: 'counted' | 'already') => ({ code: station._id, name: station.name, result, day })
  if (!ctx.caller) {
    if (!(await countVisit(ctx, station, day, true))) throw new CloudError('RATE_LIMITED', '这个驿站今天未登录的打卡已达上限，请登录后再打卡')
    return answer('counted')
  }
  const { marks } = stationsDb(ctx.store)
  const mark = { _id: markId(ctx, station._id, day, ctx.caller.openid), station: station._id, day }
  try {
    await marks.insert(mark)
  } catch (error) {
    if (error instanceof DuplicateKeyError) return answer('already')
    throw error
  }
  try {
    await countVisit(ctx, station, day, false)
  } catch (error) {
    // Not counted: take the mark back, so trying again counts the visit.
    await marks.remove({ _id: mark._id })
    throw error
  }
  return answer('counted')
}
