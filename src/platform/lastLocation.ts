import type { LatLng } from '@domain/geo'

/**
 * The last place the person let the app read this session, in memory only (never in storage: a
 * location is personal data). 首页 shows the nearest station from it and never asks for one itself.
 */
let last: LatLng | null = null

export function rememberLocation(point: LatLng): void {
  last = point
}

export function lastLocation(): LatLng | null {
  return last
}
