import type { ActionOutput, CheckPlace } from '../../../domain/contract'
import { chinaToday } from '../../../domain/time'
import { CloudError } from '../../../domain/errors'
import { signedIn, type ActionContext } from '../../lib/context'
import { keyedHash } from '../../lib/crypto'
import { merchantIds, requireStaffOf, staffUnionIds } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import { stationsDb, type StationDoc } from '../stations/collections'
import { joinDb, type CardCheckDoc } from './collections'

/**
 * Where the caller's checks count: their merchant when they are a cashier, else the first union
 * they are a clerk of. No one else may check: there is no station-keeper role (#15 item 6), a
 * station's clerk is union staff.
 */
export async function checkPlace(ctx: ActionContext): Promise<CheckPlace> {
  const caller = signedIn(ctx)
  const [merchantId] = merchantIds(caller)
  if (merchantId) {
    const merchant = await ctx.db.merchants.get(merchantId)
    return { kind: 'merchant', id: merchantId, name: merchant?.name ?? '本商户' }
  }
  const [unionId] = staffUnionIds(caller)
  if (!unionId) throw new CloudError('FORBIDDEN', '仅限商户核销员和工会工作人员核验会员码')
  const union = await ctx.db.unions.get(unionId)
  return { kind: 'union', id: unionId, name: union?.name ?? '本工会' }
}

const placeKey = (place: CheckPlace) => `${place.kind}:${place.id}`

/**
 * The station a keeper checks cards at (会员核验 opened from the station): only staff of its managing
 * union (or above) may count checks for it, and a retired station takes none. Unknown and out of
 * reach answer alike.
 */
export async function checkStation(ctx: ActionContext, code: string | undefined): Promise<StationDoc | null> {
  if (!code) return null
  const station = await stationsDb(ctx.store).stations.get(code)
  const refused = new CloudError('FORBIDDEN', '只有驿站管理工会的工作人员才能在驿站核验会员码')
  if (!station) throw refused
  await requireStaffOf(ctx, station.unionId).catch(() => {
    throw refused
  })
  if (station.status === 'closed') throw new CloudError('STATION_RETIRED', '这个驿站已撤销，不能再记核验')
  return station
}

/** A check (or an offline batch) for the place, and for the station it was made at, if any. */
export async function recordCheck(ctx: ActionContext, place: CheckPlace, mode: 'online' | 'offline', count: number, id = ctx.newId(), station: StationDoc | null = null): Promise<void> {
  const at = ctx.now()
  const doc: CardCheckDoc = { _id: id, place: placeKey(place), day: chinaToday(at), at: at.toISOString(), mode, count }
  if (station) Object.assign(doc, { station: station._id, stationPath: station.unionPath })
  await joinDb(ctx.store).checks.insert(doc)
}

/** Checks made offline, sent when the network is back: a count only. The retry key makes a resend count once. */
export async function recordOfflineChecks(ctx: ActionContext, input: { count: number; idempotencyKey: string; stationCode?: string }): Promise<ActionOutput<'member', 'recordOfflineChecks'>> {
  const place = await checkPlace(ctx)
  const station = await checkStation(ctx, input.stationCode)
  const id = `offline-${keyedHash(ctx.secrets.hashKey, `card-checks:${signedIn(ctx).openid}:${input.idempotencyKey}`).slice(0, 40)}`
  try {
    await recordCheck(ctx, place, 'offline', input.count, id, station)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return { recorded: input.count }
}

/** Online checks are one record each (counted); offline batches are few and summed. */
async function countChecks(ctx: ActionContext, where: { place: string } | { station: string }, day: string): Promise<{ online: number; offline: number }> {
  const { checks } = joinDb(ctx.store)
  const online = await checks.count({ ...where, day, mode: 'online' })
  const batches = await checks.find({ ...where, day, mode: 'offline' }, { limit: 1000 })
  return { online, offline: batches.reduce((sum, b) => sum + b.count, 0) }
}

/** Today's checks at the caller's place, and at the station they check at, if any. */
export async function todaysChecks(ctx: ActionContext, stationCode?: string): Promise<ActionOutput<'member', 'cardChecks'>> {
  const place = await checkPlace(ctx)
  const station = await checkStation(ctx, stationCode)
  const day = chinaToday(ctx.now())
  const counts = await countChecks(ctx, { place: placeKey(place) }, day)
  if (!station) return { place, day, ...counts }
  const there = await countChecks(ctx, { station: station._id }, day)
  return { place, day, ...counts, station: { code: station._id, name: station.name, checks: there.online + there.offline } }
}
