import { Map } from '@tarojs/components'
import markerOpen from '../features/stations/assets/marker-open.png'
import markerClosed from '../features/stations/assets/marker-closed.png'
import type { StationMapProps } from './map-types'
import './map.scss'

export type { MapMarker, StationMapProps } from './map-types'


/**
 * WeChat's native <Map>: the person's position, a marker per station (WeChat clusters markers
 * with joinCluster when zoomed out), a marker tap selects the station.
 */
export function StationMap({ center, centerIsUser, markers, selected, onMarkerTap }: StationMapProps) {
  const items = markers.map((m, i) => ({
    id: i,
    latitude: m.lat,
    longitude: m.lng,
    title: m.name,
    iconPath: m.open ? markerOpen : markerClosed,
    width: selected === m.code ? 32 : 24,
    height: selected === m.code ? 40 : 30,
    joinCluster: true,
  }))
  return (
    <Map
      className='station-map'
      latitude={center.lat}
      longitude={center.lng}
      scale={14}
      showLocation={centerIsUser}
      markers={items}
      onMarkerTap={(e) => {
        const marker = markers[Number(e.detail.markerId)]
        if (marker) onMarkerTap(marker.code)
      }}
      onError={() => undefined}
    />
  )
}
