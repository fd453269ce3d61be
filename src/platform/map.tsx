import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { layout, overview, project, zoomInOn, type MapView } from '@domain/stations/cluster'
import { distanceM, formatDistance } from '@domain/geo'
import { clusterLabel, stationLabel } from './map-markers'
import type { StationMapProps } from './map-types'
import { mapTileSource } from './map-tiles'
import { pressable } from './pressable'
import { useLazyModule } from './useLazyModule'
import type { TiledMapProps } from './map-leaflet'
import './map.scss'

export type { MapMarker, StationMapProps } from './map-types'

/** The box's size in CSS px on a 375-px-wide phone (map.scss: 702 × 420 design px): what clustering measures in. */
export const MAP_BOX = { width: 351, height: 210 }
/**
 * Markers closer than this many px merge into a count bubble, unless zoomed in all the way: each
 * is a 44-px target (as on the tiled map), so closer ones would overlap.
 */
export const CLUSTER_RADIUS_PX = 44
export const MAX_ZOOM = 5

/**
 * The web map: on the operator's tile source when the server hands one to the page (MAP_TILE_URL,
 * src/platform/map-tiles.ts), else the light map below, which makes no remote request at all.
 */
export function StationMap(props: StationMapProps) {
  const source = mapTileSource()
  return source ? <TiledMap {...props} source={source} /> : <LightMap {...props} />
}

/**
 * Leaflet and its CSS come in their own chunk, fetched only here: the light map's pages never load
 * them. Until it arrives a quiet box of the same size; if it cannot be fetched, the light map.
 */
function TiledMap(props: TiledMapProps) {
  const loaded = useLazyModule(loadLeafletMap)
  if (loaded === 'failed') return <LightMap {...props} />
  if (!loaded) return <View className='station-map' data-testid='station-map-loading' />
  return <loaded.default {...props} />
}

const loadLeafletMap = () => import(/* webpackChunkName: "map-leaflet" */ './map-leaflet')

/**
 * The web build's light map: no remote map script (an offline or blocked one throws a page error
 * and draws nothing). Markers are placed by their east/north offsets from the centre; zoomed out,
 * markers closer than CLUSTER_RADIUS_PX merge into a bubble with their count, and tapping it zooms
 * in on them (domain/stations/cluster.ts). ＋/－ zoom around the same centre. Markers and bubbles
 * are buttons named as on the tiled map (map-markers.ts): Tab reaches them, Enter or Space opens.
 */
function LightMap({ center, centerIsUser, markers, selected, onMarkerTap }: StationMapProps) {
  const base = overview(center, markers)
  const [zoomed, setZoomed] = useState<{ view: MapView; zoom: number } | null>(null)
  // A new search (another centre or other stations) starts from the overview again.
  const key = `${center.lat},${center.lng}|${markers.map((m) => m.code).join(',')}`
  useEffect(() => setZoomed(null), [key])

  const view = zoomed?.view ?? base
  const zoom = zoomed?.zoom ?? 0
  const placed = layout(markers, view, MAP_BOX, zoom >= MAX_ZOOM ? 0 : CLUSTER_RADIUS_PX)
  const me = project(view, center)
  const farthest = markers.length ? Math.max(...markers.map((m) => distanceM(center, m))) : 0
  const pct = (f: number) => `${f * 100}%`
  const zoomBy = (steps: number) => {
    const next = Math.max(0, Math.min(MAX_ZOOM, zoom + steps))
    setZoomed(next === 0 ? null : { view: { focus: view.focus, reachM: base.reachM / 2 ** next }, zoom: next })
  }

  return (
    <View className='station-map' data-testid='station-map' data-zoom={zoom}>
      <View className='station-map__grid' />
      {placed.map((p) =>
        p.items.length === 1 ? (
          <View
            key={p.items[0].code}
            className={`station-map__marker${p.items[0].open ? '' : ' station-map__marker--closed'}${selected === p.items[0].code ? ' station-map__marker--selected' : ''}`}
            style={{ left: pct(p.fx), top: pct(p.fy) }}
            data-testid='map-marker'
            {...pressable('button', stationLabel(p.items[0]), () => onMarkerTap(p.items[0].code))}
          />
        ) : (
          <View
            key={p.items[0].code}
            className='station-map__cluster'
            style={{ left: pct(p.fx), top: pct(p.fy) }}
            data-testid='map-cluster'
            {...pressable('button', clusterLabel(p.items.length), () => {
              const next = zoomInOn(p.items, view, MAP_BOX, CLUSTER_RADIUS_PX, MAX_ZOOM - zoom)
              setZoomed({ view: next, zoom: Math.min(MAX_ZOOM, zoom + Math.round(Math.log2(view.reachM / next.reachM))) })
            })}
          >
            <Text>{p.items.length}</Text>
          </View>
        ),
      )}
      {me.fx >= 0 && me.fx <= 1 && me.fy >= 0 && me.fy <= 1 ? <View className='station-map__me' style={{ left: pct(me.fx), top: pct(me.fy) }} /> : null}
      <View className='station-map__zoom'>
        <Text id='map-zoom-in' className='station-map__zoom-button' {...pressable('button', '放大地图', () => zoomBy(1))}>
          ＋
        </Text>
        <Text id='map-zoom-out' className='station-map__zoom-button' {...pressable('button', '缩小地图', () => zoomBy(-1))}>
          －
        </Text>
      </View>
      <Text className='station-map__legend'>{centerIsUser ? '● 你的位置' : '● 搜索中心'}{farthest ? `　最远 ${formatDistance(farthest)}` : ''}</Text>
    </View>
  )
}
