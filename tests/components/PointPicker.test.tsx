import TestUtils from '@tarojs/test-utils-react'
import type { LatLng } from '@domain/geo'
import { PointPicker } from '@/platform/pointPicker'
import { byId, byTestId, resetApp } from '../setup/app'

const testUtils = new TestUtils()

beforeEach(resetApp)
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

const type = (id: string, value: string) => {
  const input = byId(id)?.querySelector('input') as HTMLInputElement
  input.value = value
  testUtils.fireEvent.input(input)
}

/** #18 item 5 on the web with no map tiles configured: the form as it was, and no map at all. */
describe('the station form’s point on the web, without map tiles', () => {
  it('is typed as 纬度 and 经度 (or taken from 用我的位置), with no map, no map chunk and no picked-point line', async () => {
    const picked: LatLng[] = []
    await testUtils.mount(() => <PointPicker value={null} onPick={(p) => picked.push(p)} />)
    expect(byTestId('point-picker')).not.toBeNull()
    expect(byTestId('picker-map')).toBeNull()
    expect(byTestId('picker-map-loading')).toBeNull()
    expect(byTestId('picker-point')).toBeNull()
    expect(byId('point-mine')).not.toBeNull()
    type('point-lat', '40.8601')
    type('point-lng', '111.7702')
    expect(picked.at(-1)).toEqual({ lat: 40.8601, lng: 111.7702 })
  })
})
