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
