import { distanceM, toLatLng, type LatitudeLongitude, type LatLng } from '../geo'

/**
 * The "离我最近" order of offers: by the distance to the offer's nearest store, offers without a
 * store last, ties broken by id, so every offer has one place and paging never skips or repeats.
 */
export interface NearKey {
  /** Metres to the nearest store (exact, not rounded); null when the offer has no store. */
  d: number | null
  id: string
}

/** A store's point, as the contract spells it. */
export type StorePoint = LatitudeLongitude

/** Index of the store nearest to `from` (the first of equally near ones), or -1 with no store. */
export function nearestStoreIndex(from: LatLng, stores: readonly StorePoint[]): number {
  let best = -1
  let bestD = Infinity
  stores.forEach((s, i) => {
    const d = distanceM(from, toLatLng(s))
    if (d < bestD) {
      best = i
      bestD = d
    }
  })
  return best
}

/** The offer's place in the order: its nearest store's distance (null with no store) and id. */
export function nearKey(from: LatLng, id: string, stores: readonly StorePoint[]): NearKey {
  const i = nearestStoreIndex(from, stores)
  return { d: i < 0 ? null : distanceM(from, toLatLng(stores[i])), id }
}

export function compareNear(a: NearKey, b: NearKey): number {
  if (a.d !== b.d) {
    if (a.d === null) return 1
    if (b.d === null) return -1
    return a.d - b.d
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The cursor after `key`: "g|<metres>|<id>" or "n|<id>" (the number is written exactly). */
export function nearCursor(key: NearKey): string {
  return key.d === null ? `n|${key.id}` : `g|${key.d}|${key.id}`
}

/** A cursor back into its key, or null when it is not one of ours. */
export function parseNearCursor(cursor: string): NearKey | null {
  const geo = /^g\|([0-9.e+-]+)\|(.+)$/.exec(cursor)
  if (geo) {
    const d = Number(geo[1])
    return Number.isFinite(d) && d >= 0 ? { d, id: geo[2] } : null
  }
  const none = /^n\|(.+)$/.exec(cursor)
  return none ? { d: null, id: none[1] } : null
}
