import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import type { TileSource } from '@domain/stations/map-tiles'
import markerOpen from '../features/stations/assets/marker-open.png'
import markerClosed from '../features/stations/assets/marker-closed.png'
import './tiled-map.scss'

/**
 * What both Leaflet views (the stations map, map-leaflet.tsx; the station form's point picker,
 * point-picker-leaflet.tsx) share: the map on the operator's tiles with its controls, and the pin.
 * Only those two files import this one, and only by dynamic import: Leaflet stays in its chunk.
 */

/** Closest zoom of the tiles (高德 and 腾讯 serve up to 18). */
export const TILE_MAX_ZOOM = 18

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A Leaflet map in `box` on the tile source, with ＋/－ named in Chinese, the provider's credit, and
 * the map's own name for a screen reader. The box (or an ancestor) carries the `tiled-map` class.
 */
export function createTiledMap(box: HTMLElement, source: TileSource, label: string): L.Map {
  const m = L.map(box, { zoomControl: false, attributionControl: false, maxZoom: TILE_MAX_ZOOM, minZoom: 3 })
  L.tileLayer(source.url, { subdomains: source.subdomains.length ? source.subdomains : 'abc', maxZoom: TILE_MAX_ZOOM, attribution: escapeHtml(source.attribution) }).addTo(m)
  L.control.zoom({ position: 'topright', zoomInTitle: '放大地图', zoomOutTitle: '缩小地图' }).addTo(m)
  L.control.attribution({ prefix: 'Leaflet' }).addTo(m)
  m.getContainer().setAttribute('aria-label', label)
  return m
}

/** A 44-px button with the marker image at its foot: the point is the image's tip. */
export function pinIcon(open: boolean, selected: boolean): L.DivIcon {
  const [w, h] = selected ? [32, 40] : [24, 30]
  return L.divIcon({
    className: `tiled-map__pin${selected ? ' tiled-map__pin--selected' : ''}`,
    html: `<img src="${open ? markerOpen : markerClosed}" alt="" width="${w}" height="${h}">`,
    iconSize: [44, Math.max(44, h)],
    iconAnchor: [22, Math.max(44, h)],
  })
}

/** Names a Leaflet marker (a button) for screen readers (its title alone is read inconsistently), and for tests. */
export function nameMarker(layer: L.Marker, label: string, testId: string) {
  const el = layer.getElement()
  el?.setAttribute('aria-label', label)
  el?.setAttribute('data-testid', testId)
}
