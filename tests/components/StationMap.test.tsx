import TestUtils from '@tarojs/test-utils-react'
import { StationMap, type MapMarker } from '@/platform/map'
import { byId, byTestId, resetApp, waitFor } from '../setup/app'

const testUtils = new TestUtils()

beforeEach(resetApp)
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

const centre = { lat: 40.84, lng: 111.75 }
const at = (code: string, dLat: number, dLng: number, open = true): MapMarker => ({ code, name: `示例驿站${code}（演示）`, lat: centre.lat + dLat, lng: centre.lng + dLng, open })
// Five stations within 200 m of each other near the centre, and two far apart 5 km out.
const markers = [at('a', 0.001, 0), at('b', 0, 0.001), at('c', -0.001, 0), at('d', 0, -0.001), at('e', 0.0005, 0.0005, false), at('n', 0.045, 0), at('s', -0.045, 0.01)]

const all = (testId: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`))

describe('the web build’s light map', () => {
  it('zoomed out merges close markers into a count bubble; tapping it zooms in and shows the markers', async () => {
    const tapped: string[] = []
    await testUtils.mount(() => <StationMap center={centre} centerIsUser markers={markers} selected={null} onMarkerTap={(code) => tapped.push(code)} />)
    expect(byTestId('station-map')?.dataset.zoom).toBe('0')
    expect(all('map-cluster').map((c) => c.textContent)).toEqual(['5'])
    expect(all('map-marker')).toHaveLength(2)

    const shown = () => all('map-marker').length + all('map-cluster').reduce((n, c) => n + Number(c.textContent), 0)
    testUtils.fireEvent.click(all('map-cluster')[0])
    await waitFor(() => expect(Number(byTestId('station-map')?.dataset.zoom)).toBeGreaterThan(0))
    // Zoomed in on the group: it parts; the far ones are out of sight.
    expect(all('map-marker').length).toBeGreaterThan(0)
    expect(shown()).toBe(5)
    // Tapping what is still merged zooms further (centred on that part of the group, 44 px apart
    // at most), until the stations in sight stand alone.
    for (let i = 0; i < 5 && all('map-cluster').length; i++) {
      const zoom = byTestId('station-map')?.dataset.zoom
      testUtils.fireEvent.click(all('map-cluster')[0])
      await waitFor(() => expect(byTestId('station-map')?.dataset.zoom).not.toBe(zoom))
    }
    expect(all('map-cluster')).toHaveLength(0)
    const codes = all('map-marker').map((m) => /示例驿站(\w)/.exec(m.getAttribute('aria-label') ?? '')?.[1])
    expect(codes.length).toBeGreaterThanOrEqual(4)
    expect(codes.every((c) => c && 'abcde'.includes(c))).toBe(true)
    testUtils.fireEvent.click(all('map-marker')[0])
    expect(tapped).toEqual(['a'])

    // Zooming back out all the way merges them again.
    for (let i = 0; i < 6; i++) testUtils.fireEvent.click(byId('map-zoom-out')!)
    await waitFor(() => expect(all('map-cluster').map((c) => c.textContent)).toEqual(['5']))
    expect(byTestId('station-map')?.dataset.zoom).toBe('0')
  })

  it('markers and bubbles are buttons named as on the tiled map, in the tab order, opened by Enter or Space', async () => {
    const tapped: string[] = []
    await testUtils.mount(() => <StationMap center={centre} centerIsUser markers={markers} selected={null} onMarkerTap={(code) => tapped.push(code)} />)
    const [north, south] = all('map-marker')
    for (const el of [north, south, ...all('map-cluster')]) {
      expect(el.getAttribute('role')).toBe('button')
      expect(el.tabIndex).toBe(0)
    }
    expect(north.getAttribute('aria-label')).toBe('示例驿站n（演示），营业中')
    expect(all('map-cluster')[0].getAttribute('aria-label')).toBe('5 个驿站，点按放大')
    testUtils.fireEvent.keyDown(north, { key: 'Enter' })
    testUtils.fireEvent.keyDown(south, { key: ' ' })
    testUtils.fireEvent.keyDown(south, { key: 'Tab' })
    expect(tapped).toEqual(['n', 's'])
    // A closed station says so.
    testUtils.fireEvent.keyDown(all('map-cluster')[0], { key: 'Enter' })
    await waitFor(() => expect(Number(byTestId('station-map')?.dataset.zoom)).toBeGreaterThan(0))
    for (let i = 0; i < 5 && all('map-cluster').length; i++) {
      const zoom = byTestId('station-map')?.dataset.zoom
      testUtils.fireEvent.keyDown(all('map-cluster')[0], { key: 'Enter' })
      await waitFor(() => expect(byTestId('station-map')?.dataset.zoom).not.toBe(zoom))
    }
    expect(all('map-marker').map((m) => m.getAttribute('aria-label'))).toContain('示例驿站e（演示），已打烊')
  })

  it('stations far apart stay separate markers even zoomed out', async () => {
    await testUtils.mount(() => <StationMap center={centre} centerIsUser={false} markers={[at('n', 0.045, 0), at('s', -0.045, 0), at('w', 0, -0.06)]} selected={null} onMarkerTap={() => {}} />)
    expect(all('map-cluster')).toHaveLength(0)
    expect(all('map-marker')).toHaveLength(3)
    expect(byTestId('station-map')?.textContent).toContain('搜索中心')
  })
})
