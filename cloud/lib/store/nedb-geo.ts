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

export interface GeoTree {
  index: KDBush
  /** Point i of the tree is point `nth[i]` of document `ids[i]`. */
  ids: string[]
  nth: number[]
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
  return { index, ids, nth }
}

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
      let hit: { doc: T; d: number; nearest: number } | null = null
      const doc = live(id)
      if (doc && matches(doc)) {
        let nearest = -1
        let d = Infinity
        geoPointsOf(doc as unknown as Record<string, unknown>)?.forEach((p, i) => {
          const di = distanceM(point, p)
          if (di < d) [d, nearest] = [di, i]
        })
        if (nearest >= 0 && d >= min && d <= max) hit = { doc, d, nearest }
      }
      decided.set(id, hit)
    }
    return decided.get(id) ?? null
  }
  // A document is counted at its nearest point only, so n points found are n documents.
  const qualifies = (i: number) => i < tree.ids.length && decide(tree.ids[i])?.nearest === tree.nth[i]
  const search = (n: number, radiusM: number) =>
    around(tree.index, point.lng, point.lat, n, (radiusM / 1000) * WIDEN, qualifies)
      .map((i) => decide(tree.ids[i]) as { doc: T; d: number })
      .sort((a, b) => a.d - b.d || (a.doc._id < b.doc._id ? -1 : a.doc._id > b.doc._id ? 1 : 0))
  if (limit <= 0) return []
  let found = search(limit, max)
  // Documents as near as the last one may have been left out: take every one as near, and let
  // (distance, _id) decide, exactly as a full sort would.
  if (found.length === limit) found = search(Infinity, found[found.length - 1].d).slice(0, limit)
  return found.map(({ doc, d }) => ({ doc, distanceM: d }))
}
