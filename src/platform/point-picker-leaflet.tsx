import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import L from 'leaflet'
import type { LatLng } from '@domain/geo'
import type { TileSource } from '@domain/stations/map-tiles'
import type { PointPickerProps } from './map-types'
import { createTiledMap, nameMarker, pinIcon } from './tiled-map'

/**
 * The station form's map on the web, on the operator's tiles (#18 item 5): a tap or click on the
 * map, or dragging the pin, picks the point; with the pin focused the arrow keys move it. Only
 * pointPicker.tsx loads this file, by a dynamic import into the map-leaflet chunk. Points are
 * GCJ-02 like the tiles and the stations: nothing is converted.
 */
export interface TiledPickerProps extends PointPickerProps {
  source: TileSource
  /** Where the map opens when no point is picked yet (the person's last position, or a city). */
  start: LatLng
}

/** CSS px an arrow key moves the pin (Shift: ten times as far): a few metres at street zoom. */
export const KEY_STEP_PX = 4
const ARROWS: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }
export const PIN_LABEL = '驿站位置标记：可拖动，或用方向键移动'
const PICKED_ZOOM = 17
const START_ZOOM = 13

/** Six decimals (about 0.1 m), as the typed fields show it. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6
const picked = (p: L.LatLng): LatLng => ({ lat: round6(p.lat), lng: round6(p.lng) })

export default function LeafletPointPicker({ source, start, value, onPick }: TiledPickerProps) {
  const box = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const pin = useRef<L.Marker | null>(null)
  const pick = useRef(onPick)
  pick.current = onPick

  // The map, made once: a tap or click anywhere on it picks that point.
  useEffect(() => {
    if (!box.current) return
    const m = createTiledMap(box.current, source, '驿站位置地图：点按驿站所在的地方')
    m.setView(value ? [value.lat, value.lng] : [start.lat, start.lng], value ? PICKED_ZOOM : START_ZOOM, { animate: false })
    m.on('click', (e: L.LeafletMouseEvent) => pick.current(picked(e.latlng)))
    map.current = m
    return () => {
      m.remove()
      map.current = null
      pin.current = null
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first view only; later points move the pin (below)
  }, [source])

  // The pin follows the point, whoever set it (the map, the typed fields, 用我的位置), and stays in sight.
  const lat = value?.lat
  const lng = value?.lng
  useEffect(() => {
    const m = map.current
    if (!m) return
    if (lat === undefined || lng === undefined) {
      pin.current?.remove()
      pin.current = null
      return
    }
    const at = L.latLng(lat, lng)
    if (pin.current) pin.current.setLatLng(at)
    else pin.current = addPin(m, at, (p) => pick.current(p))
    if (!m.getBounds().contains(at)) m.panTo(at, { animate: false })
  }, [lat, lng])

  return (
    <View className='point-picker-map tiled-map' data-testid='picker-map' data-map='tiles'>
      <div ref={box} className='point-picker-map__tiles' />
    </View>
  )
}

/** The draggable pin, a named button: a drag's end, or an arrow key while focused, picks its new place. */
function addPin(m: L.Map, at: L.LatLng, onMove: (p: LatLng) => void): L.Marker {
  const marker = L.marker(at, { icon: pinIcon(true, true), draggable: true, keyboard: true, title: PIN_LABEL }).addTo(m)
  marker.on('dragend', () => onMove(picked(marker.getLatLng())))
  const el = marker.getElement()
  if (el) {
    L.DomEvent.on(el, 'keydown', (event) => {
      const key = event as KeyboardEvent
      const arrow = ARROWS[key.key]
      if (!arrow) return
      // The page would scroll, and the map pan, on the same key.
      L.DomEvent.stop(key)
      const step = key.shiftKey ? KEY_STEP_PX * 10 : KEY_STEP_PX
      const next = m.layerPointToLatLng(m.latLngToLayerPoint(marker.getLatLng()).add([arrow[0] * step, arrow[1] * step]))
      marker.setLatLng(next)
      m.panInside(next, { padding: [44, 44], animate: false })
      onMove(picked(next))
    })
  }
  nameMarker(marker, PIN_LABEL, 'picker-pin')
  return marker
}
