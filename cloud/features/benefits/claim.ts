import { randomInt } from 'node:crypto'
import { couponExpiry } from '../../../domain/benefits/coupons'
import { offerAvailability, type OfferAvailability } from '../../../domain/benefits/offers'
import { merchantActive } from '../../../domain/merchants/merchant'
import { periodKey } from '../../../domain/benefits/time'
import type { ActionParsed, CouponView } from '../../../domain/contract'
import { CloudError, type ErrorCode } from '../../../domain/errors'
import { signedIn, type ActionContext } from '../../lib/context'
import { requireActiveMember } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import { loadOffer } from './browse'
import { benefitsDb, type CouponDoc, type OfferDoc } from './collections'
import { isEligible } from './eligibility'
import { dropHold, giveBack, holdIdOf, settleStaleHolds, takeUnit } from './holds'
import { couponView } from './views'
import { tallyCoupon } from '../staff/tally'

/** Redeem codes avoid 0/O, 1/I/L so they can be read aloud and typed. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

export function newRedeemCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

const REFUSALS: Record<Exclude<OfferAvailability, 'open'>, ErrorCode> = {
  not_started: 'OFFER_NOT_STARTED',
  ended: 'OFFER_ENDED',
  paused: 'OFFER_PAUSED',
  sold_out: 'SOLD_OUT',
}

function refuseUnlessOpen(offer: OfferDoc, now: Date): void {
  const availability = offerAvailability(offer, now)
  if (availability !== 'open') throw new CloudError(REFUSALS[availability])
}

/** A paused or closed merchant's offers cannot be claimed (商户管理); a merchant stored before statuses is active. */
async function refuseUnlessMerchantActive(ctx: ActionContext, offer: OfferDoc): Promise<void> {
  const merchant = await ctx.db.merchants.get(offer.merchantId)
  if (merchant && !merchantActive(merchant)) throw new CloudError('MERCHANT_SUSPENDED', '该商户已暂停合作，这项福利暂不能领取')
}

/**
 * Claims one coupon: the checks (window, status, the merchant active, eligibility, per-member limit), then one
 * conditional update takes a unit of stock and records a hold (holds.ts), then the coupon is
 * inserted. Unique keys make the insert the last word: `limitKey` (one slot per allowed coupon per
 * period) keeps a member within the limit however many claims race, and `requestKey` makes a retry
 * find its first coupon. When the insert does not happen, the unit goes back with its hold; when
 * the attempt dies in between, a retry with the same key finishes with the unit its hold keeps
 * (cloud/lib/resume.ts), or, if nobody retries, the hold gives it back later.
 */
export async function claimOffer(ctx: ActionContext, input: ActionParsed<'benefits', 'claim'>): Promise<CouponView> {
  const { openid } = signedIn(ctx)
  const requestKey = `${openid}|${input.idempotencyKey}`
  const retried = async () => (await benefitsDb(ctx.store).coupons.find({ requestKey }, { limit: 1 }))[0]
  const first = await retried()
  if (first) return couponView(first, ctx.now())
  try {
    return await claimOnce(ctx, input.offerId, requestKey, holdIdOf(ctx, openid, input.idempotencyKey))
  } catch (error) {
    // A retry racing its own first attempt may be refused (limit reached, sold out) by that very
    // attempt's success: then the answer is the coupon the first attempt got.
    const coupon = error instanceof CloudError ? await retried() : undefined
    if (coupon) return couponView(coupon, ctx.now())
    throw error
  }
}

async function claimOnce(ctx: ActionContext, offerId: string, requestKey: string, holdId: string): Promise<CouponView> {
  const { openid } = signedIn(ctx)
  const db = benefitsDb(ctx.store)
  const now = ctx.now()

  const membership = await requireActiveMember(ctx)
  let offer = await loadOffer(ctx, offerId)
  // Units held by attempts that died are given back first (a sold-out offer may have some).
  if (await settleStaleHolds(ctx, offer)) offer = await loadOffer(ctx, offerId)
  // A try of this very claim that died after taking its unit left its hold: finish with that unit
  // (the offer may look sold out because of it).
  let resumed = Boolean(offer.holds?.[holdId])
  if (!resumed) refuseUnlessOpen(offer, now)
  await refuseUnlessMerchantActive(ctx, offer)
  if (!(await isEligible(ctx, offer, membership))) throw new CloudError('NOT_ELIGIBLE')
  const period = periodKey(offer.limit.period, now)
  const held = await db.coupons.count({ offerId: offer._id, openid, periodKey: period })
  if (held >= offer.limit.count) throw new CloudError('CLAIM_LIMIT_REACHED')

  if (!resumed && !(await takeUnit(ctx, offer._id, holdId))) {
    const latest = await loadOffer(ctx, offer._id)
    resumed = Boolean(latest.holds?.[holdId]) // a racing try of this claim took it
    // Otherwise something changed since the checks (the last unit went, or staff paused it): say what.
    if (!resumed) refuseUnlessOpen(latest, now)
    if (!resumed) throw new CloudError('SOLD_OUT')
  }

  let placed: { coupon: CouponDoc; fresh: boolean }
  try {
    placed = await placeCoupon(ctx, offer, openid, period, held, requestKey, holdId)
  } catch (error) {
    const [racing] = await db.coupons.find({ requestKey }, { limit: 1 })
    await settleHold(ctx, offer._id, holdId, racing)
    throw error
  }
  await settleHold(ctx, offer._id, holdId, placed.coupon)
  // Counted by the try that placed it (a retry finds it, not fresh), for the staff figures.
  if (placed.fresh) await tallyCoupon(ctx, offer.unionPath, placed.coupon, 'c', placed.coupon.claimedAt)
  return couponView(placed.coupon, now)
}

/** The claim's hold, once its coupon is placed (or not): dropped if that coupon used its unit, else its unit goes back. */
async function settleHold(ctx: ActionContext, offerId: string, holdId: string, coupon: CouponDoc | undefined): Promise<void> {
  if (coupon?.holdId === holdId) await dropHold(ctx, offerId, holdId)
  else await giveBack(ctx, offerId, holdId)
}

async function placeCoupon(ctx: ActionContext, offer: OfferDoc, openid: string, period: string, firstSlot: number, requestKey: string, holdId: string): Promise<{ coupon: CouponDoc; fresh: boolean }> {
  const db = benefitsDb(ctx.store)
  const now = ctx.now()
  let slot = firstSlot
  let code = newRedeemCode()
  while (slot < offer.limit.count) {
    const coupon: CouponDoc = {
      _id: ctx.newId(),
      offerId: offer._id,
      openid,
      merchantId: offer.merchantId,
      title: offer.title,
      merchantName: offer.merchantName,
      code,
      periodKey: period,
      limitKey: `${offer._id}|${openid}|${period}|${slot}`,
      requestKey,
      holdId,
      status: 'active',
      claimedAt: now.toISOString(),
      expiresAt: couponExpiry(now, offer.couponValidDays, offer.endAt),
      usedAt: null,
      usedBy: null,
      usedDay: null,
    }
    try {
      return { coupon: await db.coupons.insert(coupon), fresh: true }
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
      const [retried] = await db.coupons.find({ requestKey }, { limit: 1 })
      if (retried) return { coupon: retried, fresh: false }
      if (error.message.includes(code)) code = newRedeemCode()
      else slot += 1
    }
  }
  throw new CloudError('CLAIM_LIMIT_REACHED')
}
