import { clusterPoints, layout, overview, project, zoomInOn, type ScreenPoint } from '../../domain/stations/cluster'

const SIZE = { width: 350, height: 210 }

describe('clustering markers on screen', () => {
  it('leaves markers apart alone and merges those closer than the radius', () => {
    const far: ScreenPoint[] = [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 100, y: 0 }, { id: 'c', x: 0, y: 100 }]
    expect(clusterPoints(far, 20).map((c) => c.ids)).toEqual([['a'], ['b'], ['c']])
    const near: ScreenPoint[] = [{ id: 'a', x: 10, y: 10 }, { id: 'b', x: 20, y: 10 }, { id: 'c', x: 10, y: 24 }, { id: 'd', x: 200, y: 10 }]
    const clusters = clusterPoints(near, 20)
    expect(clusters.map((c) => c.ids)).toEqual([['a', 'b', 'c'], ['d']])
    expect(clusters[0]).toMatchObject({ x: 40 / 3, y: 44 / 3 })
    // Exactly the radius apart is apart.
    expect(clusterPoints([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 20, y: 0 }], 20)).toHaveLength(2)
    expect(clusterPoints([], 20)).toEqual([])
  })

  it('on random points: every point in one cluster, within the radius of its seed; seeds apart', () => {
    let seed = 3
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (let round = 0; round < 20; round++) {
      const points = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, x: random() * 350, y: random() * 210 }))
      const r = 10 + random() * 30
      const clusters = clusterPoints(points, r)
      expect(clusters.flatMap((c) => c.ids).sort()).toEqual(points.map((p) => p.id).sort())
      const at = new Map(points.map((p) => [p.id, p]))
      const seeds = clusters.map((c) => at.get(c.ids[0])!)
      let violations = 0
      for (const c of clusters) {
        const s = at.get(c.ids[0])!
        for (const id of c.ids) if (Math.hypot(at.get(id)!.x - s.x, at.get(id)!.y - s.y) >= r) violations++
      }
      for (let i = 0; i < seeds.length; i++) for (let j = i + 1; j < seeds.length; j++) if (Math.hypot(seeds[i].x - seeds[j].x, seeds[i].y - seeds[j].y) < r) violations++
      expect(violations).toBe(0)
      expect(clusters.length).toBeLessThan(points.length)
    }
  })
})

describe('the light map view', () => {
  const centre = { lat: 40.84, lng: 111.75 }
  const m = (code: string, dLat: number, dLng: number) => ({ code, lat: centre.lat + dLat, lng: centre.lng + dLng })
  // A tight group of three 100-odd metres apart, and one 5 km north.
  const markers = [m('a', 0.001, 0), m('b', 0, 0.001), m('c', -0.001, 0), m('far', 0.045, 0)]

  it('the overview puts every marker in the box, the centre in the middle', () => {
    const view = overview(centre, markers)
    expect(project(view, centre)).toEqual({ fx: 0.5, fy: 0.5 })
    for (const p of markers) {
      const { fx, fy } = project(view, p)
      expect(fx).toBeGreaterThanOrEqual(0)
      expect(fx).toBeLessThanOrEqual(1)
      expect(fy).toBeGreaterThanOrEqual(0)
      expect(fy).toBeLessThanOrEqual(1)
    }
    expect(project(view, markers[3]).fy).toBeLessThan(0.1) // north is up
    expect(overview(centre, []).reachM).toBeCloseTo(345)
  })

  it('zoomed out the group is one bubble of 3; zooming in on it parts them; markers out of sight are left out', () => {
    const view = overview(centre, markers)
    const placed = layout(markers, view, SIZE, 22)
    expect(placed.map((p) => p.items.map((i) => i.code))).toEqual([['a', 'b', 'c'], ['far']])
    const closer = zoomInOn(placed[0].items, view, SIZE, 22)
    expect(closer.reachM).toBeLessThan(view.reachM)
    const parted = layout(markers, closer, SIZE, 22)
    expect(parted.map((p) => p.items.map((i) => i.code))).toEqual([['a'], ['b'], ['c']])
    // Without clustering every marker in sight stands alone.
    expect(layout(markers, view, SIZE, 0)).toHaveLength(4)
  })
})

describe('WeChat <Map> markers', () => {
  it('every marker joins WeChat’s clustering, which zooms in on a tap', async () => {
    const { WX_CLUSTER_OPTIONS, wxMarkers } = await import('../../src/platform/map-markers')
    const ms = [{ code: 'a', name: 'A', lat: 40, lng: 111, open: true }, { code: 'b', name: 'B', lat: 40.1, lng: 111.1, open: false }]
    const items = wxMarkers(ms, 'b', { open: 'open.png', closed: 'closed.png' })
    expect(items).toEqual([
      { id: 0, latitude: 40, longitude: 111, title: 'A', iconPath: 'open.png', width: 24, height: 30, joinCluster: true },
      { id: 1, latitude: 40.1, longitude: 111.1, title: 'B', iconPath: 'closed.png', width: 32, height: 40, joinCluster: true },
    ])
    expect(WX_CLUSTER_OPTIONS).toEqual({ enableDefaultStyle: true, zoomOnClick: true, gridSize: 60 })
  })
})
