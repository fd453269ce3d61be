import type { LatLng } from '@domain/geo'

export interface MapMarker {
  code: string
  lat: number
  lng: number
  name: string
  open: boolean
}

/** What both map views (the web's own, WeChat's <Map>) are given. */
export interface StationMapProps {
  center: LatLng
  /** Whether the centre is the person's own position (or a chosen city's centre). */
  centerIsUser: boolean
  markers: MapMarker[]
  selected: string | null
  onMarkerTap(code: string): void
}

/**
 * Where a clerk says a station is (the upkeep form): WeChat taps a point on its <Map>; the web types
 * it or takes the browser's position, and with map tiles configured also taps it on a Leaflet map.
 */
export interface PointPickerProps {
  value: LatLng | null
  onPick(point: LatLng): void
}
