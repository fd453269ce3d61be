import KDBush from 'kdbush'
import { around } from 'geokdbush'
import { distanceM } from '../../../src/domain/stations/geo'
import { byDistance, matches, type Hit, type NearbyQuery, type StationPoint } from '../../../src/domain/stations/search'

/** geokdbush measures in km on a sphere of 6,371 km, a hair smaller than ours: widen, then cut exactly. */
const WIDEN = 1.000001

/**
 * The stations' spatial index: a static kd-tree (kdbush) searched k-nearest on the sphere with the
 * filters applied inside the search (geokdbush), so k counts qualifying stations. Distances and
 * their order are then recomputed with the domain's own distanceM and byDistance, which makes the
 * answers exactly those of a brute-force scan (tests/unit/stations-index.test.ts).
 *
 * The tree cannot change once built: an edit marks it stale and the next search rebuilds it
 * (about 0.1 s for 186,000 stations; edits are rare).
 */
export class KdIndex {
  private readonly byCode = new Map<string, StationPoint>()
  private tree: { index: KDBush; points: StationPoint[] } | null = null

  get size(): number {
    return this.byCode.size
  }

  /** Adds a station, or replaces the one with the same code. */
  upsert(point: StationPoint): void {
    this.byCode.set(point.code, point)
    this.tree = null
  }

  remove(code: string): void {
    if (this.byCode.delete(code)) this.tree = null
  }

  get(code: string): StationPoint | undefined {
    return this.byCode.get(code)
  }

  points(): IterableIterator<StationPoint> {
    return this.byCode.values()
  }

  private built(): { index: KDBush; points: StationPoint[] } {
    if (!this.tree) {
      const points = [...this.byCode.values()]
      const index = new KDBush(points.length)
      for (const p of points) index.add(p.lng, p.lat)
      index.finish()
      this.tree = { index, points }
    }
    return this.tree
  }

  /** The k nearest stations that match the query's filters, within its radius, nearest first. */
  nearest(query: NearbyQuery, now: Date): Hit[] {
    if (!this.byCode.size || query.k <= 0) return []
    const { index, points } = this.built()
    const qualifies = (id: number) => matches(points[id], query, now)
    const within = (metres: number, max: number): number[] => around(index, query.lng, query.lat, max, (metres / 1000) * WIDEN, qualifies)
    let ids = within(query.radiusM, query.k)
    // Stations tied with the kth may have been left out: take every one as near as the kth, so the
    // domain's own order (distance, then code) decides, exactly as a scan would.
    if (ids.length === query.k) ids = within(distanceM(query, points[ids[ids.length - 1]]), Infinity)
    return ids
      .map((id) => ({ code: points[id].code, distanceM: distanceM(query, points[id]) }))
      .filter((hit) => hit.distanceM <= query.radiusM)
      .sort(byDistance)
      .slice(0, query.k)
  }
}
