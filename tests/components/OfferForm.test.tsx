import TestUtils from '@tarojs/test-utils-react'
import type { OfferAdmin } from '@domain/contract'
import { OfferFormView } from '@/features/benefits/components/OfferFormView'
import { byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

const testUtils = new TestUtils()
const choices = { merchants: [{ id: 'm-1', name: '示例店（演示）' }], unions: [{ id: 'u-1', name: '示例工会（演示）' }] }

const offer: OfferAdmin = {
  id: 'o-1', title: '午餐立减', category: '餐饮', merchantId: 'm-1', merchantName: '示例店（演示）', unionId: 'u-1', city: '包头', county: '青山区',
  description: '说明', rules: ['仅限会员'], stores: [{ name: '门店', address: '地址', latitude: 40.6, longitude: 109.9 }],
  startAt: '2026-11-30T16:00:00.000Z', endAt: '2026-12-31T15:59:59.000Z', total: 10, stock: 7, claimed: 3, limit: { count: 1, period: 'month' }, couponValidDays: 30,
  eligibleUnionId: null, status: 'active', updatedAt: '2026-11-23T08:00:00.000Z',
}

beforeEach(() => {
  resetApp()
  signIn()
})
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('offer form', () => {
  it('sends the edited offer with China-time dates, and shows the cloud’s message beside the field', async () => {
    const sent: unknown[] = []
    stubFetch(async (_url, init) => {
      sent.push(JSON.parse(String(init?.body)))
      return jsonResponse({ ok: false, error: { code: 'INVALID_INPUT', message: '总数量不能少于已领取的 3 张', fields: { total: '总数量不能少于已领取的 3 张' } } }, 400)
    })
    const saved = jest.fn()
    await testUtils.mount(() => <OfferFormView offer={offer} choices={choices} onSaved={saved} onCancel={() => {}} />)
    expect(byTestId('offer-form')?.textContent).toContain('修改福利')
    testUtils.fireEvent.click(byId('offer-save')!)
    await waitFor(() => expect(byTestId('offer-form')?.textContent).toContain('总数量不能少于已领取的 3 张'), 5000)
    expect(saved).not.toHaveBeenCalled()
    expect(sent[0]).toMatchObject({
      action: 'saveOffer',
      data: { id: 'o-1', unionId: 'u-1', merchantId: 'm-1', startAt: '2026-12-01T00:00:00+08:00', endAt: '2026-12-31T23:59:59+08:00', total: 10, rules: ['仅限会员'], stores: [{ latitude: 40.6 }] },
    })
  })

  it('keeps every store of the offer, adds and removes rows, and sends the chosen eligible union', async () => {
    const sent: Array<{ data: Record<string, unknown> }> = []
    stubFetch(async (_url, init) => {
      sent.push(JSON.parse(String(init?.body)))
      return jsonResponse({ ok: true, data: offer })
    })
    const two = { ...offer, stores: [...offer.stores, { name: '二店', address: '地址二', latitude: 40.7, longitude: 109.8 }] }
    const saved = jest.fn()
    await testUtils.mount(() => <OfferFormView offer={two} choices={choices} onSaved={saved} onCancel={() => {}} />)
    expect(document.querySelectorAll('[data-testid="store-row"]')).toHaveLength(2)
    testUtils.fireEvent.click(byId('store-add')!)
    expect(document.querySelectorAll('[data-testid="store-row"]')).toHaveLength(3)
    testUtils.fireEvent.click(byId('store-remove-2')!)
    testUtils.fireEvent.click(byId('eligible-u-1')!)
    testUtils.fireEvent.click(byId('offer-save')!)
    await waitFor(() => expect(saved).toHaveBeenCalled(), 5000)
    expect(sent[0].data).toMatchObject({ stores: two.stores, eligibleUnionId: 'u-1' })
  })

  it('checks the form before sending: a blank new store row and a missing title are shown, nothing sent', async () => {
    const fetch = stubFetch(async () => jsonResponse({ ok: true, data: offer }))
    await testUtils.mount(() => <OfferFormView offer={offer} choices={choices} onSaved={() => {}} onCancel={() => {}} />)
    testUtils.fireEvent.click(byId('store-add')!)
    testUtils.fireEvent.click(byId('offer-save')!)
    await waitFor(() => expect(byTestId('offer-form')?.textContent).toContain('请填写门店名称'))
    expect(byTestId('offer-form')?.textContent).toContain('请提供门店纬度')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('a new offer defaults to every member and one empty store row', async () => {
    const fetch = stubFetch(async () => jsonResponse({ ok: true, data: offer }))
    await testUtils.mount(() => <OfferFormView offer={null} choices={choices} onSaved={() => {}} onCancel={() => {}} />)
    expect(byId('eligible-all')?.className).toContain('bf__chip--on')
    expect(document.querySelectorAll('[data-testid="store-row"]')).toHaveLength(1)
    testUtils.fireEvent.click(byId('offer-save')!)
    await waitFor(() => expect(byTestId('offer-form')?.textContent).toContain('请填写福利名称'))
    expect(fetch).not.toHaveBeenCalled()
  })
})
