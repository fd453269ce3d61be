import { distanceM, type LatLng } from '../geo'
import { isOpenAt, type Hours } from './hours'
import type { Amenity, StationType } from './types'

/** What a nearest-stations search asks for. Filters apply before k is counted. */
export interface NearbyQuery extends LatLng {
  radiusM: number
  k: number
  types?: StationType[]
  amenities?: Amenity[]
  openNow?: boolean
}

/** The few fields a search needs, kept for every station in the index. */
export interface StationPoint extends LatLng {
  code: string
  type: StationType
  amenities: Amenity[]
  hours: Hours
  active: boolean
}

export interface Hit {
  code: string
  distanceM: number
}

/** Does the station qualify, apart from distance? */
export function matches(point: StationPoint, query: NearbyQuery, now: Date): boolean {
  if (!point.active) return false
  if (query.types?.length && !query.types.includes(point.type)) return false
  if (query.amenities?.length && !query.amenities.every((a) => point.amenities.includes(a))) return false
  if (query.openNow && !isOpenAt(point.hours, now)) return false
  return true
}

/** Nearest first; equal distances by code, so every search method gives the same order. */
export const byDistance = (a: Hit, b: Hit) => a.distanceM - b.distanceM || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** The brute-force answer: every station checked. The index must give exactly this. */
export function scanNearest(points: Iterable<StationPoint>, query: NearbyQuery, now: Date): Hit[] {
  const hits: Hit[] = []
  for (const p of points) {
    if (!matches(p, query, now)) continue
    const d = distanceM(query, p)
    if (d <= query.radiusM) hits.push({ code: p.code, distanceM: d })
  }
  return hits.sort(byDistance).slice(0, query.k)
}
