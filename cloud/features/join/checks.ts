import type { ActionOutput, CheckPlace } from '../../../domain/contract'
import { chinaToday } from '../../../domain/time'
import { CloudError } from '../../../domain/errors'
import { signedIn, type ActionContext } from '../../lib/context'
import { keyedHash } from '../../lib/crypto'
import { merchantIds, staffUnionIds } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import { joinDb } from './collections'

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

export async function recordCheck(ctx: ActionContext, place: CheckPlace, mode: 'online' | 'offline', count: number, id = ctx.newId()): Promise<void> {
  const at = ctx.now()
  await joinDb(ctx.store).checks.insert({ _id: id, place: placeKey(place), day: chinaToday(at), at: at.toISOString(), mode, count })
}

/** Checks made offline, sent when the network is back: a count only. The retry key makes a resend count once. */
export async function recordOfflineChecks(ctx: ActionContext, input: { count: number; idempotencyKey: string }): Promise<ActionOutput<'member', 'recordOfflineChecks'>> {
  const place = await checkPlace(ctx)
  const id = `offline-${keyedHash(ctx.secrets.hashKey, `card-checks:${signedIn(ctx).openid}:${input.idempotencyKey}`).slice(0, 40)}`
  try {
    await recordCheck(ctx, place, 'offline', input.count, id)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return { recorded: input.count }
}

/** Today's checks at the caller's place. Online checks are one record each (counted); offline batches are few and summed. */
export async function todaysChecks(ctx: ActionContext): Promise<ActionOutput<'member', 'cardChecks'>> {
  const place = await checkPlace(ctx)
  const day = chinaToday(ctx.now())
  const { checks } = joinDb(ctx.store)
  const online = await checks.count({ place: placeKey(place), day, mode: 'online' })
  const batches = await checks.find({ place: placeKey(place), day, mode: 'offline' }, { limit: 1000 })
  return { place, day, online, offline: batches.reduce((sum, b) => sum + b.count, 0) }
}
