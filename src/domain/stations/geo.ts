import { CHINA_BOUNDS, type LatLng } from './types'

/** Mean Earth radius in metres (IUGG). */
export const EARTH_RADIUS_M = 6_371_008.8

const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in metres (haversine). Good to well under a metre at city scale. */
export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function inChina(p: LatLng): boolean {
  return p.lat >= CHINA_BOUNDS.minLat && p.lat <= CHINA_BOUNDS.maxLat && p.lng >= CHINA_BOUNDS.minLng && p.lng <= CHINA_BOUNDS.maxLng
}

/** "350 米", "1.2 公里", "35 公里". */
export function formatDistance(m: number): string {
  if (m < 1000) return `${Math.max(10, Math.round(m / 10) * 10)} 米`
  if (m < 10_000) return `${(m / 1000).toFixed(1)} 公里`
  return `${Math.round(m / 1000)} 公里`
}
