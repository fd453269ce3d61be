/**
 * Geometry every feature shares (驿站, 普惠, the map, the cloud's nearest-first search): one point
 * shape, distances on the sphere, China's bounds and the WGS-84 → GCJ-02 conversion.
 */

/** A point as WeChat maps use it (GCJ-02), stored as given. */
export interface LatLng {
  lat: number
  lng: number
}

/**
 * The same point as the contract and WeChat's own APIs spell it (wx.getLocation, <Map>, the
 * stations' and stores' fields). The app and the cloud compute on LatLng and convert at the edge
 * with this pair, not by hand at every call site.
 */
export interface LatitudeLongitude {
  latitude: number
  longitude: number
}

export const toLatLng = (p: LatitudeLongitude): LatLng => ({ lat: p.latitude, lng: p.longitude })
export const toLatitudeLongitude = (p: LatLng): LatitudeLongitude => ({ latitude: p.lat, longitude: p.lng })

/** China's bounding box: a station or store outside it is a data error (swapped or WGS/BD mixups far off). */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.4, maxLng: 135.1 } as const

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

/**
 * WGS-84 (what a browser's geolocation gives) to GCJ-02 (what WeChat maps and our station data
 * use), by the published approximation of the offset; a few metres off at worst. Outside China
 * the two systems coincide.
 */
const A = 6378245.0
const EE = 0.00669342162296594323

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

export function wgs84ToGcj02(p: LatLng): LatLng {
  if (!inChina(p)) return p
  const dLat0 = transformLat(p.lng - 105.0, p.lat - 35.0)
  const dLng0 = transformLng(p.lng - 105.0, p.lat - 35.0)
  const radLat = (p.lat / 180.0) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) ** 2
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (dLat0 * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (dLng0 * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: p.lat + dLat, lng: p.lng + dLng }
}
