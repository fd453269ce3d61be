import { KdIndex } from '../../cloud/features/stations/kd-index'
import { parseHours } from '../../src/domain/stations/hours'
import { scanNearest, type NearbyQuery, type StationPoint } from '../../src/domain/stations/search'
import { AMENITIES, STATION_TYPES } from '../../src/domain/stations/types'

function rng(seed: number) {
  let a = seed
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648
    return a / 2147483648
  }
}

const HOURS = ['24h', 'daily 06:00-22:00', 'daily 22:00-06:00', 'mon-fri 08:00-18:00'].map((t) => {
  const parsed = parseHours(t)
  if (!parsed.ok) throw new Error(t)
  return parsed.hours
})

function randomPoints(n: number, random: () => number): StationPoint[] {
  const centres = [[40.84, 111.75], [40.66, 109.84], [39.9, 116.4], [22.5, 114.05], [45.8, 126.5]]
  return Array.from({ length: n }, (_, i) => {
    const uniform = random() < 0.2
    const [clat, clng] = centres[Math.floor(random() * centres.length)]
    return {
      code: `S${String(i).padStart(6, '0')}`,
      lat: uniform ? 18 + random() * 35 : clat + (random() - 0.5) * 0.8,
      lng: uniform ? 75 + random() * 59 : clng + (random() - 0.5) * 1.0,
      type: STATION_TYPES[Math.floor(random() * STATION_TYPES.length)],
      amenities: AMENITIES.filter(() => random() < 0.5),
      hours: HOURS[Math.floor(random() * HOURS.length)],
      active: random() < 0.95,
    }
  })
}

describe('the stations index', () => {
  const random = rng(42)
  const points = randomPoints(10_000, random)
  const index = new KdIndex()
  for (const p of points) index.upsert(p)

  it('gives the same answers as a brute-force scan on many random points and filters', () => {
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
      expect(index.nearest(query, now)).toEqual(expected)
      if (expected.length) nonEmpty++
    }
    // The comparison means something only if most searches found stations.
    expect(nonEmpty).toBeGreaterThan(100)
  })

  it('counts k after the filters: k stations that all qualify', () => {
    const query: NearbyQuery = { lat: 40.84, lng: 111.75, radiusM: 200_000, k: 10, amenities: ['热饭', '充电'], openNow: true }
    const now = new Date('2026-11-23T20:00:00Z') // 04:00 in China: few are open
    const hits = index.nearest(query, now)
    expect(hits).toHaveLength(10)
    for (const hit of hits) {
      const p = points.find((x) => x.code === hit.code)!
      expect(p.amenities).toEqual(expect.arrayContaining(['热饭', '充电']))
    }
  })

  it('keeps up with a moved, a removed and a deactivated station', () => {
    const small = new KdIndex()
    const base = points.slice(0, 3).map((p, k) => ({ ...p, lat: 40 + k * 0.01, lng: 111, active: true, types: undefined }))
    base.forEach((p) => small.upsert(p))
    const q: NearbyQuery = { lat: 40, lng: 111, radiusM: 10_000, k: 5 }
    const now = new Date()
    expect(small.nearest(q, now).map((h) => h.code)).toEqual(base.map((p) => p.code))
    small.upsert({ ...base[0], lat: 40.05 })
    expect(small.nearest(q, now).map((h) => h.code)).toEqual([base[1].code, base[2].code, base[0].code])
    small.upsert({ ...base[1], active: false })
    small.remove(base[2].code)
    expect(small.nearest(q, now).map((h) => h.code)).toEqual([base[0].code])
    expect(small.size).toBe(2)
  })

  it('answers nothing within a radius that holds nothing', () => {
    expect(index.nearest({ lat: 30, lng: 80, radiusM: 100, k: 5 }, new Date())).toEqual([])
  })
})

describe('the index on data with exact ties', () => {
  it.each([1, 7, 42])('many stations at the same spots (seed %p) still answer like a scan', (seed) => {
    const random = rng(seed)
    // Every station shares its position with others: ties at the kth distance are broken by code.
    const spots = randomPoints(40, random)
    const points = Array.from({ length: 3000 }, (_, i) => ({ ...spots[i % spots.length], code: `T${String(i).padStart(5, '0')}` }))
    const index = new KdIndex()
    points.forEach((p) => index.upsert(p))
    const now = new Date('2026-11-23T04:00:00Z')
    for (let i = 0; i < 60; i++) {
      const p = points[Math.floor(random() * points.length)]
      const query: NearbyQuery = { lat: p.lat + (random() - 0.5) * 0.1, lng: p.lng + (random() - 0.5) * 0.1, radiusM: 50_000, k: 1 + Math.floor(random() * 50), openNow: random() < 0.5 }
      expect(index.nearest(query, now)).toEqual(scanNearest(points, query, now))
    }
  })
})
