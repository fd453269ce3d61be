import { useEffect } from 'react'
import { Map } from '@tarojs/components'
import Taro from '@tarojs/taro'
import markerOpen from '../features/stations/assets/marker-open.png'
import markerClosed from '../features/stations/assets/marker-closed.png'
import { WX_CLUSTER_OPTIONS, wxMarkers } from './map-markers'
import type { StationMapProps } from './map-types'
import './map.scss'

export type { MapMarker, StationMapProps } from './map-types'

const MAP_ID = 'station-map'

/**
 * WeChat's native <Map>: the person's position, a marker per station; markers join WeChat's own
 * clustering (initMarkerCluster: a count bubble when zoomed out, tap to zoom in); a marker tap
 * opens the station.
 */
export function StationMap({ center, centerIsUser, markers, selected, onMarkerTap }: StationMapProps) {
  useEffect(() => {
    void Taro.createMapContext(MAP_ID).initMarkerCluster({ ...WX_CLUSTER_OPTIONS })
  }, [])
  return (
    <Map
      id={MAP_ID}
      className='station-map'
      latitude={center.lat}
      longitude={center.lng}
      scale={14}
      showLocation={centerIsUser}
      markers={wxMarkers(markers, selected, { open: markerOpen, closed: markerClosed })}
      onMarkerTap={(e) => {
        const marker = markers[Number(e.detail.markerId)]
        if (marker) onMarkerTap(marker.code)
      }}
      onError={() => undefined}
    />
  )
}
