import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import Home from '@/pages/home/index'
import { SERVICES } from '@/pages/home/services'
import { agreePrivacy, byId, byTestId, resetApp, signIn } from '../setup/app'

const testUtils = new TestUtils()

beforeEach(resetApp)
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('首页', () => {
  it('shows the four services; those not open yet say so', async () => {
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)

    expect(byTestId('login-needed')).toBeNull()
    expect(byTestId('privacy-notice')).toBeNull()
    const tiles = Array.from(byTestId('service-grid')?.children ?? [])
    expect(tiles.map((tile) => tile.id)).toEqual(['service-join', 'service-benefits', 'service-stations', 'service-aid'])

    const expected: Record<string, string> = {
      'service-join': '入会 / 转会',
      'service-benefits': '普惠福利',
      'service-stations': '驿站地图',
      'service-aid': '金秋助学',
    }
    for (const [id, title] of Object.entries(expected)) {
      const tile = byId(id)
      expect(tile?.querySelector('.home__tile-title')?.textContent).toBe(title)
      // 即将开放 shows exactly on the services whose subpackage has not landed (no path yet).
      const open = SERVICES.find((s) => `service-${s.key}` === id)?.path
      expect(tile?.querySelector('.home__soon')?.textContent).toBe(open ? undefined : '即将开放')
    }
    // 驿站地图 is open.
    expect(byId('service-stations')?.querySelector('.home__soon')).toBeNull()
  })

  it('tapping a service opens its subpackage; one not open yet goes nowhere', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)

    for (const id of ['service-join', 'service-benefits', 'service-stations', 'service-aid']) testUtils.fireEvent.click(byId(id)!)

    const opened = SERVICES.flatMap((s) => (s.path ? [{ url: s.path }] : []))
    expect(navigateTo.mock.calls.map((c) => c[0])).toEqual(opened)
    expect(opened).toContainEqual({ url: '/features/benefits/pages/list/index' })
    expect(byTestId('service-grid')).not.toBeNull()
  })

  it('asks for a demo identity first when signed out', async () => {
    await testUtils.mount(Home)
    expect(byTestId('login-needed')).not.toBeNull()
    expect(byTestId('service-grid')).toBeNull()
  })
})
