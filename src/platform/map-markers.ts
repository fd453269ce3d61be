import { toLatitudeLongitude } from '@domain/geo'
import type { MapMarker } from './map-types'

/** A station marker's name for a screen reader, on every web map: 站名，营业中 or 站名，已打烊. */
export const stationLabel = (m: Pick<MapMarker, 'name' | 'open'>) => `${m.name}，${m.open ? '营业中' : '已打烊'}`

/** A count bubble's name: what it holds and what a tap does. */
export const clusterLabel = (count: number) => `${count} 个驿站，点按放大`

/** WeChat's own clustering (MapContext.initMarkerCluster): its default bubble, zoom in on tap, 60-px cells. */
export const WX_CLUSTER_OPTIONS = { enableDefaultStyle: true, zoomOnClick: true, gridSize: 60 } as const

/** The <Map> markers for WeChat: every one joins the clustering; the selected one is larger. */
export function wxMarkers(markers: MapMarker[], selected: string | null, icons: { open: string; closed: string }) {
  return markers.map((m, i) => ({
    id: i,
    ...toLatitudeLongitude(m),
    title: m.name,
    iconPath: m.open ? icons.open : icons.closed,
    width: selected === m.code ? 32 : 24,
    height: selected === m.code ? 40 : 30,
    joinCluster: true,
  }))
}
