import type { ActionContext } from '../../lib/context'
import { writeKey } from '../../lib/resume'
import { benefitsDb, type OfferDoc } from './collections'

/**
 * A unit of stock a claim has taken and not yet turned into a coupon. Taking the unit and writing
 * the hold are one conditional update on the offer, so a claim that dies between taking the unit
 * and inserting its coupon (a function timeout, a lost instance) leaves a hold behind instead of a
 * lost unit. The hold is named after the claim's retry key (cloud/lib/resume.ts), so the tries of
 * one claim share it and its coupon carries its id:
 * - the coupon is inserted → the hold is dropped;
 * - a retry of a claim that died finds its hold and finishes with that unit, never a second one;
 * - the claim fails → the unit goes back with the hold, in one update that only happens while the
 *   hold is there (so once);
 * - nobody retries → after HOLD_TTL_MS the next claim of that offer (or the daily job) settles
 *   the hold: dropped if its coupon exists, the unit given back if not.
 */

/** Far longer than a cloud function may run (benefits: 20 s), so a live attempt's hold is never settled under it. */
export const HOLD_TTL_MS = 5 * 60 * 1000

/** The hold of one member's claim with one retry key. */
export const holdIdOf = (ctx: ActionContext, openid: string, key: string) => writeKey(ctx, 'claim', openid, key)

const field = (holdId: string) => `holds.${holdId}` as const

/** Takes one unit if the offer is open and has stock and this hold has none yet, recording the hold; true when it did. */
export async function takeUnit(ctx: ActionContext, offerId: string, holdId: string): Promise<boolean> {
  const nowIso = ctx.now().toISOString()
  const taken = await benefitsDb(ctx.store).offers.update(
    { _id: offerId, status: 'active', stock: { $gt: 0 }, startAt: { $lte: nowIso }, endAt: { $gt: nowIso }, [field(holdId)]: { $exists: false } },
    { inc: { stock: -1 }, set: { [field(holdId)]: nowIso } },
  )
  return taken > 0
}

/** The coupon exists: the hold is done with. */
export async function dropHold(ctx: ActionContext, offerId: string, holdId: string): Promise<void> {
  await benefitsDb(ctx.store).offers.update({ _id: offerId, [field(holdId)]: { $exists: true } }, { unset: [field(holdId)] })
}

/** No coupon came of the hold: its unit goes back, once. */
export async function giveBack(ctx: ActionContext, offerId: string, holdId: string): Promise<void> {
  await benefitsDb(ctx.store).offers.update({ _id: offerId, [field(holdId)]: { $exists: true } }, { inc: { stock: 1 }, unset: [field(holdId)] })
}

/** Settles the holds of attempts that can no longer be running; returns how many. */
export async function settleStaleHolds(ctx: ActionContext, offer: OfferDoc): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - HOLD_TTL_MS).toISOString()
  const stale = Object.entries(offer.holds ?? {}).filter(([, at]) => at < cutoff)
  for (const [holdId] of stale) {
    const [coupon] = await benefitsDb(ctx.store).coupons.find({ offerId: offer._id, holdId }, { limit: 1 })
    if (coupon) await dropHold(ctx, offer._id, holdId)
    else await giveBack(ctx, offer._id, holdId)
  }
  return stale.length
}
