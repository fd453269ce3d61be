import type { OfferAdmin } from '@domain/contract'
import { ALL_MEMBERS, checkOfferForm, offerDraftOf, offerFieldPath, offerFormOf, withMerchant, type OfferChoices } from '@domain/benefits/offerForm'
import { withFirstProblem } from '@domain/validate'

const store = { name: '示例店中山路店（演示）', address: '中山路 1 号', latitude: 40.84, longitude: 111.75 }
const choices: OfferChoices = { merchants: [{ id: 'm-1', name: '示例店（演示）', stores: [store] }, { id: 'm-2', name: '无门店商户（演示）' }], unions: [{ id: 'u-1', name: '示例工会（演示）' }] }

const offer: OfferAdmin = {
  id: 'o-1', title: '午餐立减', category: '餐饮', merchantId: 'm-1', merchantName: '示例店（演示）', unionId: 'u-1', city: '包头', county: '青山区',
  description: '说明', rules: ['仅限会员', '不找零'], stores: [{ name: '门店', address: '地址', latitude: 40.6, longitude: 109.9 }],
  startAt: '2026-11-30T16:00:00.000Z', endAt: '2026-12-31T15:59:59.000Z', total: 10, stock: 7, claimed: 3, limit: { count: 2, period: 'week' }, couponValidDays: 7,
  eligibleUnionId: 'u-1', status: 'active', updatedAt: '2026-11-23T08:00:00.000Z',
}

/** A new offer filled in as a clerk would. */
const filled = () => ({ ...withMerchant(offerDraftOf(null, choices), 'm-1', choices), title: '午餐立减', county: '新城区', description: '凭券立减 10 元', startDay: '2026-12-01', endDay: '2026-12-31' })

describe('福利管理 form: draft and form', () => {
  it('an offer being edited shows its own values, its window as China days', () => {
    const d = offerDraftOf(offer, choices)
    expect(d).toMatchObject({ title: '午餐立减', rules: '仅限会员\n不找零', startDay: '2026-12-01', endDay: '2026-12-31', total: '10', limitCount: '2', limitPeriod: 'week', validDays: '7', eligibleUnionId: 'u-1' })
    expect(offerFormOf(d, offer.id)).toMatchObject({ id: 'o-1', startAt: '2026-12-01T00:00:00+08:00', endAt: '2026-12-31T23:59:59+08:00', total: 10, limit: { count: 2, period: 'week' }, couponValidDays: 7, rules: ['仅限会员', '不找零'] })
  })

  it('a new one starts with the first merchant and union, for every member, one a month', () => {
    const d = offerDraftOf(null, choices)
    expect(d).toMatchObject({ merchantId: 'm-1', unionId: 'u-1', eligibleUnionId: ALL_MEMBERS, limitCount: '1', limitPeriod: 'month', total: '100' })
    const form = offerFormOf(d)
    expect(form).not.toHaveProperty('id')
    expect(form.eligibleUnionId).toBeNull()
  })

  it('blank rule lines are dropped; typed coordinates become numbers', () => {
    const form = offerFormOf({ ...filled(), rules: ' 仅限会员 \n\n  ', stores: [{ name: '店', address: '路', latitude: '40.5', longitude: ' ' }] })
    expect(form.rules).toEqual(['仅限会员'])
    expect(form.stores[0].latitude).toBe(40.5)
    expect(form.stores[0].longitude).toBeNaN()
  })

  it('picking a merchant fills its stores while none are typed, and never overwrites typed ones', () => {
    expect(withMerchant(offerDraftOf(null, choices), 'm-1', choices).stores).toEqual([{ name: store.name, address: store.address, latitude: '40.84', longitude: '111.75' }])
    const typed = { ...offerDraftOf(null, choices), stores: [{ name: '我填的店', address: '', latitude: '', longitude: '' }] }
    expect(withMerchant(typed, 'm-1', choices).stores[0].name).toBe('我填的店')
    expect(withMerchant(typed, 'm-2', choices).merchantId).toBe('m-2')
  })

  it('a draft field reports its problems where the contract puts them', () => {
    expect(offerFieldPath('startDay')).toBe('startAt')
    expect(offerFieldPath('limitCount')).toBe('limit.count')
    expect(offerFieldPath('title')).toBe('title')
  })
})

describe('福利管理 form: problems before sending', () => {
  it('a complete form has none', () => {
    expect(checkOfferForm(offerFormOf(filled()), 0)).toEqual({})
  })

  it('field shapes first, in the contract’s words, keyed by path', () => {
    const problems = checkOfferForm(offerFormOf({ ...filled(), title: '', stores: [{ name: '', address: '路', latitude: '', longitude: '111' }] }), 0)
    expect(problems).toMatchObject({ title: '请填写福利名称', 'stores.0.name': '请填写门店名称', 'stores.0.latitude': expect.stringContaining('纬度') })
  })

  it('then the form rules: the end after the start, and never fewer than already claimed', () => {
    expect(checkOfferForm(offerFormOf({ ...filled(), startDay: '2026-12-31', endDay: '2026-12-01' }), 0)).toEqual({ endAt: '结束时间须晚于开始时间' })
    expect(checkOfferForm(offerFormOf({ ...filled(), total: '2' }), 3)).toEqual({ total: '总数量不能少于已领取的 3 张' })
  })

  it('the first problem is also given for the save button, top down when the order is known', () => {
    expect(withFirstProblem({ title: '请填写福利名称', total: '太少' })).toEqual({ title: '请填写福利名称', total: '太少', _: '请填写福利名称' })
    expect(withFirstProblem({ code: 'b', name: 'a' }, ['name', 'code'])._).toBe('a')
    expect(withFirstProblem({})).toEqual({})
  })
})
