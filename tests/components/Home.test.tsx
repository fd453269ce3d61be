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

  it('signed out, shows the services, the public pages and how to sign in', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    agreePrivacy()
    await testUtils.mount(Home)
    expect(byTestId('login-needed')).toBeNull()
    expect(byTestId('service-grid')).not.toBeNull()
    expect(byTestId('home-signed-out')?.textContent).toContain('驿站地图和助学公示无需登录即可查看')
    testUtils.fireEvent.click(byId('home-sign-in')!)
    testUtils.fireEvent.click(byId('public-aid-notice')!)
    expect(navigateTo.mock.calls.map((c) => c[0])).toEqual([{ url: '/pages/login/index' }, { url: '/features/aid/pages/notice/index' }])
  })

  it('signed in, the sign-in card is gone and the public pages stay', async () => {
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    expect(byTestId('home-signed-out')).toBeNull()
    expect(byId('public-aid-notice')).not.toBeNull()
  })

  it('every service tile is a named button for a screen reader', async () => {
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    for (const service of SERVICES) {
      const tile = byId(`service-${service.key}`)
      expect(tile?.getAttribute('role')).toBe('button')
      expect(tile?.getAttribute('aria-label')).toBe(`${service.title}：${service.description}`)
      expect(tile?.getAttribute('tabindex')).toBe('0')
    }
  })
})
