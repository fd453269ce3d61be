import { couponState, expiryReminder } from '../../../domain/benefits/coupons'
import { offerAvailability } from '../../../domain/benefits/offers'
import type { CouponView, OfferAdmin, OfferSummary } from '../../../domain/contract'
import type { CouponDoc, OfferDoc } from './collections'

/** What the list shows of an offer (no rules, no stores: the detail page has those). */
export function offerSummary(offer: OfferDoc, now: Date): OfferSummary {
  return {
    id: offer._id,
    title: offer.title,
    category: offer.category,
    merchantName: offer.merchantName,
    city: offer.city,
    county: offer.county,
    image: offer.images[0] ?? null,
    startAt: offer.startAt,
    endAt: offer.endAt,
    stock: Math.max(0, offer.stock),
    total: offer.total,
    availability: offerAvailability(offer, now),
    distanceM: null,
  }
}

export function couponView(coupon: CouponDoc, now: Date): CouponView {
  return {
    id: coupon._id,
    offerId: coupon.offerId,
    title: coupon.title,
    merchantName: coupon.merchantName,
    code: coupon.code,
    state: couponState(coupon, now),
    claimedAt: coupon.claimedAt,
    expiresAt: coupon.expiresAt,
    usedAt: coupon.usedAt,
    reminder: expiryReminder(coupon, now),
  }
}

export function offerAdmin(offer: OfferDoc): OfferAdmin {
  return {
    id: offer._id,
    title: offer.title,
    category: offer.category,
    merchantId: offer.merchantId,
    merchantName: offer.merchantName,
    unionId: offer.unionId,
    city: offer.city,
    county: offer.county,
    description: offer.description,
    rules: offer.rules,
    stores: offer.stores,
    startAt: offer.startAt,
    endAt: offer.endAt,
    total: offer.total,
    stock: offer.stock,
    claimed: offer.total - offer.stock,
    limit: offer.limit,
    couponValidDays: offer.couponValidDays,
    eligibleUnionId: offer.eligibleUnionId,
    status: offer.status,
    updatedAt: offer.updatedAt,
  }
}
