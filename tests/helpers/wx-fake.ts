import type { WxAggregate, WxCollection, WxCommand, WxDatabase } from '../../cloud/lib/store/wx'
import type { WechatServices } from '../../cloud/lib/wechat'

/**
 * STANDS IN FOR WECHAT'S SERVERS: the cloud database cannot run here. It keeps documents in memory
 * and answers the aggregate geoNear stage by brute force — distances on MongoDB's sphere (6,378.1 km,
 * not ours; a MultiPoint as near as its nearest point), min/maxDistance, the stage's `query`
 * evaluated from the db.command objects the adapter built, ties in an order of its own — and records
 * every pipeline it is given. Plain reads and writes other than `add` are not supported.
 */
type Row = Record<string, unknown>
type Cond = { op: string; v: unknown }

const command = Object.fromEntries(
  ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'exists', 'all', 'and'].map((op) => [op, (...v: unknown[]) => ({ op, v: op === 'and' ? v : v[0] })]),
) as unknown as WxCommand

function holds(value: unknown, cond: unknown): boolean {
  if (cond === null || typeof cond !== 'object' || !('op' in (cond as object))) return Array.isArray(value) ? value.includes(cond) : value === cond
  const { op, v } = cond as Cond
  switch (op) {
    case 'in': return (v as unknown[]).includes(value)
    case 'all': return (v as unknown[]).every((x) => Array.isArray(value) && value.includes(x))
    case 'eq': return value === v
    case 'gt': return (value as string | number) > (v as string | number)
    case 'gte': return (value as string | number) >= (v as string | number)
    case 'lt': return (value as string | number) < (v as string | number)
    case 'lte': return (value as string | number) <= (v as string | number)
    case 'and': return (v as unknown[]).every((c) => holds(value, c))
    default: throw new Error(`fake WeChat database: ${op} is not supported here`)
  }
}

const MONGO_EARTH_M = 6_378_100
function sphereM(a: [number, number], b: [number, number]): number {
  const r = (d: number) => (d * Math.PI) / 180
  const h = Math.sin(r(b[1] - a[1]) / 2) ** 2 + Math.cos(r(a[1])) * Math.cos(r(b[1])) * Math.sin(r(b[0] - a[0]) / 2) ** 2
  return 2 * MONGO_EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

type Geometry = { type: 'Point'; coordinates: [number, number] } | { type: 'MultiPoint'; coordinates: Array<[number, number]> }

/** A MultiPoint is as near as its nearest point (MongoDB's $geoNear on a 2dsphere index). */
function geometryM(from: [number, number], geometry: Geometry): number {
  return geometry.type === 'Point' ? sphereM(from, geometry.coordinates) : Math.min(...geometry.coordinates.map((c) => sphereM(from, c)))
}

export function fakeWeChatDb() {
  const tables = new Map<string, Row[]>()
  const pipelines: Array<{ collection: string; geoNear: Row; limit?: number }> = []
  const unsupported = (what: string) => () => {
    throw new Error(`fake WeChat database: ${what} is not supported here`)
  }
  const Geo = {
    Point: (longitude: number, latitude: number) => ({ type: 'Point', coordinates: [longitude, latitude] }),
    MultiPoint: (points: Array<{ coordinates: [number, number] }>) => ({ type: 'MultiPoint', coordinates: points.map((p) => p.coordinates) }),
  }
  function collection(name: string): WxCollection {
    const rows = tables.get(name) ?? tables.set(name, []).get(name)!
    const aggregate = (): WxAggregate => {
      const pipeline: { collection: string; geoNear: Row; limit?: number } = { collection: name, geoNear: {} }
      const stage: WxAggregate = {
        geoNear(options) {
          pipeline.geoNear = options
          return stage
        },
        limit(n) {
          pipeline.limit = n
          return stage
        },
        async end() {
          pipelines.push(pipeline)
          const { near, minDistance = 0, maxDistance, query, key, distanceField } = pipeline.geoNear as { near: { coordinates: [number, number] }; minDistance?: number; maxDistance: number; query: Row; key: string; distanceField: string }
          const list = rows
            .filter((row) => row[key] && Object.entries(query).every(([field, cond]) => holds(row[field], cond)))
            .map((row) => ({ ...row, [distanceField]: geometryM(near.coordinates, row[key] as Geometry) }))
            .filter((row) => (row[distanceField] as number) >= minDistance && (row[distanceField] as number) <= maxDistance)
            // Equal distances come back in an order of the database's own (here: code descending).
            .sort((a, b) => (a[distanceField] as number) - (b[distanceField] as number) || String(b._id).localeCompare(String(a._id)))
          return { list: list.slice(0, pipeline.limit ?? 20) }
        },
      }
      return stage
    }
    return {
      add: async ({ data }) => {
        rows.push(data)
        return { _id: String(data._id) }
      },
      aggregate,
      where: unsupported('where'),
      orderBy: unsupported('orderBy'),
      skip: unsupported('skip'),
      limit: unsupported('limit'),
      get: unsupported('get'),
      count: unsupported('count'),
      update: unsupported('update'),
      remove: unsupported('remove'),
      doc: unsupported('doc'),
    } as WxCollection
  }
  const db: WxDatabase = { command, Geo, collection }
  return { db, tables, pipelines }
}


/**
 * STANDS IN FOR WECHAT'S SERVERS in cloud tests: the services a test gives, and for the rest a
 * method that fails, so a test that reaches WeChat where it did not expect to says so.
 */
export function wechatStub(methods: Partial<WechatServices>): WechatServices {
  const unexpected = (name: string) => async (): Promise<never> => {
    throw new Error(`WeChat ${name} was not expected in this test`)
  }
  return {
    sendSubscribe: unexpected('sendSubscribe'),
    unlimitedCode: unexpected('unlimitedCode'),
    uploadFile: unexpected('uploadFile'),
    downloadFile: unexpected('downloadFile'),
    tempFileUrl: unexpected('tempFileUrl'),
    deleteFile: unexpected('deleteFile'),
    ...methods,
  }
}
