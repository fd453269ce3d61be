import { queryTerm } from '../../../src/domain/search'
import { compareNear, nearKey, type NearKey } from '../../../src/domain/benefits/near'
import type { Filter, GeoNearQuery, Store } from '../../lib/store/port'
import type { OfferDoc } from './collections'

/** The database measures on its own sphere (MongoDB's is 6,378.1 km): start a little nearer, cut exactly. */
const WIDEN = 1.002
/** Beyond any distance on Earth: geoNear needs a maximum. */
const EVERYWHERE_M = 21_000_000
/** The most candidates one request reads (the platform's cap for one aggregate). */
export const MAX_GEO_CANDIDATES = 1000

export interface NearFilters {
  nowIso: string
  category?: string
  city?: string
  q?: string
  matches(doc: OfferDoc): boolean
}

/**
 * 离我最近 where no process keeps an index (WeChat): the database's geoNear over each offer's
 * MultiPoint of stores (as near as its nearest store), filtered in the database by status, end,
 * category, city and the search term, starting at the cursor's distance (minDistance), so a page
 * costs the same however deep it is. Distances and order are recomputed with the domain's own
 * (nearKey, compareNear), so the pages are those of the embedded index. An offer shows once its
 * key is nearer than the farthest candidate read: nothing unread can come before it.
 * Offers without a store have no point and are not listed in this order here.
 */
export async function nearPageFromDatabase(
  geoNear: NonNullable<Store['geoNear']>,
  from: { lat: number; lng: number },
  filters: NearFilters,
  after: NearKey | null,
  limit: number,
): Promise<{ shown: Array<{ key: NearKey; doc: OfferDoc }>; more: boolean }> {
  if (after && after.d === null) return { shown: [], more: false }
  const query: Filter<OfferDoc> = { status: 'active', endAt: { $gt: filters.nowIso } }
  if (filters.category) query.category = filters.category as OfferDoc['category']
  if (filters.city) query.city = filters.city as OfferDoc['city']
  const term = filters.q ? queryTerm(filters.q) : null
  if (term) query.terms = term
  const minDistanceM = after?.d ? Math.max(0, after.d / WIDEN - 1) : undefined
  for (let n = Math.min((limit + 1) * 2, MAX_GEO_CANDIDATES); ; n = Math.min(n * 2, MAX_GEO_CANDIDATES)) {
    const request: GeoNearQuery<OfferDoc> = { point: from, maxDistanceM: EVERYWHERE_M, query, limit: n, ...(minDistanceM ? { minDistanceM } : {}) }
    const found = await geoNear<OfferDoc>('offers', request)
    const candidates = found.map(({ doc }) => ({ key: nearKey(from, doc._id, doc.stores), doc }))
    const farthest = candidates.reduce((m, c) => Math.max(m, c.key.d ?? 0), 0)
    const exhausted = found.length < n
    const qualified = candidates
      .filter((c) => c.key.d !== null && (!after || compareNear(c.key, after) > 0) && filters.matches(c.doc))
      .sort((a, b) => compareNear(a.key, b.key))
    const safe = exhausted ? qualified : qualified.filter((c) => (c.key.d as number) < farthest)
    if (exhausted || safe.length > limit || n >= MAX_GEO_CANDIDATES) {
      return { shown: safe.slice(0, limit), more: safe.length > limit || (!exhausted && safe.length > 0) }
    }
  }
}
