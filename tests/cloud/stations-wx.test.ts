import { stationsDb, type StationDoc } from '../../cloud/features/stations/collections'
import { MAX_CANDIDATES } from '../../cloud/features/stations/geo-near'
import { nearbyStations } from '../../cloud/features/stations/nearby'
import { createContext } from '../../cloud/lib/context'
import { createWxStore, type WxAggregate, type WxCollection, type WxCommand, type WxDatabase } from '../../cloud/lib/store/wx'
import { cloudHarness } from '../helpers/cloud'
import { randomSearch, seededRandom } from '../helpers/stations'

/**
 * The WeChat path of stations.nearby (geoNear) against the embedded path (the kd index) on the same
 * stations. WeChat's database cannot run here: `fakeWeChatDb` STANDS IN FOR WECHAT'S SERVERS. It keeps
 * documents in memory and answers the aggregate geoNear stage by brute force — distances on MongoDB's
 * sphere (6,378.1 km, not ours), the stage's `query` evaluated from the db.command objects the adapter
 * built, ties in an order of its own — and records every pipeline it is given.
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

function fakeWeChatDb() {
  const tables = new Map<string, Row[]>()
  const pipelines: Array<{ collection: string; geoNear: Row; limit?: number }> = []
  const unsupported = (what: string) => () => {
    throw new Error(`fake WeChat database: ${what} is not supported here`)
  }
  const Geo = { Point: (longitude: number, latitude: number) => ({ type: 'Point', coordinates: [longitude, latitude] }) }
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
          const { near, maxDistance, query, key, distanceField } = pipeline.geoNear as { near: { coordinates: [number, number] }; maxDistance: number; query: Row; key: string; distanceField: string }
          const list = rows
            .filter((row) => Object.entries(query).every(([field, cond]) => holds(row[field], cond)))
            .map((row) => ({ ...row, [distanceField]: sphereM(near.coordinates, (row[key] as { coordinates: [number, number] }).coordinates) }))
            .filter((row) => (row[distanceField] as number) <= maxDistance)
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

async function bothHomes(start?: string) {
  const harness = await cloudHarness(start)
  const docs = await stationsDb(harness.store).stations.find({})
  const fake = fakeWeChatDb()
  const wxStore = createWxStore(fake.db)
  await stationsDb(wxStore).stations.insertMany(docs)
  const wxCtx = () => createContext(wxStore, harness.clock, null, harness.secrets)
  return { ...harness, docs, fake, wxCtx }
}

const HOHHOT = { lat: 40.8424, lng: 111.749 }

describe('stations.nearby in WeChat (geoNear)', () => {
  it('stores each station with a GeoPoint in `location`', async () => {
    const { fake, docs } = await bothHomes()
    const stored = fake.tables.get('stations')!
    expect(stored).toHaveLength(docs.length)
    const d = stored[0] as unknown as StationDoc & { location: unknown }
    expect(d.location).toEqual({ type: 'Point', coordinates: [d.lng, d.lat] })
  })

  it('asks the database for the nearest with the filters it can express, and answers like the kd index', async () => {
    const { fake, wxCtx, callAs } = await bothHomes()
    const input = { ...HOHHOT, radiusM: 30_000, k: 10, types: ['环卫工人爱心驿站' as const], amenities: ['热饭' as const, '充电' as const] }
    const wx = await nearbyStations(input, wxCtx())
    expect(fake.pipelines).toEqual([{
      collection: 'stations',
      geoNear: {
        near: { type: 'Point', coordinates: [HOHHOT.lng, HOHHOT.lat] },
        spherical: true,
        distanceField: 'distance',
        maxDistance: 30_000 * 1.002 + 1,
        query: { status: 'active', type: { op: 'in', v: ['环卫工人爱心驿站'] }, amenities: { op: 'all', v: ['热饭', '充电'] } },
        key: 'location',
      },
      limit: 20,
    }])
    const embedded = await callAs(null, 'stations', 'nearby', input)
    expect(embedded).toEqual({ ok: true, data: wx })
    expect(wx.stations).toHaveLength(10)
  })

  it('with 营业中 at 04:00 it fetches more (doubling) until k open stations qualify', async () => {
    const { fake, wxCtx, callAs } = await bothHomes('2026-11-23T20:00:00.000Z')
    const input = { ...HOHHOT, radiusM: 200_000, k: 20, openNow: true }
    const wx = await nearbyStations(input, wxCtx())
    expect(wx.stations).toHaveLength(20)
    expect(wx.stations.every((s) => s.openNow)).toBe(true)
    const limits = fake.pipelines.map((p) => p.limit)
    expect(limits.length).toBeGreaterThan(1)
    limits.forEach((n, i) => expect(n).toBe(Math.min(40 * 2 ** i, MAX_CANDIDATES)))
    expect(await callAs(null, 'stations', 'nearby', input)).toEqual({ ok: true, data: wx })
  })

  it('gives the same answers as the embedded kd index on many random points, filters and times', async () => {
    const { wxCtx, callAs, clock, docs } = await bothHomes()
    const random = seededRandom(11)
    let nonEmpty = 0
    for (let i = 0; i < 80; i++) {
      const { at, input } = randomSearch(random, docs)
      clock.set(at)
      const wx = await nearbyStations(input, wxCtx())
      expect(await callAs(null, 'stations', 'nearby', input)).toEqual({ ok: true, data: wx })
      if (wx.stations.length) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThan(40)
  })
})
