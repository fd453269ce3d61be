import type { LatLng } from '../geo'

/**
 * Marker clustering for the web build's light map (WeChat's <Map> clusters by itself): markers
 * closer on screen than a radius merge into one bubble with their count; tapping it zooms in on them.
 */
export interface ScreenPoint {
  id: string
  x: number
  y: number
}

export interface Cluster {
  /** Where the bubble is drawn: the mean of its members. */
  x: number
  y: number
  ids: string[]
}

/**
 * Greedy grid-free clustering, deterministic for a given order: each point joins the first cluster
 * whose first point (its seed) lies within `radiusPx`, or seeds a new one. So every member is within
 * the radius of its seed and no two seeds are within it of each other.
 */
export function clusterPoints(points: ScreenPoint[], radiusPx: number): Cluster[] {
  const clusters: Array<{ seed: ScreenPoint; members: ScreenPoint[] }> = []
  const r2 = radiusPx * radiusPx
  for (const p of points) {
    const home = clusters.find(({ seed }) => (seed.x - p.x) ** 2 + (seed.y - p.y) ** 2 < r2)
    if (home) home.members.push(p)
    else clusters.push({ seed: p, members: [p] })
  }
  return clusters.map(({ members }) => ({
    x: members.reduce((s, m) => s + m.x, 0) / members.length,
    y: members.reduce((s, m) => s + m.y, 0) / members.length,
    ids: members.map((m) => m.id),
  }))
}

/** What the light map shows: a centre and how many metres lie from it to the box's edges. */
export interface MapView {
  focus: LatLng
  /** Metres from the centre to the left/right and top/bottom edges. */
  reachM: number
}

export interface BoxSize {
  width: number
  height: number
}

const M_PER_DEG = 111_195

/** East and north metres of `p` from `from` (an equirectangular approximation: fine within a city). */
export function offsetM(from: LatLng, p: LatLng): { east: number; north: number } {
  return { east: (p.lng - from.lng) * M_PER_DEG * Math.cos((from.lat * Math.PI) / 180), north: (p.lat - from.lat) * M_PER_DEG }
}

/** The overview: every point in sight, with a margin, and never closer than 300 m. */
export function overview(center: LatLng, points: LatLng[]): MapView {
  const reach = Math.max(300, ...points.map((p) => {
    const { east, north } = offsetM(center, p)
    return Math.max(Math.abs(east), Math.abs(north))
  }))
  return { focus: center, reachM: reach * 1.15 }
}

/** A point's place in the box as fractions (0…1 left to right, top to bottom); outside when not within 0…1. */
export function project(view: MapView, p: LatLng): { fx: number; fy: number } {
  const { east, north } = offsetM(view.focus, p)
  return { fx: 0.5 + east / (2 * view.reachM), fy: 0.5 - north / (2 * view.reachM) }
}

export interface Placed<T> {
  fx: number
  fy: number
  items: T[]
}

/** The markers in sight, clustered at `radiusPx` on a box of `size` (no clustering when radiusPx is 0). */
export function layout<T extends LatLng & { code: string }>(items: T[], view: MapView, size: BoxSize, radiusPx: number): Array<Placed<T>> {
  const byCode = new Map(items.map((m) => [m.code, m]))
  const inSight = items.flatMap((m) => {
    const { fx, fy } = project(view, m)
    return fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1 ? [{ id: m.code, x: fx * size.width, y: fy * size.height }] : []
  })
  return clusterPoints(inSight, radiusPx).map((c) => ({ fx: c.x / size.width, fy: c.y / size.height, items: c.ids.map((id) => byCode.get(id) as T) }))
}

/** Zoom in on a cluster: centred on its members, twice as close each step until they part (at most `maxSteps`). */
export function zoomInOn<T extends LatLng & { code: string }>(members: T[], view: MapView, size: BoxSize, radiusPx: number, maxSteps = 4): MapView {
  const focus = { lat: members.reduce((s, m) => s + m.lat, 0) / members.length, lng: members.reduce((s, m) => s + m.lng, 0) / members.length }
  let next: MapView = { focus, reachM: view.reachM / 2 }
  for (let step = 1; step < maxSteps && layout(members, next, size, radiusPx).length < 2; step++) next = { focus, reachM: next.reachM / 2 }
  return next
}
