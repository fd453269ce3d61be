import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { JoinUnion, StationDetail } from '@domain/contract'
import EditStation from '@/features/stations/pages/edit/index'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, typeInto, waitFor as waitForSoon } from '../setup/app'

// The station form's 管理工会 on Taro's H5 runtime, the cloud answered here per action (the real
// server: tests/e2e/stations-upkeep.e2e.ts; admin.subtreeUnions' search: tests/cloud). A clerk of a
// subtree with more than a page of unions finds the 51st by name and puts the station under it.

const testUtils = new TestUtils()
const union = (n: number): JoinUnion => ({ id: `u-${n}`, code: `u-${n}`, name: `示例第${n}基层工会（演示）`, level: 'grassroots', parentName: '新城区总工会', path: ['呼和浩特市总工会', '新城区总工会', `示例第${n}基层工会（演示）`] })
const FIRST_PAGE = Array.from({ length: 50 }, (_, i) => union(i + 1))
const station: StationDetail = {
  code: 'XC-0101',
  name: '示例户外劳动者驿站（演示）',
  type: '户外劳动者服务站点',
  latitude: 40.85,
  longitude: 111.76,
  address: '新城区示例路 1 号',
  amenities: [],
  hoursText: ['全天'],
  hours: '24h',
  openNow: true,
  phone: '',
  photos: [],
  unionId: 'u-1',
  unionName: union(1).name,
  verifiedOn: '2026-11-20',
  status: 'active',
  updatedAt: '2026-11-20T08:00:00.000Z',
  canEdit: true,
  warnings: [],
  helpfulRecent: 0,
  helpfulToday: false,
}

function fakeCloud() {
  const sent: Array<{ action: string; data: any }> = []
  stubFetch(async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as { action: string; data: any }
    sent.push(body)
    if (body.action === 'get') return jsonResponse({ ok: true, data: station })
    if (body.action === 'subtreeUnions') {
      const found = body.data.keyword ? [...FIRST_PAGE, union(51)].filter((u) => u.name.includes(body.data.keyword)) : FIRST_PAGE
      return jsonResponse({ ok: true, data: { unions: found, nextCursor: body.data.keyword ? null : 'u-50:示例第50基层工会（演示）' } })
    }
    if (body.action === 'save') return jsonResponse({ ok: true, data: { code: station.code, updatedAt: '2026-11-23T08:00:00.000Z' } })
    return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
  })
  return sent
}

const waitFor = (check: () => void) => waitForSoon(check, 4000)
const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
  Current.router = { params: { code: station.code }, path: '/features/stations/pages/edit/index', onReady: '', onHide: '', onShow: '' } as never
  jest.spyOn(Taro, 'showToast').mockResolvedValue(undefined as never)
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue(undefined as never)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('驿站表单：管理工会', () => {
  it('finds a union beyond the first page of 50 by name, and saves the station under it', async () => {
    const sent = fakeCloud()
    await testUtils.mount(EditStation)
    await waitFor(() => expect(byId('form-union-u-50')).not.toBeNull())
    expect(byTestId('form-union-chosen')?.textContent).toBe(`已选：${union(1).name}`)
    // The first page holds 50; the 51st is not on it.
    expect(byId('form-union-u-51')).toBeNull()
    await typeInto('form-union-keyword', '第51')
    tap('form-union-search')
    await waitFor(() => expect(byId('form-union-u-51')).not.toBeNull())
    expect(sent.filter((s) => s.action === 'subtreeUnions').map((s) => s.data)).toEqual([{}, { keyword: '第51' }])
    tap('form-union-u-51')
    await waitFor(() => expect(byTestId('form-union-chosen')?.textContent).toBe(`已选：${union(51).name}`))
    expect(byId('form-union-u-51')?.getAttribute('aria-checked')).toBe('true')
    tap('form-save')
    await waitFor(() => expect(sent.some((s) => s.action === 'save')).toBe(true))
    expect(sent.find((s) => s.action === 'save')?.data).toMatchObject({ code: station.code, unionId: 'u-51' })
  })
})
