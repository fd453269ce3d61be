import { useState } from 'react'
import TestUtils from '@tarojs/test-utils-react'
import type { LatLng } from '@domain/geo'
import { MAP_TILES_META } from '@domain/stations/map-tiles'
import { PointPicker } from '@/platform/pointPicker'
import { byId, byTestId, resetApp, waitFor } from '../setup/app'

const testUtils = new TestUtils()

// The page's tile source, in place before the picker first reads it (map-tiles.ts reads it once).
beforeAll(() => {
  document.head.innerHTML = `<meta name="${MAP_TILES_META}" content="${JSON.stringify({ url: 'https://tiles.example.cn/{z}/{x}/{y}.png', subdomains: [], attribution: '© 示例地图' }).replace(/"/g, '&quot;')}">`
})
beforeEach(resetApp)
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

/** #18 item 5 on the web with map tiles: a map above the typed fields picks the point and shows it. */
function Form({ picked }: { picked: LatLng[] }) {
  const [value, setValue] = useState<LatLng | null>(null)
  return (
    <PointPicker
      value={value}
      onPick={(p) => {
        picked.push(p)
        setValue(p)
      }}
    />
  )
}

const fieldValue = (id: string) => (byId(id)?.querySelector('input') as HTMLInputElement).value

describe('the station form’s point on the web, with map tiles', () => {
  it('a click on the map picks a point, shown as text and in the fields; the pin follows it and the arrow keys move it', async () => {
    const picked: LatLng[] = []
    await testUtils.mount(() => <Form picked={picked} />)
    expect(byTestId('picker-point')?.textContent).toBe('尚未选点')
    await waitFor(() => expect(byTestId('picker-map')?.querySelector('.leaflet-container')).toBeTruthy())
    expect(byTestId('picker-pin')).toBeNull()

    testUtils.fireEvent.click(byTestId('picker-map')?.querySelector('.leaflet-container') as HTMLElement, { clientX: 30, clientY: 20 })
    await waitFor(() => expect(byTestId('picker-pin')).not.toBeNull())
    expect(picked).toHaveLength(1)
    const first = picked[0]
    // GCJ-02 in, GCJ-02 out: the map opens on 呼和浩特 (no position known), and the point is near it, to six places.
    expect(Math.abs(first.lat - 40.8424)).toBeLessThan(0.2)
    expect(Math.abs(first.lng - 111.749)).toBeLessThan(0.2)
    expect(first.lat).toBe(Number(first.lat.toFixed(6)))
    expect(byTestId('picker-point')?.textContent).toBe(`已选：纬度 ${first.lat.toFixed(6)}，经度 ${first.lng.toFixed(6)}`)
    expect(fieldValue('point-lat')).toBe(String(first.lat))
    expect(fieldValue('point-lng')).toBe(String(first.lng))

    const pin = byTestId('picker-pin') as HTMLElement
    expect(pin.getAttribute('role')).toBe('button')
    expect(pin.getAttribute('aria-label')).toBe('驿站位置标记：可拖动，或用方向键移动')
    expect(pin.tabIndex).toBe(0)
    testUtils.fireEvent.keyDown(pin, { key: 'ArrowRight' })
    await waitFor(() => expect(picked).toHaveLength(2))
    expect(picked[1].lng).toBeGreaterThan(first.lng)
    expect(picked[1].lat).toBeCloseTo(first.lat, 6)
    testUtils.fireEvent.keyDown(pin, { key: 'ArrowDown', shiftKey: true })
    await waitFor(() => expect(picked).toHaveLength(3))
    expect(picked[2].lat).toBeLessThan(picked[1].lat)
    // Shift: ten steps at once.
    expect(picked[1].lat - picked[2].lat).toBeCloseTo(10 * (picked[1].lng - first.lng) * Math.cos((first.lat * Math.PI) / 180), 4)
    // Other keys are the page's.
    testUtils.fireEvent.keyDown(pin, { key: 'Tab' })
    expect(picked).toHaveLength(3)

    // Typed fields move the pin too (it is the same point).
    const input = byId('point-lat')?.querySelector('input') as HTMLInputElement
    input.value = '40.9'
    testUtils.fireEvent.input(input)
    await waitFor(() => expect(byTestId('picker-point')?.textContent).toContain('纬度 40.900000'))
  })
})
