import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import Notifications from '@/features/join/pages/notifications'
import { agreePrivacy, byId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

// #15 item 8: every notice in 我的消息 is one tappable, named item that opens what it is about.
const testUtils = new TestUtils()

const at = '2026-12-01T02:00:00.000Z'
const items = [
  { id: 'n-coupon', title: '福利券即将过期', body: '…', link: '/features/benefits/pages/coupon/index?id=c1', target: { kind: 'coupon', id: 'c1' }, createdAt: at },
  { id: 'n-transfer', title: '转会申请已转出', body: '…', link: '/pages/me/index', target: { kind: 'transfer', id: 't1' }, createdAt: at },
  { id: 'n-join', title: '入会申请已通过', body: '…', link: '/pages/me/index', target: { kind: 'application', id: 'a1' }, createdAt: at },
  { id: 'n-old', title: '助学申请已提交', body: '…', link: null, target: null, createdAt: at },
]

beforeEach(() => {
  resetApp()
  signIn('token-n', '张三')
  agreePrivacy()
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('我的消息', () => {
  it('names every notice for a screen reader and opens its record, or a fitting list for an old one', async () => {
    stubFetch(async () => jsonResponse({ ok: true, data: { items } }))
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
    await testUtils.mount(Notifications)
    await waitFor(() => expect(byId('note-open-n-coupon')).not.toBeNull())

    for (const { id, title } of items) {
      const item = byId(`note-open-${id}`)!
      expect(item.getAttribute('aria-label')).toBe(`${title}，…，2026年12月1日，查看详情`)
      expect(item.getAttribute('tabindex')).toBe('0')
      item.click()
    }
    expect(navigateTo.mock.calls.map(([options]) => options.url)).toEqual([
      '/features/benefits/pages/coupon/index?id=c1',
      '/features/transfer/pages/status/index',
      '/features/aid/pages/index/index',
    ])
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })
})
