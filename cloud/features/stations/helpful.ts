import type { ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { HELPFUL_DAYS } from '../../../domain/stations/reports'
import { chinaToday } from '../../../domain/time'
import { signedIn, type ActionContext } from '../../lib/context'
import { keyedHash } from '../../lib/crypto'
import { DuplicateKeyError } from '../../lib/store/port'
import { stationsDb } from './collections'

/**
 * The one 有用 a person may give a station on a China day: its _id is made of the station, the day
 * and a keyed hash of the person, so a second one is a duplicate key on any store and no record
 * names who gave it.
 */
export const helpfulId = (ctx: ActionContext, code: string, openid: string, day: string) => `${code}:${day}:${keyedHash(ctx.secrets.hashKey, `helpful:${openid}`).slice(0, 24)}`

/** 有用 after a visit: once per person per station per day; answers the recent count. */
export async function markHelpful(input: ActionParsed<'stations', 'helpful'>, ctx: ActionContext): Promise<{ helpfulRecent: number }> {
  const { openid } = signedIn(ctx)
  const station = await stationsDb(ctx.store).stations.get(input.code)
  if (!station) throw new CloudError('NOT_FOUND', '找不到这个驿站')
  if (station.status === 'closed') throw new CloudError('STATION_RETIRED')
  const now = ctx.now()
  const day = chinaToday(now)
  const { helpful } = stationsDb(ctx.store)
  try {
    await helpful.insert({ _id: helpfulId(ctx, station._id, openid, day), station: station._id, day, createdAt: now.toISOString() })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new CloudError('RATE_LIMITED', '今天已经点过“有用”了，明天再来吧')
    throw error
  }
  const since = chinaToday(new Date(now.getTime() - HELPFUL_DAYS * 86_400_000))
  return { helpfulRecent: await helpful.count({ station: station._id, day: { $gt: since } }) }
}
