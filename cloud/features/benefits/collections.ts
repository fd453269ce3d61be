import type { LimitPeriod, OfferCategory, OfferCity } from '../../../domain/benefits/categories'
import type { OfferStore } from '../../../domain/contract'
import { toLatLng } from '../../../domain/geo'
import { GEO_FIELD, type Collection, type CollectionIndexes, type Doc, type Store } from '../../lib/store/port'

/** A 普惠 offer from a partner merchant, owned by a union (its `unionPath` lets staff find it). */
export interface OfferDoc extends Doc {
  merchantId: string
  merchantName: string
  unionId: string
  unionPath: string[]
  /** Root of the union subtree whose members may claim; null: every member. */
  eligibleUnionId: string | null
  title: string
  category: OfferCategory
  description: string
  rules: string[]
  images: string[]
  city: OfferCity
  county: string
  stores: OfferStore[]
  startAt: string
  endAt: string
  total: number
  /** Units left; taken one at a time by a conditional update, never below zero. */
  stock: number
  limit: { count: number; period: LimitPeriod }
  couponValidDays: number
  status: 'active' | 'paused'
  createdAt: string
  updatedAt: string
  /** createdAt + id: newest-first order and the paging cursor in one indexed, unique field. */
  sortKey: string
  /** Search terms (1- and 2-character pieces of title, merchant, city, category). */
  terms: string[]
  /**
   * The stores as points, written by `benefitsDb` from `stores` on every insert and store change:
   * where the store's geoNear finds the offer (at its nearest store) for 离我最近.
   */
  geoPoints?: Array<{ lat: number; lng: number }>
  /** Units taken by claims not yet turned into coupons: hold id → when (holds.ts). */
  holds?: Record<string, string>
}

/** One unit of an offer held by one member, redeemed once at the offer's merchant. */
export interface CouponDoc extends Doc {
  offerId: string
  openid: string
  merchantId: string
  title: string
  merchantName: string
  /** Short code a merchant can type; unique. */
  code: string
  /** Which period of the offer's per-member limit the claim counts in (see periodKey). */
  periodKey: string
  /** offerId|openid|period|slot, unique: a member can hold at most `limit.count` per period. */
  limitKey: string
  /** openid|idempotencyKey, unique: a retried claim finds its coupon instead of taking a second one. */
  requestKey: string
  /** The hold of the claim attempt that placed it (holds.ts): tells a settled hold from a lost unit. */
  holdId?: string
  status: 'active' | 'used'
  claimedAt: string
  expiresAt: string
  usedAt: string | null
  usedBy: string | null
  /** China date of the redemption, for the merchant's 今日核销. */
  usedDay: string | null
  /** When the member was told it is about to expire (once). */
  remindedAt?: string
}

export const geoPointsOf = (stores: readonly OfferStore[]) => stores.map(toLatLng)

/**
 * The offers collection, stamping `geoPoints` from `stores` on every write through it (actions and
 * seeds). The benchmark does not go through it: scripts/bench/benefits.ts writes its offers as lines
 * of the embedded store's offers.db, without geoPoints, which only the WeChat adapter reads.
 */
function withStorePoints(offers: Collection<OfferDoc>): Collection<OfferDoc> {
  const stamp = (doc: OfferDoc): OfferDoc => ({ ...doc, geoPoints: geoPointsOf(doc.stores) })
  return {
    get: (id) => offers.get(id),
    find: (filter, options) => offers.find(filter, options),
    count: (filter) => offers.count(filter),
    insert: (doc) => offers.insert(stamp(doc)),
    insertMany: (docs) => offers.insertMany(docs.map(stamp)),
    update: (filter, patch) => offers.update(filter, patch.set?.stores ? { ...patch, set: { ...patch.set, geoPoints: geoPointsOf(patch.set.stores) } } : patch),
    remove: (filter) => offers.remove(filter),
  }
}

export const benefitsDb = (store: Store) => ({
  offers: withStorePoints(store.collection<OfferDoc>('offers')),
  coupons: store.collection<CouponDoc>('coupons'),
})

export const BENEFITS_COLLECTIONS: CollectionIndexes = {
  offers: [
    { fields: ['sortKey'], unique: true },
    { fields: ['category'] },
    { fields: ['city'] },
    { fields: ['unionPath'] },
    // 离我最近: geoNear over each offer's geoPoints (near.ts); WeChat's needs this geo index.
    { fields: [GEO_FIELD], geo: true },
  ],
  coupons: [
    // These three unique keys are what keep claims within each member's limit and retries single.
    { fields: ['code'], unique: true },
    { fields: ['limitKey'], unique: true },
    { fields: ['requestKey'], unique: true },
    { fields: ['openid'] },
    { fields: ['offerId'] },
    { fields: ['merchantId'] },
  ],
}
