import KDBush from 'kdbush'
import { around } from 'geokdbush'
import { distanceM } from '../../../src/domain/stations/geo'
import type { LatLng } from '../../../src/domain/stations/types'
import { compareNear, nearestStoreIndex, type NearKey, type StorePoint } from '../../../src/domain/benefits/near'

/** What the distance order needs of an offer: its filters and its stores. */
export interface OfferEntry {
  id: string
  category: string
  city: string
  status: 'active' | 'paused'
  endAt: string
  /** Title, merchant, city, category: what a search looks in. */
  texts: string[]
  stores: StorePoint[]
}

/** geokdbush measures in km on a sphere of 6,371 km, a hair smaller than ours: widen, then cut exactly. */
const WIDEN = 1.000001

interface Tree {
  index: KDBush
  /** Point i of the tree is store `store` of offer `offer`. */
  points: Array<{ offer: OfferEntry; store: number }>
  /** Offers with no store, by id: they come after every offer with one. */
  storeless: OfferEntry[]
}

/**
 * Offers in the order "nearest store first" (see src/domain/benefits/near.ts), one page at a time.
 * A static kd-tree (kdbush) of every store of every offer, searched nearest-first on the sphere
 * (geokdbush) with the filters and the cursor applied inside the search, and each offer counted at
 * its nearest store only; so a page costs about its own size plus the stores nearer than the
 * cursor, never a read of every offer. Distances and order are then recomputed with the domain's
 * distanceM and compareNear, so the pages are exactly a brute-force sort cut after the cursor.
 *
 * The tree cannot change once built: an edit marks it stale and the next search rebuilds it
 * (a few ms for 10,000 offers; edits are rare).
 */
export class OfferNearIndex {
  private readonly byId = new Map<string, OfferEntry>()
  private tree: Tree | null = null

  get size(): number {
    return this.byId.size
  }

  upsert(entry: OfferEntry): void {
    this.byId.set(entry.id, entry)
    this.tree = null
  }

  private built(): Tree {
    if (!this.tree) {
      const points: Tree['points'] = []
      const storeless: OfferEntry[] = []
      for (const offer of this.byId.values()) {
        if (!offer.stores.length) storeless.push(offer)
        offer.stores.forEach((_, store) => points.push({ offer, store }))
      }
      storeless.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      const index = new KDBush(Math.max(1, points.length))
      for (const p of points) index.add(p.offer.stores[p.store].longitude, p.offer.stores[p.store].latitude)
      if (!points.length) index.add(0, 0)
      index.finish()
      this.tree = { index, points, storeless }
    }
    return this.tree
  }

  /**
   * Up to `limit` offers that pass `keep`, strictly after `after` in the distance order, with their
   * keys. Asking for one more than a page tells whether another page follows.
   */
  page(from: LatLng, keep: (offer: OfferEntry) => boolean, after: NearKey | null, limit: number): NearKey[] {
    const { index, points, storeless } = this.built()
    const keys = new Map<OfferEntry, { key: NearKey; store: number } | null>()
    // The offer's key when it passes the filters and lies after the cursor, else null (memoised per offer).
    const keyOf = (offer: OfferEntry) => {
      if (!keys.has(offer)) {
        let hit: { key: NearKey; store: number } | null = null
        if (keep(offer)) {
          const store = nearestStoreIndex(from, offer.stores)
          const key = { d: distanceM(from, { lat: offer.stores[store].latitude, lng: offer.stores[store].longitude }), id: offer.id }
          if (!after || compareNear(key, after) > 0) hit = { key, store }
        }
        keys.set(offer, hit)
      }
      return keys.get(offer) ?? null
    }
    // Each offer is counted at its nearest store only, so the k nearest points are k offers.
    const qualifies = (i: number) => i < points.length && keyOf(points[i].offer)?.store === points[i].store
    const result: NearKey[] = []
    if (limit > 0 && points.length && (!after || after.d !== null)) {
      let ids = around(index, from.lng, from.lat, limit, Infinity, qualifies)
      // Offers as near as the kth may have been left out: take every one as near, and let the
      // domain's order (distance, then id) decide, exactly as a full sort would.
      if (ids.length === limit) {
        const kth = keyOf(points[ids[ids.length - 1]].offer)?.key.d ?? 0
        ids = around(index, from.lng, from.lat, Infinity, (kth / 1000) * WIDEN, qualifies)
      }
      result.push(...ids.map((i) => (keyOf(points[i].offer) as { key: NearKey }).key).sort(compareNear).slice(0, limit))
    }
    for (const offer of storeless) {
      if (result.length >= limit) break
      if (keep(offer) && (!after || compareNear({ d: null, id: offer.id }, after) > 0)) result.push({ d: null, id: offer.id })
    }
    return result
  }
}
