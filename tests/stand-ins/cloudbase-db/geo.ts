/**
 * STANDS IN FOR WECHAT CLOUD'S DATABASE SERVER: the `$geoNear` aggregate stage, by brute force,
 * following MongoDB's rules (https://www.mongodb.com/docs/manual/reference/operator/aggregation/geoNear/):
 * - it needs a geo index (2dsphere; CloudBase's 地理位置索引) on `key`, or, without `key`, exactly one;
 * - distances are metres on MongoDB's sphere (radius 6,378.1 km) from a GeoJSON point;
 * - a MultiPoint is as near as its nearest point;
 * - `query` filters, `minDistance`/`maxDistance` bound (inclusive), nearest first.
 * Equal distances come back in an order of its own (not insertion order).
 */
import type { Doc, IndexDecl } from './engine'

export interface GeoNearSpec {
  near: { type: 'Point'; coordinates: [number, number] }
  spherical?: boolean
  distanceField: string
  minDistance?: number
  maxDistance?: number
  query?: Record<string, unknown>
  key?: string
}

type Geometry = { type: 'Point'; coordinates: [number, number] } | { type: 'MultiPoint'; coordinates: Array<[number, number]> }

const MONGO_EARTH_M = 6_378_100

function sphereM(a: [number, number], b: [number, number]): number {
  const r = (d: number) => (d * Math.PI) / 180
  const h = Math.sin(r(b[1] - a[1]) / 2) ** 2 + Math.cos(r(a[1])) * Math.cos(r(b[1])) * Math.sin(r(b[0] - a[0]) / 2) ** 2
  return 2 * MONGO_EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

function geometryOf(value: unknown): Geometry | null {
  const g = value as Geometry | null
  if (!g || typeof g !== 'object') return null
  if (g.type === 'Point' && Array.isArray(g.coordinates)) return g
  if (g.type === 'MultiPoint' && Array.isArray(g.coordinates) && g.coordinates.length) return g
  return null
}

function distanceM(from: [number, number], geometry: Geometry): number {
  return geometry.type === 'Point' ? sphereM(from, geometry.coordinates) : Math.min(...geometry.coordinates.map((c) => sphereM(from, c)))
}

export class GeoNearError extends Error {}

export function geoNearStage(
  docs: Doc[],
  spec: GeoNearSpec,
  indexes: IndexDecl[],
  compile: (query: Record<string, unknown>) => (doc: Doc) => boolean,
  tieOrder: (id: string) => number,
): Doc[] {
  const geoIndexes = indexes.filter((i) => i.geo)
  const key = spec.key ?? (geoIndexes.length === 1 ? geoIndexes[0].fields[0] : undefined)
  if (!key || !geoIndexes.some((i) => i.fields[0] === key)) {
    throw new GeoNearError(`$geoNear requires a 2dsphere index${spec.key ? ` on ${spec.key}` : ''}, but none was found`)
  }
  if (spec.near?.type !== 'Point') throw new GeoNearError('$geoNear needs `near` as a GeoJSON point')
  const from = spec.near.coordinates
  const min = spec.minDistance ?? 0
  const max = spec.maxDistance ?? Infinity
  const matches = spec.query ? compile(spec.query) : () => true
  const hits: Array<{ doc: Doc; d: number }> = []
  for (const doc of docs) {
    const geometry = geometryOf(doc[key])
    if (!geometry) continue
    if (!matches(doc)) continue
    const d = distanceM(from, geometry)
    if (d >= min && d <= max) hits.push({ doc, d })
  }
  hits.sort((a, b) => a.d - b.d || tieOrder(a.doc._id) - tieOrder(b.doc._id))
  return hits.map(({ doc, d }) => ({ ...doc, [spec.distanceField]: d }))
}
