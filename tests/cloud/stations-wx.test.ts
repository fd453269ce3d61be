import { stationsDb, type StationDoc } from '../../cloud/features/stations/collections'
import { MAX_CANDIDATES } from '../../cloud/features/stations/geo-near'
import { nearbyStations } from '../../cloud/features/stations/nearby'
import { createContext } from '../../cloud/lib/context'
import { cloudHarness } from '../helpers/cloud'
import { randomSearch, seededRandom } from '../helpers/stations'
import { describeOn, testStore } from '../helpers/store'
import { geoNearRequests } from '../stand-ins/cloudbase-db/requests'

/**
 * The WeChat path of stations.nearby (geoNear) against the embedded path (the kd index) on the same
 * stations. WeChat's database is the WeChat adapter on the real SDK over the stand-in server
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

const HOHHOT = { lat: 40.8424, lng: 111.749 }

describeOn('wx', 'compares the WeChat path with the embedded kd index', () => {
  it('stores each station with a GeoPoint in `location`', async () => {
    const { server, docs } = await bothHomes()
    const stored = server.documents('stations')
    expect(stored).toHaveLength(docs.length)
    const d = stored[0] as unknown as StationDoc & { location: unknown }
    expect(d.location).toEqual({ type: 'Point', coordinates: [d.lng, d.lat] })
  })

  it('asks the database for the nearest with the filters it can express, and answers like the kd index', async () => {
    const { pipelines, wxCtx, callAs } = await bothHomes()
    const input = { ...HOHHOT, radiusM: 30_000, k: 10, types: ['环卫工人爱心驿站' as const], amenities: ['热饭' as const, '充电' as const] }
    const wx = await nearbyStations(input, wxCtx())
    expect(pipelines()).toEqual([{
      collection: 'stations',
      geoNear: {
        near: { type: 'Point', coordinates: [HOHHOT.lng, HOHHOT.lat] },
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
