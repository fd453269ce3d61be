import { queryTerm } from '../../../domain/search'
import { compareNear, nearKey, type NearKey } from '../../../domain/benefits/near'
import type { Filter, GeoNearQuery, Store } from '../../lib/store/port'
import { benefitsDb, type OfferDoc } from './collections'

/** The store may measure on its own sphere (MongoDB's is 6,378.1 km): start a little nearer, cut exactly. */
const WIDEN = 1.002
/** Beyond any distance on Earth: geoNear needs a maximum. */
const EVERYWHERE_M = 21_000_000
/** The most candidates one request reads (one read's worth). */
export const MAX_GEO_CANDIDATES = 1000
/** Offers without a store read per request, after the last one with a store. */
const STORELESS_BATCH = 100

export interface NearFilters {
  nowIso: string
  category?: string
  city?: string
  q?: string
  matches(doc: OfferDoc): boolean
}

type Shown = Array<{ key: NearKey; doc: OfferDoc }>

/**
 * One page of 离我最近 after the cursor's key (see domain/benefits/near.ts), the same on every
 * store: the store's geoNear over each offer's geoPoints (as near as its nearest store), filtered in
 * the store by status, end, category, city and the search term, starting at the cursor's distance
 * (minDistance), so a page costs the same however deep it is. Distances and order are recomputed
 * with the domain's own (nearKey, compareNear), so the pages are those of a full sort. An offer shows
 * once its key is nearer than the farthest candidate read: nothing unread can come before it. When
 * the offers with a store run out, those without one follow, by id.
 */
export async function nearPage(store: Store, from: { lat: number; lng: number }, filters: NearFilters, after: NearKey | null, limit: number): Promise<{ shown: Shown; more: boolean }> {
  const query: Filter<OfferDoc> = { status: 'active', endAt: { $gt: filters.nowIso } }
  if (filters.category) query.category = filters.category as OfferDoc['category']
  if (filters.city) query.city = filters.city as OfferDoc['city']
  const term = filters.q ? queryTerm(filters.q) : null
  if (term) query.terms = term
  if (after && after.d === null) return storeless(store, query, filters, after.id, [], limit)
  const minDistanceM = after?.d ? Math.max(0, after.d / WIDEN - 1) : undefined
  for (let n = Math.min((limit + 1) * 2, MAX_GEO_CANDIDATES); ; n = Math.min(n * 2, MAX_GEO_CANDIDATES)) {
    const request: GeoNearQuery<OfferDoc> = { point: from, maxDistanceM: EVERYWHERE_M, query, limit: n, ...(minDistanceM ? { minDistanceM } : {}) }
    const found = await store.geoNear<OfferDoc>('offers', request)
    const candidates = found.map(({ doc }) => ({ key: nearKey(from, doc._id, doc.stores), doc }))
    const farthest = candidates.reduce((m, c) => Math.max(m, c.key.d ?? 0), 0)
    const exhausted = found.length < n
    const qualified = candidates
      .filter((c) => c.key.d !== null && (!after || compareNear(c.key, after) > 0) && filters.matches(c.doc))
      .sort((a, b) => compareNear(a.key, b.key))
    const safe = exhausted ? qualified : qualified.filter((c) => (c.key.d as number) < farthest)
    if (exhausted && safe.length <= limit) return storeless(store, query, filters, null, safe, limit)
    if (exhausted || safe.length > limit || n >= MAX_GEO_CANDIDATES) {
      return { shown: safe.slice(0, limit), more: safe.length > limit || (!exhausted && safe.length > 0) }
    }
  }
}

/** The page filled up with offers that have no store (no point for geoNear), by id after `afterId`. */
async function storeless(store: Store, query: Filter<OfferDoc>, filters: NearFilters, afterId: string | null, shown: Shown, limit: number): Promise<{ shown: Shown; more: boolean }> {
  const offers = benefitsDb(store).offers
  const page = [...shown]
  for (let last = afterId; ; ) {
    const batch = await offers.find({ ...query, 'geoPoints.0': { $exists: false }, ...(last ? { _id: { $gt: last } } : {}) }, { sort: { _id: 1 }, limit: STORELESS_BATCH })
    for (const doc of batch) {
      last = doc._id
      if (!filters.matches(doc)) continue
      if (page.length === limit) return { shown: page, more: true }
      page.push({ key: { d: null, id: doc._id }, doc })
    }
    if (batch.length < STORELESS_BATCH) return { shown: page, more: false }
  }
}
