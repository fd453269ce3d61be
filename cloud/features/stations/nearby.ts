import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { distanceM } from '../../../domain/geo'
import { isOpenAt } from '../../../domain/stations/hours'
import { byDistance, matches, type Hit, type NearbyQuery, type StationPoint } from '../../../domain/stations/search'
import type { ActionContext } from '../../lib/context'
import type { Filter, Store } from '../../lib/store/port'
import { stationBasics, storedHours, type StationDoc } from './collections'

/** The store may measure on its own sphere (MongoDB's is 6,378.1 km): ask a little wider, cut exactly. */
const WIDEN = 1.002
/** Candidates fetched first (times k), and the most fetched for one search (one read's worth). */
const FIRST_FACTOR = 2
export const MAX_CANDIDATES = 1000

/** What the store itself can filter on: active, the types, every amenity asked for. */
export function stationQuery(query: NearbyQuery): Filter<StationDoc> {
  return {
    status: 'active',
    ...(query.types?.length ? { type: { $in: query.types } } : {}),
    ...(query.amenities?.length ? { amenities: { $all: query.amenities } } : {}),
  }
}

/** What the domain's search rules need of a stored station. */
export function pointOf(doc: StationDoc): StationPoint {
  return { code: doc._id, lat: doc.lat, lng: doc.lng, type: doc.type, amenities: doc.amenities, hours: storedHours(doc.hours), active: doc.status === 'active' }
}

/**
 * The k nearest qualifying stations through the store's geoNear (the same on every store). The
 * store filters what it can (status, type, amenities); open-now is checked here, so when it is
 * asked the search fetches more candidates (2k, then doubling, at most MAX_CANDIDATES) until k
 * qualify or the radius holds no more. Distances and their order are the domain's own (distanceM,
 * then code), so the answer is a brute-force scan's (scanNearest) whatever sphere the store uses.
 */
export async function nearestStations(store: Store, query: NearbyQuery, now: Date): Promise<Array<{ hit: Hit; doc: StationDoc }>> {
  const filter = stationQuery(query)
  for (let limit = Math.min(Math.max(query.k * FIRST_FACTOR, 20), MAX_CANDIDATES); ; limit = Math.min(limit * 2, MAX_CANDIDATES)) {
    const found = await store.geoNear<StationDoc>('stations', { point: query, maxDistanceM: query.radiusM * WIDEN + 1, query: filter, limit })
    const candidates = found.map(({ doc }) => ({ doc, hit: { code: doc._id, distanceM: distanceM(query, doc) } }))
    const qualified = candidates.filter(({ doc, hit }) => hit.distanceM <= query.radiusM && matches(pointOf(doc), query, now)).sort((a, b) => byDistance(a.hit, b.hit))
    const exhausted = found.length < limit
    // Every station as near as the kth qualifying one must have been fetched: the last candidate is farther.
    const farthest = candidates.reduce((m, c) => Math.max(m, c.hit.distanceM), 0)
    const settled = qualified.length >= query.k && qualified[query.k - 1].hit.distanceM < farthest
    if (exhausted || settled || limit >= MAX_CANDIDATES) return qualified.slice(0, query.k)
  }
}

/** The k nearest qualifying stations, with what the list shows of each. */
export async function nearbyStations(input: ActionParsed<'stations', 'nearby'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'nearby'>> {
  const now = ctx.now()
  const { latitude, longitude, ...filters } = input
  const nearest = await nearestStations(ctx.store, { ...filters, lat: latitude, lng: longitude }, now)
  const stations = nearest.map(({ hit, doc }) => ({
    ...stationBasics(doc),
    allDay: storedHours(doc.hours).allDay,
    openNow: isOpenAt(storedHours(doc.hours), now),
    distanceM: Math.round(hit.distanceM),
  }))
  return { stations, at: now.toISOString() }
}
