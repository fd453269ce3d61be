import { distanceM } from '../../../src/domain/stations/geo'
import { byDistance, matches, type Hit, type NearbyQuery } from '../../../src/domain/stations/search'
import type { Filter, Store } from '../../lib/store/port'
import type { StationDoc } from './collections'
import { pointOf } from './station-index'

/** The database measures on its own sphere (MongoDB's is 6,378.1 km): ask a little wider, cut exactly. */
const WIDEN = 1.002
/** Candidates fetched first (times k), and the most fetched for one search (the platform's cap). */
const FIRST_FACTOR = 2
export const MAX_CANDIDATES = 1000

/** What the database itself can filter on: active, the types, every amenity asked for. */
export function stationQuery(query: NearbyQuery): Filter<StationDoc> {
  return {
    status: 'active',
    ...(query.types?.length ? { type: { $in: query.types } } : {}),
    ...(query.amenities?.length ? { amenities: { $all: query.amenities } } : {}),
  }
}

/**
 * The k nearest qualifying stations through the store's geoNear (WeChat: the aggregate stage over
 * the geo index on `location`), for homes where no process keeps an index in memory. The database
 * filters what it can (status, type, amenities); open-now is checked here, so when it is asked the
 * search fetches more candidates (2k, then doubling, at most MAX_CANDIDATES) until k qualify or the
 * radius holds no more. Distances and their order are the domain's own (distanceM, then code), so
 * the answers are those of the embedded kd index on the same data.
 */
export async function geoNearStations(
  store: Store & Required<Pick<Store, 'geoNear'>>,
  query: NearbyQuery,
  now: Date,
): Promise<{ hits: Hit[]; docs: Map<string, StationDoc> }> {
  const filter = stationQuery(query)
  for (let limit = Math.min(Math.max(query.k * FIRST_FACTOR, 20), MAX_CANDIDATES); ; limit = Math.min(limit * 2, MAX_CANDIDATES)) {
    const found = await store.geoNear<StationDoc>('stations', { point: query, maxDistanceM: query.radiusM * WIDEN + 1, query: filter, limit })
    const candidates = found.map(({ doc }) => ({ doc, hit: { code: doc._id, distanceM: distanceM(query, doc) } }))
    const qualified = candidates.filter(({ doc, hit }) => hit.distanceM <= query.radiusM && matches(pointOf(doc), query, now)).map((c) => c.hit).sort(byDistance)
    const exhausted = found.length < limit
    // Every station as near as the kth qualifying one must have been fetched: the last candidate is farther.
    const farthest = candidates.reduce((m, c) => Math.max(m, c.hit.distanceM), 0)
    const settled = qualified.length >= query.k && qualified[query.k - 1].distanceM < farthest
    if (exhausted || settled || limit >= MAX_CANDIDATES) {
      const hits = qualified.slice(0, query.k)
      return { hits, docs: new Map(candidates.map(({ doc }) => [doc._id, doc])) }
    }
  }
}
