import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import Home from '@/pages/home/index'
import { SERVICES } from '@/pages/home/services'
import type { HomeSummary } from '@domain/contract'
import { QUEUES } from '@domain/home'
import { rememberLocation } from '@/platform/lastLocation'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

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

  it('every tile opens with Enter or Space, as a button does', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    testUtils.fireEvent.keyDown(byId('service-join')!, { key: 'Enter' })
    testUtils.fireEvent.keyDown(byId('service-aid')!, { key: ' ' })
    testUtils.fireEvent.keyDown(byId('service-stations')!, { key: 'Tab' })
    testUtils.fireEvent.keyDown(byId('public-aid-notice')!, { key: 'Enter' })
    expect(navigateTo.mock.calls.map((c) => c[0])).toEqual([{ url: '/features/join/pages/entry/index' }, { url: '/features/aid/pages/index/index' }, { url: '/features/aid/pages/notice/index' }])
  })
})

// 首页 signed in: member.home through the real client, answered here (the local server answers in tests/e2e).
const summaryOf = (summary: HomeSummary) =>
  stubFetch(async (url, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { action: string; data: Record<string, unknown> }
    if (url.endsWith('/member') && body.action === 'home') return jsonResponse({ ok: true, data: summary })
    if (url.endsWith('/stations') && body.action === 'nearby') {
      const station = { code: 'st-1', name: '示例驿站（演示）', type: 'rest', lat: body.data.lat, lng: body.data.lng, address: '示例路 1 号', amenities: [], allDay: true, openNow: true, distanceM: 320 }
      return jsonResponse({ ok: true, data: { stations: [station], at: '2026-11-23T08:00:00.000Z' } })
    }
    return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
  })

describe('首页, signed in', () => {
  it('a member: 出示会员证 in one tap, and each waiting thing opens its page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    summaryOf({
      member: true,
      queues: [],
      waiting: [
        { key: 'transfer-t1', kind: 'transfer', title: '转会办理中', detail: '转入示例工会 · 等待原工会放行', path: '/features/transfer/pages/status/index' },
        { key: 'coupon-c1', kind: 'coupon', title: '满50减10（明天过期）', detail: '示例超市 · 到店出示核销', path: '/features/benefits/pages/coupon/index?id=c1' },
      ],
    })
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    await waitFor(() => expect(byId('home-card')).not.toBeNull())
    expect(byTestId('home-join')).toBeNull()
    expect(byTestId('home-queues')).toBeNull()
    expect(byTestId('home-waiting')?.textContent).toContain('转入示例工会 · 等待原工会放行')
    // No location shared this session: no station, and none asked for.
    expect(byId('home-nearest')).toBeNull()
    testUtils.fireEvent.click(byId('home-card')!)
    testUtils.fireEvent.click(byId('waiting-coupon-c1')!)
    testUtils.fireEvent.keyDown(byId('waiting-transfer-t1')!, { key: 'Enter' })
    expect(navigateTo.mock.calls.map((c) => c[0])).toEqual([
      { url: '/features/join/pages/card/index' },
      { url: '/features/benefits/pages/coupon/index?id=c1' },
      { url: '/features/transfer/pages/status/index' },
    ])
    expect(byId('waiting-coupon-c1')?.getAttribute('aria-label')).toBe('满50减10（明天过期）：示例超市 · 到店出示核销')
  })

  it('a member with nothing waiting is told so, and sees the nearest open station once a location was shared', async () => {
    summaryOf({ member: true, queues: [], waiting: [] })
    rememberLocation({ lat: 40.84, lng: 111.75 })
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    await waitFor(() => expect(byTestId('home-waiting-empty')).not.toBeNull())
    await waitFor(() => expect(byId('home-nearest')?.textContent).toContain('示例驿站（演示）'))
    expect(byId('home-nearest')?.textContent).toContain('320')
  })

  it('not yet a member: leads to joining; with an application in review, shows it instead', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    summaryOf({ member: false, queues: [], waiting: [] })
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    await waitFor(() => expect(byId('home-join')).not.toBeNull())
    expect(byId('home-card')).toBeNull()
    testUtils.fireEvent.click(byId('home-join')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/join/pages/entry/index' })
    testUtils.unmout()

    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    summaryOf({ member: false, queues: [], waiting: [{ key: 'join-a1', kind: 'join', title: '入会申请审核中', detail: '示例工会 · 2026-11-20提交', path: '/pages/me/index' }] })
    await testUtils.mount(Home)
    await waitFor(() => expect(byId('waiting-join-a1')).not.toBeNull())
    expect(byId('home-join')).toBeNull()
    testUtils.fireEvent.click(byId('waiting-join-a1')!)
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('a clerk sees how many wait in each queue, and each opens its page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    summaryOf({
      member: false,
      waiting: [],
      queues: [
        { kind: 'join', ...QUEUES.join, count: 3, more: false },
        { kind: 'transferIn', ...QUEUES.transferIn, count: 0, more: false },
        { kind: 'aidTwo', ...QUEUES.aidTwo, count: 200, more: true },
      ],
    })
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    await waitFor(() => expect(byTestId('home-queues')).not.toBeNull())
    expect(byId('queue-join')?.textContent).toBe('入会申请待审核3')
    expect(byId('queue-aidTwo')?.getAttribute('aria-label')).toBe('金秋助学待上级审批：200+ 件')
    testUtils.fireEvent.click(byId('queue-join')!)
    testUtils.fireEvent.keyDown(byId('queue-aidTwo')!, { key: ' ' })
    expect(navigateTo.mock.calls.map((c) => c[0])).toEqual([{ url: '/features/join/pages/review/index' }, { url: '/features/aid/pages/review/index' }])
  })

  it('says it is loading, then what failed in plain Chinese, and tries again', async () => {
    const fetch = stubFetch(() => new Promise(() => undefined))
    signIn()
    agreePrivacy()
    await testUtils.mount(Home)
    await waitFor(() => expect(byTestId('home-mine-loading')?.textContent).toBe('正在读取你的待办…'))
    testUtils.unmout()

    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    await testUtils.mount(Home)
    await waitFor(() => expect(byTestId('home-mine-error')?.textContent).toMatch(/^你的待办暂时没有读出来：/))
    // The services stay usable below the failure.
    expect(byTestId('service-grid')).not.toBeNull()
    summaryOf({ member: true, queues: [], waiting: [] })
    testUtils.fireEvent.click(byId('home-mine-retry')!)
    await waitFor(() => expect(byId('home-card')).not.toBeNull())
    expect(fetch).toHaveBeenCalled()
  })
})

