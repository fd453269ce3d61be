import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import type { OfferSummary, Profile } from '@domain/contract'
import { ERROR_MESSAGES } from '@domain/errors'
import Me from '@/pages/me/index'
import OfferList from '@/features/benefits/pages/list/index'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

const testUtils = new TestUtils()

beforeEach(() => {
  resetApp()
  signIn('token-me', '张三')
  agreePrivacy()
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const profile = (roles: Profile['roles']): Profile => ({ displayName: '张三', roles, held: [], membership: null, privacyAgreedVersion: null })

describe('我的 → 普惠福利 links', () => {
  it('everyone sees 我的福利; only merchant staff see 核销, only union staff 福利管理', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    stubFetch(async () => jsonResponse({ ok: true, data: profile([{ kind: 'merchant_staff', merchantId: 'm-1', merchantName: '示例店' }]) }))
    await testUtils.mount(Me)
    await waitFor(() => expect(byTestId('benefits-links')).not.toBeNull())
    expect(byId('me-my-coupons')).not.toBeNull()
    expect(byId('me-redeem')).not.toBeNull()
    expect(byId('me-manage-offers')).toBeNull()
    testUtils.fireEvent.click(byId('me-redeem')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/benefits/pages/redeem/index' })
  })

  it('a plain member has no 核销', async () => {
    stubFetch(async () => jsonResponse({ ok: true, data: profile([]) }))
    await testUtils.mount(Me)
    await waitFor(() => expect(byId('me-my-coupons')).not.toBeNull())
    expect(byId('me-redeem')).toBeNull()
  })
})

const offer = (id: string, title: string): OfferSummary => ({
  id, title, category: '餐饮', merchantName: '示例餐厅（演示）', city: '呼和浩特', county: '新城区', image: null,
  startAt: '2026-11-01T00:00:00.000Z', endAt: '2026-12-31T00:00:00.000Z', stock: 5, total: 10, availability: 'open', distanceM: null,
})

describe('普惠福利 list', () => {
  it('shows offers and pages on with the cursor', async () => {
    const bodies: string[] = []
    stubFetch(async (_url, init) => {
      bodies.push(String(init?.body))
      const more = bodies.length === 1
      return jsonResponse({ ok: true, data: { items: [offer(more ? 'a' : 'b', more ? '午餐立减' : '早餐免费')], nextCursor: more ? 'cur-1' : null } })
    })
    await testUtils.mount(OfferList)
    await waitFor(() => expect(byTestId('offer-card')?.textContent).toContain('午餐立减'), 5000)
    testUtils.fireEvent.click(byId('offers-more')!)
    await waitFor(() => expect(document.querySelectorAll('[data-testid="offer-card"]')).toHaveLength(2), 5000)
    expect(JSON.parse(bodies[1])).toEqual({ action: 'list', data: { cursor: 'cur-1' } })
    expect(byId('offers-more')).toBeNull()
  })

  it('a slow answer for a filter left behind never replaces the newer list', async () => {
    let releaseFood: () => void = () => undefined
    stubFetch(async (_url, init) => {
      const { data } = JSON.parse(String(init?.body)) as { data: { category?: string } }
      if (data.category === '餐饮') {
        // 餐饮's page answers only after 交通出行's has arrived.
        await new Promise<void>((resolve) => (releaseFood = resolve))
        return jsonResponse({ ok: true, data: { items: [offer('a', '午餐立减'), offer('b', '早餐免费')], nextCursor: 'cur-1' } })
      }
      if (data.category === '交通出行') return jsonResponse({ ok: true, data: { items: [offer('t', '公交卡充值立减')], nextCursor: null } })
      return jsonResponse({ ok: true, data: { items: [offer('n', '最新一条')], nextCursor: null } })
    })
    await testUtils.mount(OfferList)
    await waitFor(() => expect(byTestId('offer-card')?.textContent).toContain('最新一条'), 5000)
    testUtils.fireEvent.click(byId('cat-餐饮')!)
    // While 餐饮 loads, the chips stay to tap.
    await waitFor(() => expect(byTestId('offers-loading')).not.toBeNull(), 5000)
    testUtils.fireEvent.click(byId('cat-交通出行')!)
    await waitFor(() => expect(byTestId('offer-card')?.textContent).toContain('公交卡充值立减'), 5000)
    releaseFood()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const cards = Array.from(document.querySelectorAll('[data-testid="offer-card"]'), (card) => card.textContent)
    expect(cards).toHaveLength(1)
    expect(cards[0]).toContain('公交卡充值立减')
    expect(byId('offers-more')).toBeNull()
  })

  it('a failed page for a new filter says so in the list, with 重试, and keeps the chips', async () => {
    stubFetch(async (_url, init) => {
      const { data } = JSON.parse(String(init?.body)) as { data: { category?: string } }
      if (data.category) return jsonResponse({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } }, 500)
      return jsonResponse({ ok: true, data: { items: [offer('n', '最新一条')], nextCursor: null } })
    })
    await testUtils.mount(OfferList)
    await waitFor(() => expect(byTestId('offer-card')).not.toBeNull(), 5000)
    testUtils.fireEvent.click(byId('cat-餐饮')!)
    await waitFor(() => expect(byTestId('offers-error')?.textContent).toContain(ERROR_MESSAGES.INTERNAL), 5000)
    expect(byId('offers-retry')).not.toBeNull()
    testUtils.fireEvent.click(byId('cat-all')!)
    await waitFor(() => expect(byTestId('offer-card')?.textContent).toContain('最新一条'), 5000)
  })

  it('says so when there is nothing', async () => {
    stubFetch(async () => jsonResponse({ ok: true, data: { items: [], nextCursor: null } }))
    await testUtils.mount(OfferList)
    await waitFor(() => expect(byTestId('offers-empty')).not.toBeNull())
  })

  it('shows a failed load with 重试', async () => {
    await testUtils.mount(OfferList)
    await waitFor(() => expect(byTestId('load-error')?.textContent).toContain(ERROR_MESSAGES.NETWORK))
    stubFetch(async () => jsonResponse({ ok: true, data: { items: [offer('a', '午餐立减')], nextCursor: null } }))
    testUtils.fireEvent.click(byId('load-error-action')!)
    await waitFor(() => expect(byTestId('offer-card')).not.toBeNull())
  })

  it('asks for the location only on 离我最近, then lists nearest first with "1.2公里"', async () => {
    const getLocation = jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 40.84, longitude: 111.75 } as Taro.getLocation.SuccessCallbackResult)
    const bodies: Array<{ data: Record<string, unknown> }> = []
    stubFetch(async (_url, init) => {
      const body = JSON.parse(String(init?.body))
      bodies.push(body)
      return jsonResponse({ ok: true, data: { items: [{ ...offer('a', '午餐立减'), distanceM: body.data.near ? 1234 : null }], nextCursor: null } })
    })
    await testUtils.mount(OfferList)
    await waitFor(() => expect(byTestId('offer-card')).not.toBeNull(), 5000)
    expect(getLocation).not.toHaveBeenCalled()
    expect(byTestId('offer-distance')).toBeNull()
    testUtils.fireEvent.click(byId('sort-near')!)
    await waitFor(() => expect(byTestId('offer-distance')?.textContent).toBe('最近门店 1.2公里'), 5000)
    expect(getLocation).toHaveBeenCalledTimes(1)
    expect(bodies[bodies.length - 1].data.near).toEqual({ latitude: expect.closeTo(40.84, 1), longitude: expect.closeTo(111.75, 1) })
    // Back to newest and again nearest: the location is not asked twice.
    testUtils.fireEvent.click(byId('sort-newest')!)
    await waitFor(() => expect([byId('sort-newest')?.className, byTestId('offer-distance')]).toEqual([expect.stringContaining('bf__chip--on'), null]), 5000)
    expect(bodies[bodies.length - 1].data.near).toBeUndefined()
    testUtils.fireEvent.click(byId('sort-near')!)
    await waitFor(() => expect(byTestId('offer-distance')).not.toBeNull(), 5000)
    expect(getLocation).toHaveBeenCalledTimes(1)
  })

  it('a refused location stays on newest with a short note', async () => {
    jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'getLocation:fail User denied Geolocation' })
    const bodies: string[] = []
    stubFetch(async (_url, init) => {
      bodies.push(String(init?.body))
      return jsonResponse({ ok: true, data: { items: [offer('a', '午餐立减')], nextCursor: null } })
    })
    await testUtils.mount(OfferList)
    await waitFor(() => expect(byTestId('offer-card')).not.toBeNull(), 5000)
    testUtils.fireEvent.click(byId('sort-near')!)
    await waitFor(() => expect(byTestId('sort-note')?.textContent).toBe('没有获得位置权限，仍按最新排序。'), 5000)
    expect(byId('sort-newest')?.className).toContain('bf__chip--on')
    expect(bodies.every((b) => !b.includes('near'))).toBe(true)
  })
})
