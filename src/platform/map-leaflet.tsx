import { useEffect, useRef } from 'react'
import { View, Text } from '@tarojs/components'
import L from 'leaflet'
import { clusterPoints } from '@domain/stations/cluster'
import type { TileSource } from '@domain/stations/map-tiles'
import { clusterLabel, stationLabel } from './map-markers'
import type { MapMarker, StationMapProps } from './map-types'
import { createTiledMap, nameMarker, pinIcon, TILE_MAX_ZOOM } from './tiled-map'
import './map.scss'
import './map-leaflet.scss'

/**
 * The web map on the operator's tile source (#18 item 7), with Leaflet. Only src/platform/map.tsx
 * loads this file, by a dynamic import and only when a source is configured: the light map and
 * WeChat's build never carry Leaflet. Stations and tiles are both GCJ-02, so points go in as they are.
 */
export interface TiledMapProps extends StationMapProps {
  source: TileSource
}

/** Markers closer than this many CSS px merge into a count bubble (a 44-px target each: they would overlap). */
export const TILE_CLUSTER_RADIUS_PX = 44
const FIRST_MAX_ZOOM = 16

function clusterIcon(count: number): L.DivIcon {
  return L.divIcon({ className: 'station-map__cluster station-map__bubble', html: `<span>${count}</span>`, iconSize: [48, 48], iconAnchor: [24, 24] })
}

/**
 * A bubble's tap: centred on its stations, close enough to show them all, and at least one step
 * closer (in the short box a spread group may not fit one step in, and a tap must do something).
 */
function zoomInOn(m: L.Map, members: MapMarker[]) {
  const bounds = L.latLngBounds(members.map((s) => [s.lat, s.lng]))
  const fits = m.getBoundsZoom(bounds, false, L.point(44, 44))
  m.setView(bounds.getCenter(), Math.min(TILE_MAX_ZOOM, Math.max(m.getZoom() + 1, fits)))
}

/**
 * A Leaflet marker as a button: a tap, or Enter/Space while it has the keyboard's focus (Leaflet
 * makes it focusable with role=button, but only a bound popup answers a key).
 */
function onActivate(layer: L.Marker, act: () => void) {
  layer.on('click', act)
  layer.on('keypress', (e) => {
    const key = (e as L.LeafletKeyboardEvent).originalEvent
    if (key.key !== 'Enter' && key.key !== ' ') return
    key.preventDefault()
    act()
  })
}

export default function LeafletStationMap({ source, center, centerIsUser, markers, selected, onMarkerTap }: TiledMapProps) {
  const box = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const layer = useRef<L.LayerGroup | null>(null)
  const onTap = useRef(onMarkerTap)
  onTap.current = onMarkerTap

  // The map itself: made once, with its tiles, zoom buttons (named in Chinese) and the provider's credit.
  useEffect(() => {
    if (!box.current) return
    const m = createTiledMap(box.current, source, '驿站地图')
    layer.current = L.layerGroup().addTo(m)
    map.current = m
    return () => {
      m.remove()
      map.current = null
    }
  }, [source])

  // A new search (another centre or other stations) shows all of them again.
  const key = `${center.lat},${center.lng}|${markers.map((s) => s.code).join(',')}`
  useEffect(() => {
    const m = map.current
    if (!m) return
    const points = [center, ...markers].map((p) => L.latLng(p.lat, p.lng))
    if (points.length > 1) m.fitBounds(L.latLngBounds(points), { padding: [28, 28], maxZoom: FIRST_MAX_ZOOM, animate: false })
    else m.setView(points[0], 15, { animate: false })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key says when centre or stations changed
  }, [key])

  // Markers in sight, clustered at each zoom by the light map's rule (domain/stations/cluster.ts).
  useEffect(() => {
    const m = map.current
    const group = layer.current
    if (!m || !group) return
    const draw = () => {
      // Tests and the curious read the zoom here, as on the light map's box.
      m.getContainer().dataset.zoom = String(m.getZoom())
      group.clearLayers()
      L.circleMarker([center.lat, center.lng], { radius: 8, color: '#fff', weight: 3, fillColor: '#1d6fd8', fillOpacity: 1, interactive: false }).addTo(group)
      const byCode = new Map(markers.map((s) => [s.code, s]))
      const radius = m.getZoom() >= TILE_MAX_ZOOM ? 0 : TILE_CLUSTER_RADIUS_PX
      // Only what is in sight: Tab and a screen reader then walk the stations one can see. (So no
      // pan on focus either: it would redraw and take the focus away from the marker.)
      const sight = m.getBounds()
      const screen = markers.filter((s) => sight.contains([s.lat, s.lng])).map((s) => ({ id: s.code, ...m.latLngToLayerPoint([s.lat, s.lng]) }))
      for (const c of clusterPoints(screen, radius)) {
        const members = c.ids.map((id) => byCode.get(id) as MapMarker)
        if (members.length === 1) {
          const s = members[0]
          const pin = L.marker([s.lat, s.lng], { icon: pinIcon(s.open, selected === s.code), title: stationLabel(s), keyboard: true, autoPanOnFocus: false, zIndexOffset: selected === s.code ? 1000 : 0 })
          onActivate(pin, () => onTap.current(s.code))
          pin.addTo(group)
          nameMarker(pin, stationLabel(s), 'map-marker')
        } else {
          const at = m.layerPointToLatLng([c.x, c.y])
          const bubble = L.marker(at, { icon: clusterIcon(members.length), title: clusterLabel(members.length), keyboard: true, autoPanOnFocus: false })
          onActivate(bubble, () => zoomInOn(m, members))
          bubble.addTo(group)
          nameMarker(bubble, clusterLabel(members.length), 'map-cluster')
        }
      }
    }
    draw()
    // moveend also follows every zoom.
    m.on('moveend', draw)
    return () => {
      m.off('moveend', draw)
    }
  }, [center, markers, selected])

  return (
    <View className='station-map station-map--tiles tiled-map' data-testid='station-map' data-map='tiles'>
      <div ref={box} className='station-map__tiles' />
      <Text className='station-map__legend'>{centerIsUser ? '● 你的位置' : '● 搜索中心'}</Text>
    </View>
  )
}
