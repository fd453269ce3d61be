import { stationsDb, type StationDoc } from '../../cloud/features/stations/collections'
import { importStations } from '../../cloud/features/stations/import'
import { importUnions } from '../../cloud/features/unions/import'
import { functions } from '../../cloud/functions'
import { fixedClock } from '../../cloud/lib/clock'
import { dispatch } from '../../cloud/lib/dispatch'
import { randomSecrets } from '../../cloud/lib/secrets'
import { parseCsv } from '../../scripts/lib/read-rows'
import { asRows } from '../helpers/unions'
import { MAX_CANDIDATES, nearbyStations } from '../../cloud/features/stations/nearby'
import { createContext } from '../../cloud/lib/context'
import { cloudHarness } from '../helpers/cloud'
import { randomSearch, seededRandom } from '../helpers/stations'
import { describeOn, testStore } from '../helpers/store'
import { geoNearRequests } from '../stand-ins/cloudbase-db/requests'

/**
 * stations.nearby on WeChat's store (the database's geoNear) against the embedded store (its kd
 * index) on the same stations. WeChat's database is the WeChat adapter on the real SDK over the stand-in server
 * (tests/stand-ins/cloudbase-db).
 */
async function bothHomes(start?: string) {
  const harness = await cloudHarness(start, { kind: 'nedb' })
  const docs = await stationsDb(harness.store).stations.find({}, { limit: 1000 })
  const wx = testStore('wx')
  await stationsDb(wx.store).stations.insertMany(docs)
  const wxCtx = () => createContext(wx.store, harness.clock, null, harness.secrets)
  const server = wx.server!
  return { ...harness, docs, server, pipelines: () => geoNearRequests(server), wxCtx }
}

const HOHHOT = { latitude: 40.8424, longitude: 111.749 }

describeOn('wx', 'compares WeChat’s store with the embedded one', () => {
  it('stores each station with a GeoPoint in `location`', async () => {
    const { server, docs } = await bothHomes()
    const stored = server.documents('stations')
    expect(stored).toHaveLength(docs.length)
    const d = stored[0] as unknown as StationDoc & { location: unknown }
    expect(d.location).toEqual({ type: 'Point', coordinates: [d.lng, d.lat] })
  })

  it('asks the database for the nearest with the filters it can express, and answers like the embedded store', async () => {
    const { pipelines, wxCtx, callAs } = await bothHomes()
    const input = { ...HOHHOT, radiusM: 30_000, k: 10, types: ['环卫工人爱心驿站' as const], amenities: ['热饭' as const, '充电' as const] }
    const wx = await nearbyStations(input, wxCtx())
    expect(pipelines()).toEqual([{
      collection: 'stations',
      geoNear: {
        near: { type: 'Point', coordinates: [HOHHOT.longitude, HOHHOT.latitude] },
        spherical: true,
        distanceField: 'distance',
        maxDistance: 30_000 * 1.002 + 1,
        query: { status: 'active', type: { $in: ['环卫工人爱心驿站'] }, amenities: { $all: ['热饭', '充电'] } },
        key: 'location',
      },
      limit: 20,
    }])
    const embedded = await callAs(null, 'stations', 'nearby', input)
    expect(embedded).toEqual({ ok: true, data: wx })
    expect(wx.stations).toHaveLength(10)
  })

  it('with 营业中 at 04:00 it fetches more (doubling) until k open stations qualify', async () => {
    const { pipelines, wxCtx, callAs } = await bothHomes('2026-11-23T20:00:00.000Z')
    const input = { ...HOHHOT, radiusM: 200_000, k: 20, openNow: true }
    const wx = await nearbyStations(input, wxCtx())
    expect(wx.stations).toHaveLength(20)
    expect(wx.stations.every((s) => s.openNow)).toBe(true)
    const limits = pipelines().map((p) => p.limit)
    expect(limits.length).toBeGreaterThan(1)
    limits.forEach((n, i) => expect(n).toBe(Math.min(40 * 2 ** i, MAX_CANDIDATES)))
    expect(await callAs(null, 'stations', 'nearby', input)).toEqual({ ok: true, data: wx })
  })

  it('gives the same answers as the embedded store on many random points, filters and times', async () => {
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

describeOn('wx', "the station importer writing to WeChat's database, as npm run import:stations -- --cloud does", () => {
  const header = 'code,name,type,lat,lng,address,amenities,hours,phone,unionId,photos,verifiedOn,status'
  const row = (code: string, lat: number, lng: number) => `${code},示例驿站${code}（演示）,环卫工人爱心驿站,${lat},${lng},示例路1号（演示）,饮水|热饭,24h,0471-6000001,sy-d,,2026-10-01,`
  const UNIONS = [
    { code: 'sy', name: '示例省总工会（演示）', level: 'province', parentCode: '', regionCode: '970000', status: '' },
    { code: 'sy-d', name: '示例南湖区总工会（演示）', level: 'county', parentCode: 'sy', regionCode: '970101', status: '' },
  ]

  it('stations land with `location` (a GeoPoint of lng, lat), follow a move, and stations.nearby finds them through geoNear', async () => {
    const { store, server } = testStore('wx')
    const clock = fixedClock('2026-11-23T08:00:00.000Z')
    expect(await importUnions(store, asRows(UNIONS))).toMatchObject({ applied: true, inserted: 2 })
    const rows = parseCsv([header, row('W001', 40.81, 111.7), row('W002', 40.83, 111.72), row('W003', 41.5, 113.5)].join('\n'))
    expect(await importStations(store, rows, clock.now())).toMatchObject({ inserted: 3, updated: 0, rejected: [] })
    const stored = new Map(server!.documents('stations').map((d) => [d._id, d as unknown as StationDoc & { location: unknown }]))
    expect(stored.get('W001')).toMatchObject({ unionPath: ['sy', 'sy-d'], location: { type: 'Point', coordinates: [111.7, 40.81] } })
    expect(stored.get('W003')!.location).toEqual({ type: 'Point', coordinates: [113.5, 41.5] })

    // Moved in the next file: its location moves with it.
    await importStations(store, parseCsv([header, row('W003', 41.6, 113.4)].join('\n')), clock.now())
    expect(server!.documents('stations').find((d) => d._id === 'W003')?.location).toEqual({ type: 'Point', coordinates: [113.4, 41.6] })

    const nearby = await dispatch('stations', functions.stations as never, { action: 'nearby', data: { latitude: 40.8, longitude: 111.69, k: 5 } }, { identity: null, store, clock, secrets: randomSecrets() })
    expect(nearby).toMatchObject({ ok: true, data: { stations: [{ code: 'W001' }, { code: 'W002' }] } })
    expect(geoNearRequests(server!).map((r) => r.collection)).toEqual(['stations'])
    const far = await dispatch('stations', functions.stations as never, { action: 'nearby', data: { latitude: 41.6, longitude: 113.4, k: 1 } }, { identity: null, store, clock, secrets: randomSecrets() })
    expect(far).toMatchObject({ ok: true, data: { stations: [{ code: 'W003', distanceM: 0 }] } })
  })
})
