import type { StationDoc } from '../../cloud/features/stations/collections'
import { nearestStations, pointOf } from '../../cloud/features/stations/nearby'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import type { Store } from '../../cloud/lib/store/port'
import { scanNearest, type NearbyQuery } from '../../domain/stations/search'
import { AMENITIES, STATION_TYPES } from '../../domain/stations/types'

/**
 * The nearest-stations search (nearby.ts over the store's geoNear) on the embedded store, whose
 * geoNear is its own kd index (cloud/lib/store/nedb-geo.ts), against a brute-force scan of the same
 * stations. The same search on WeChat's store is compared with this one in tests/cloud/stations-wx.test.ts.
 */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648
    return a / 2147483648
  }
}

const HOURS = ['24h', 'daily 06:00-22:00', 'daily 22:00-06:00', 'mon-fri 08:00-18:00']

function randomDocs(n: number, random: () => number): StationDoc[] {
  const centres = [[40.84, 111.75], [40.66, 109.84], [39.9, 116.4], [22.5, 114.05], [45.8, 126.5]]
  return Array.from({ length: n }, (_, i) => {
    const uniform = random() < 0.2
    const [clat, clng] = centres[Math.floor(random() * centres.length)]
    return station(`S${String(i).padStart(6, '0')}`, uniform ? 18 + random() * 35 : clat + (random() - 0.5) * 0.8, uniform ? 75 + random() * 59 : clng + (random() - 0.5) * 1.0, {
      type: STATION_TYPES[Math.floor(random() * STATION_TYPES.length)],
      amenities: AMENITIES.filter(() => random() < 0.5),
      hours: HOURS[Math.floor(random() * HOURS.length)],
      status: random() < 0.95 ? 'active' : 'suspended',
    })
  })
}

function station(code: string, lat: number, lng: number, fields: Partial<StationDoc> = {}): StationDoc {
  return {
    _id: code, name: `示例驿站${code}（演示）`, type: STATION_TYPES[0], lat, lng, address: '示例路1号（演示）', amenities: [], hours: '24h', phone: '',
    unionId: 'u', unionPath: ['u'], photos: [], verifiedOn: '2026-10-01', status: 'active', createdAt: '', updatedAt: '', ...fields,
  } as StationDoc
}

async function storeWith(docs: StationDoc[]): Promise<Store> {
  const store = createNedbStore(null)
  await store.collection<StationDoc>('stations').insertMany(docs)
  return store
}

const codes = async (store: Store, query: NearbyQuery, now = new Date()) => (await nearestStations(store, query, now)).map(({ hit }) => hit.code)

describe('the nearest stations on the embedded store', () => {
  const random = rng(42)
  const docs = randomDocs(10_000, random)
  const points = docs.map(pointOf)
  let store: Store
  beforeAll(async () => {
    store = await storeWith(docs)
  })

  it('gives the same answers as a brute-force scan on many random points and filters', async () => {
    let nonEmpty = 0
    for (let i = 0; i < 300; i++) {
      const near = points[Math.floor(random() * points.length)]
      const query: NearbyQuery = {
        lat: random() < 0.7 ? near.lat + (random() - 0.5) * 0.2 : 18 + random() * 35,
        lng: random() < 0.7 ? near.lng + (random() - 0.5) * 0.2 : 75 + random() * 59,
        radiusM: [500, 5_000, 20_000, 200_000][Math.floor(random() * 4)],
        k: 1 + Math.floor(random() * 100),
        types: random() < 0.3 ? [STATION_TYPES[Math.floor(random() * STATION_TYPES.length)]] : undefined,
        amenities: random() < 0.5 ? AMENITIES.filter(() => random() < 0.2) : undefined,
        openNow: random() < 0.5,
      }
      const now = new Date(Date.UTC(2026, 10, 23, Math.floor(random() * 24), Math.floor(random() * 60)))
      const expected = scanNearest(points, query, now)
      expect((await nearestStations(store, query, now)).map(({ hit }) => hit)).toEqual(expected)
      if (expected.length) nonEmpty++
    }
    // The comparison means something only if most searches found stations.
    expect(nonEmpty).toBeGreaterThan(100)
  })

  it('counts k after the filters: k stations that all qualify', async () => {
    const query: NearbyQuery = { lat: 40.84, lng: 111.75, radiusM: 200_000, k: 10, amenities: ['热饭', '充电'], openNow: true }
    const found = await nearestStations(store, query, new Date('2026-11-23T20:00:00Z')) // 04:00 in China: few are open
    expect(found).toHaveLength(10)
    for (const { doc } of found) expect(doc.amenities).toEqual(expect.arrayContaining(['热饭', '充电']))
  })

  it('answers nothing within a radius that holds nothing', async () => {
    expect(await codes(store, { lat: 30, lng: 80, radiusM: 100, k: 5 })).toEqual([])
  })
})

describe('the nearest stations keep up with the store’s own writes', () => {
  it('a moved, a removed and a deactivated station', async () => {
    const base = [0, 1, 2].map((k) => station(`K${k}`, 40 + k * 0.01, 111))
    const store = await storeWith(base)
    const stations = store.collection<StationDoc>('stations')
    const q: NearbyQuery = { lat: 40, lng: 111, radiusM: 10_000, k: 5 }
    expect(await codes(store, q)).toEqual(['K0', 'K1', 'K2'])
    await stations.update({ _id: 'K0' }, { set: { lat: 40.05, lng: 111 } })
    expect(await codes(store, q)).toEqual(['K1', 'K2', 'K0'])
    await stations.update({ _id: 'K1' }, { set: { status: 'suspended' } })
    await stations.remove({ _id: 'K2' })
    expect(await codes(store, q)).toEqual(['K0'])
    await stations.insert(station('K3', 40.001, 111))
    expect(await codes(store, q)).toEqual(['K3', 'K0'])
  })
})

describe('the nearest stations on data with exact ties', () => {
  it.each([1, 7, 42])('many stations at the same spots (seed %p) still answer like a scan', async (seed) => {
    const random = rng(seed)
    // Every station shares its position with others: ties at the kth distance are broken by code.
    const spots = randomDocs(40, random)
    const docs = Array.from({ length: 3000 }, (_, i) => ({ ...spots[i % spots.length], _id: `T${String(i).padStart(5, '0')}` }))
    const points = docs.map(pointOf)
    const store = await storeWith(docs)
    const now = new Date('2026-11-23T04:00:00Z')
    for (let i = 0; i < 60; i++) {
      const p = points[Math.floor(random() * points.length)]
      const query: NearbyQuery = { lat: p.lat + (random() - 0.5) * 0.1, lng: p.lng + (random() - 0.5) * 0.1, radiusM: 50_000, k: 1 + Math.floor(random() * 50), openNow: random() < 0.5 }
      expect((await nearestStations(store, query, now)).map(({ hit }) => hit)).toEqual(scanNearest(points, query, now))
    }
  })
})
