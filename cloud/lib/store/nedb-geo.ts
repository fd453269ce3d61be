import KDBush from 'kdbush'
import { around } from 'geokdbush'
import { distanceM, type LatLng } from '../../../domain/geo'
import { geoPointsOf, type Doc, type GeoHit } from './port'

/**
 * The embedded store's geoNear: one static kd-tree (kdbush) per collection over every point of every
 * document (its lat/lng, or each of its geoPoints: the port's geo rule), searched nearest-first on the
 * sphere (geokdbush) with the query, the distance bounds and "a document counts at its nearest
 * point" applied inside the search, so `limit` counts answers and a page costs about its own size
 * plus the points nearer than minDistance. Distances are the domain's own (distanceM), and the answer
 * is exact: the first `limit` matching documents by (distance, _id), ties at the last one included
 * before the cut, as a full sort would give.
 */

/** geokdbush measures in km on a sphere of 6,371 km, a hair smaller than ours: widen, then cut exactly. */
const WIDEN = 1.000001
/** Beyond the radius by more than the two spheres differ (WIDEN), so geokdbush measures it outside too. */
const BEYOND = 1.0001

export interface GeoTree {
  index: KDBush
  /** Point i of the tree is point `nth[i]` of document `ids[i]`, at (coords[2i], coords[2i + 1]) = (lng, lat). */
  ids: string[]
  nth: number[]
  coords: number[]
}

export function buildGeoTree(docs: readonly Doc[]): GeoTree {
  const ids: string[] = []
  const nth: number[] = []
  const coords: number[] = []
  for (const doc of docs) {
    geoPointsOf(doc as unknown as Record<string, unknown>)?.forEach((p, i) => {
      ids.push(doc._id)
      nth.push(i)
      coords.push(p.lng, p.lat)
    })
  }
  // kdbush needs at least one point: an empty tree holds one that no document owns.
  const index = new KDBush(Math.max(1, ids.length))
  for (let i = 0; i < ids.length; i++) index.add(coords[2 * i], coords[2 * i + 1])
  if (!ids.length) index.add(0, 0)
  index.finish()
  return { index, ids, nth, coords }
}

/** A document's distance from the point at its nearest point, and which point that is; null when it has none. */
function nearestPoint(doc: Doc, point: LatLng): { d: number; nearest: number } | null {
  let nearest = -1
  let d = Infinity
  geoPointsOf(doc as unknown as Record<string, unknown>)?.forEach((p, i) => {
    const di = distanceM(point, p)
    if (di < d) [d, nearest] = [di, i]
  })
  return nearest >= 0 ? { d, nearest } : null
}

/** Nearest first, then by _id: the order of every answer (and of the cut at `limit`). */
const byDistance = (a: { doc: Doc; d: number }, b: { doc: Doc; d: number }) => a.d - b.d || (a.doc._id < b.doc._id ? -1 : a.doc._id > b.doc._id ? 1 : 0)

export interface NearQuery {
  point: LatLng
  minDistanceM: number
  maxDistanceM: number
  limit: number
}

/**
 * The nearest documents of the tree, `live` giving each one's current version (undefined: gone) and
 * `matches` the query. The tree must hold the current points of every document (the adapter
 * rebuilds it after any write that may move one).
 */
export function nearestDocs<T extends Doc>(tree: GeoTree, live: (id: string) => T | undefined, matches: (doc: T) => boolean, q: NearQuery): Array<GeoHit<T>> {
  const { point, minDistanceM: min, maxDistanceM: max, limit } = q
  // Per document: its distance and nearest point when it qualifies, else null (decided once per search).
  const decided = new Map<string, { doc: T; d: number; nearest: number } | null>()
  const decide = (id: string) => {
    if (!decided.has(id)) {
      const doc = live(id)
      const at = doc && matches(doc) ? nearestPoint(doc, point) : null
      decided.set(id, doc && at && at.d >= min && at.d <= max ? { doc, ...at } : null)
    }
    return decided.get(id) ?? null
  }
  // A document is counted at its nearest point only, so n points found are n documents.
  const qualifies = (i: number) => i < tree.ids.length && decide(tree.ids[i])?.nearest === tree.nth[i]
  // geokdbush stops at the first point it queues beyond the radius, and it queues only the points the
  // predicate accepts: with fewer than n answers inside the radius it would walk the whole tree and
  // test every document. A point clearly beyond the radius is accepted unread, as the stop sign.
  const beyond = (i: number, radiusM: number) => i < tree.ids.length && distanceM(point, { lng: tree.coords[2 * i], lat: tree.coords[2 * i + 1] }) > radiusM * BEYOND
  const search = (n: number, radiusM: number) =>
    around(tree.index, point.lng, point.lat, n, (radiusM / 1000) * WIDEN, (i) => beyond(i, radiusM) || qualifies(i))
      .map((i) => decide(tree.ids[i]) as { doc: T; d: number })
      .sort(byDistance)
  if (limit <= 0) return []
  let found = search(limit, max)
  // Documents as near as the last one may have been left out: take every one as near, and let
  // (distance, _id) decide, exactly as a full sort would.
  if (found.length === limit) found = search(Infinity, found[found.length - 1].d).slice(0, limit)
  return found.map(({ doc, d }) => ({ doc, distanceM: d }))
}

/**
 * nearestDocs's answer from a few candidates, each measured: what the adapter does when an index
 * gives every document the query can match (one value of an indexed field) and they are few. The
 * tree walks outwards and tests each point it meets, so a query that matches few documents near
 * the point costs every point nearer than they are, up to the whole radius (a street number of
 * 示例路 with a location: seconds at 186,000 stations); the candidates cost their own number.
 */
export function nearestAmong<T extends Doc>(candidates: Iterable<T>, matches: (doc: T) => boolean, q: NearQuery): Array<GeoHit<T>> {
  if (q.limit <= 0) return []
  const found: Array<{ doc: T; d: number }> = []
  for (const doc of candidates) {
    const at = matches(doc) ? nearestPoint(doc, q.point) : null
    if (at && at.d >= q.minDistanceM && at.d <= q.maxDistanceM) found.push({ doc, d: at.d })
  }
  return found
    .sort(byDistance)
    .slice(0, q.limit)
    .map(({ doc, d }) => ({ doc, distanceM: d }))
}

/** How many candidates measureRatherThanWalk tests to guess how many of them match. */
const SAMPLE = 256

/**
 * Whether measuring every candidate (nearestAmong) costs less than walking the tree (nearestDocs):
 * the walk tests about `points / matching` points for each answer it finds (if the matching
 * documents lie like the rest), the candidates cost their own number. How many match is guessed
 * from an even sample of them: a kind of place 6% of stations hold (母婴室) is found sooner by the
 * walk; a street number among the stations of every 示例路 (a few hundred of the 15,000 its rarest
 * piece gives) by measuring.
 */
export function measureRatherThanWalk<T>(candidates: readonly T[], matches: (doc: T) => boolean, points: number, limit: number): boolean {
  const sample = Math.min(candidates.length, SAMPLE)
  let hits = 0
  for (let i = 0; i < sample; i++) if (matches(candidates[Math.floor((i * candidates.length) / sample)])) hits++
  const matching = sample ? (hits / sample) * candidates.length : 0
  return candidates.length <= (matching ? (limit * points) / matching : points)
}
