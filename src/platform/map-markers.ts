import type { MapMarker } from './map-types'

/** WeChat's own clustering (MapContext.initMarkerCluster): its default bubble, zoom in on tap, 60-px cells. */
export const WX_CLUSTER_OPTIONS = { enableDefaultStyle: true, zoomOnClick: true, gridSize: 60 } as const

/** The <Map> markers for WeChat: every one joins the clustering; the selected one is larger. */
export function wxMarkers(markers: MapMarker[], selected: string | null, icons: { open: string; closed: string }) {
  return markers.map((m, i) => ({
    id: i,
    latitude: m.lat,
    longitude: m.lng,
    title: m.name,
    iconPath: m.open ? icons.open : icons.closed,
    width: selected === m.code ? 32 : 24,
    height: selected === m.code ? 40 : 30,
    joinCluster: true,
  }))
}
