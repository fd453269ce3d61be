import { buildGeoTree, measureRatherThanWalk, nearestAmong, nearestDocs, type NearQuery } from '../../cloud/lib/store/nedb-geo'
import type { Doc } from '../../cloud/lib/store/port'

/**
 * The embedded store's two ways to answer geoNear (cloud/lib/store/nedb-geo.ts): walking its
 * kd-tree outwards, or measuring the few candidates an index gave. Both must answer what a full
 * sort by (distance, _id) answers, and the walk must not test documents beyond the radius.
 */
interface Place extends Doc {
  lat: number
  lng: number
  kind: string
}

function rng(seed: number) {
  let a = seed
  return () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648
}

const random = rng(18)
// Clustered around two cities, a few anywhere; kinds from common (a) to rare (d).
const DOCS: Place[] = Array.from({ length: 5000 }, (_, i) => {
  const [lat, lng] = random() < 0.1 ? [20 + random() * 25, 90 + random() * 30] : random() < 0.5 ? [40.8 + random() * 0.4, 111.6 + random() * 0.4] : [39.8 + random() * 0.3, 116.3 + random() * 0.3]
  const r = random()
  return { _id: `P${String(i).padStart(5, '0')}`, lat, lng, kind: r < 0.7 ? 'a' : r < 0.95 ? 'b' : r < 0.995 ? 'c' : 'd' }
})
const TREE = buildGeoTree(DOCS)
const BY_ID = new Map(DOCS.map((d) => [d._id, d]))

const ids = (hits: Array<{ doc: Doc }>) => hits.map((h) => h.doc._id)

describe('nedb-geo: walking the tree and measuring candidates answer alike', () => {
  const points = [{ lat: 41, lng: 111.8 }, { lat: 39.9, lng: 116.4 }, { lat: 30, lng: 100 }]
  const cases: Array<[string, NearQuery]> = []
  for (const point of points)
    for (const kind of ['a', 'c', 'd', 'none'])
      for (const [limit, maxDistanceM, minDistanceM] of [[10, 30_000, 0], [200, 200_000, 0], [1000, 200_000, 0], [20, 200_000, 5_000], [5, 1_000, 0]])
        cases.push([`${kind} near ${point.lat},${point.lng}: limit ${limit}, ${minDistanceM}–${maxDistanceM} m`, { point, limit, maxDistanceM, minDistanceM }])

  it.each(cases)('%s', (name, q) => {
    const kind = name.split(' ')[0]
    const matches = (doc: Place) => doc.kind === kind
    const walked = nearestDocs(TREE, (id) => BY_ID.get(id), matches, q)
    const measured = nearestAmong(DOCS.filter(matches), matches, q)
    expect(ids(measured)).toEqual(ids(walked))
    expect(measured.map((h) => h.distanceM)).toEqual(walked.map((h) => h.distanceM))
    // Both are the full sort's answer.
    const sorted = walked.map((h) => h.distanceM)
    expect(sorted).toEqual([...sorted].sort((x, y) => x - y))
    expect(walked.length).toBeLessThanOrEqual(q.limit)
  })

  it('a walk that finds fewer than its limit inside the radius tests only what lies near it, not every document', () => {
    let tested = 0
    const hits = nearestDocs(TREE, (id) => BY_ID.get(id), (doc) => (tested++, doc.kind === 'none'), { point: { lat: 30, lng: 100 }, limit: 10, maxDistanceM: 50_000, minDistanceM: 0 })
    expect(hits).toEqual([])
    const near = DOCS.filter((d) => Math.abs(d.lat - 30) < 1 && Math.abs(d.lng - 100) < 1).length
    expect(tested).toBeLessThanOrEqual(near)
  })

  it('measures the candidates when few of them match, walks when most of them do', () => {
    const kindA = DOCS.filter((d) => d.kind === 'a')
    // 3,500 of 5,000 are kind a: the walk meets 200 of them in ~300 points.
    expect(measureRatherThanWalk(kindA, (d) => d.kind === 'a', DOCS.length, 200)).toBe(false)
    // ~1% of them end in 77: the walk would meet 200 in ~100,000 points, beyond all 5,000.
    expect(measureRatherThanWalk(kindA, (d) => d.kind === 'a' && d._id.endsWith('77'), DOCS.length, 200)).toBe(true)
    expect(measureRatherThanWalk([], () => true, DOCS.length, 200)).toBe(true)
  })
})
