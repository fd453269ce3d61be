import * as v from 'valibot'
import { placedMerchant, placeStoredMerchantsAndRoles } from '../../cloud/features/merchants/backfill'
import { collections, type MerchantDoc, type RoleDoc } from '../../cloud/lib/collections'
import { contract } from '../../domain/contract'
import { ERROR_MESSAGES } from '../../domain/errors'
import { code, ok } from '../helpers/aid'
import { adminHarness, type AdminHarness } from '../helpers/admin'
import { requestId } from '../helpers/benefits'
import { testStore } from '../helpers/store'

/**
 * 商户管理 (#16), on both stores: union staff register merchants of their subtree (validated, no
 * duplicate under one union), pause and close them (which stops redemption and claims), invite
 * their cashiers; offers may name only merchants of the clerk's subtree. Audited throughout.
 */
const STORE = { name: '示例修车铺（演示）一店', address: '呼和浩特市新城区示例路9号（演示地址）', latitude: 40.85, longitude: 111.76 }
const FORM = {
  unionId: 'hhht-xc',
  name: '示例修车铺（演示）',
  contactName: '王师傅',
  contactPhone: '13912345678',
  stores: [STORE],
  servesUnionIds: ['hhht-xc'],
}

const save = (h: AdminHarness, who: string, form: Record<string, unknown>) => h.call(who, 'saveMerchant', form)
const setStatus = (h: AdminHarness, who: string, id: string, status: string) => h.call(who, 'setMerchantStatus', { id, status })

describe('admin.saveMerchant: registering', () => {
  it('a clerk registers a merchant under a union of their subtree, listed with its phone in full to staff; audited with it masked', async () => {
    const h = await adminHarness()
    const saved = ok(await save(h, 'demo-clerk', { ...FORM, servesUnionIds: ['hhht-xc-kd', 'hhht-xc-hw'] }))
    expect(v.safeParse(contract.admin.saveMerchant.output, saved).success).toBe(true)
    expect(saved).toMatchObject({
      name: '示例修车铺（演示）',
      union: { id: 'hhht-xc', name: '新城区总工会' },
      contactName: '王师傅',
      contactPhone: '13912345678',
      stores: [STORE],
      serves: [
        { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会' },
        { id: 'hhht-xc-hw', name: '新城区示例环卫服务中心（演示）工会' },
      ],
      status: 'active',
      cashiers: 0,
    })
    expect(await h.db.merchants.get(saved.id)).toMatchObject({ unionPath: ['nmg', 'hhht', 'hhht-xc'], nameKey: 'hhht-xc|示例修车铺(演示)' })
    const [entry] = await h.auditOf('admin.merchant.create')
    expect(entry).toMatchObject({ actor: 'demo-clerk', target: { collection: 'merchants', id: saved.id }, before: null })
    expect(JSON.stringify(entry)).not.toContain('13912345678')
    expect(JSON.stringify(entry)).toContain('139****5678')

    const list = ok(await h.call('demo-clerk', 'merchants', {}))
    expect(v.safeParse(contract.admin.merchants.output, list).success).toBe(true)
    expect(list.items.map((m: { name: string }) => m.name)).toEqual(['示例便民超市（演示）', '示例修车铺（演示）'])
    expect(list.items[0]).toMatchObject({ contactPhone: '13900000001', cashiers: 1 })
    // The city sees its subtree's (its own and 新城区's); 回民区 none of them.
    expect(ok(await h.call('demo-city-clerk', 'merchants', {})).items.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([saved.id, 'm-bianmin', 'm-qingcheng-canyin']))
    expect(ok(await h.call('demo-hm-clerk', 'merchants', {})).items).toEqual([])
    for (const who of ['demo-merchant', 'demo-member']) expect(code(await h.call(who, 'merchants', {}))).toBe('FORBIDDEN')
  })

  it.each([
    ['a bad phone', { contactPhone: '12345' }, 'contactPhone', '手机号应为 11 位数字，以 1 开头'],
    ['no contact', { contactName: '  ' }, 'contactName', '请填写联系人'],
    ['no name', { name: '' }, 'name', '请填写商户名称'],
    ['no store', { stores: [] }, 'stores', '请至少填写一个门店'],
    ['a store outside China', { stores: [{ ...STORE, latitude: 1.3, longitude: 103.8 }] }, 'stores.0.latitude', '门店位置应在中国境内（GCJ-02 坐标，可在地图上取点）'],
    ['a store with a bad latitude', { stores: [{ ...STORE, latitude: 95 }] }, 'stores.0.latitude', '纬度不正确'],
    ['no union served', { servesUnionIds: [] }, 'servesUnionIds', '请至少选择一个服务的工会'],
    ['a union served outside the subtree', { servesUnionIds: ['hhht-xc', 'hhht-hm'] }, 'servesUnionIds', '服务的工会只能选本工会或下级工会'],
    ['a union served that does not exist', { servesUnionIds: ['nowhere'] }, 'servesUnionIds', '服务的工会只能选本工会或下级工会'],
    ['a registering union above', { unionId: 'hhht' }, 'unionId', '只能在本工会或下级工会登记商户'],
    ['a registering union of another subtree', { unionId: 'hhht-hm', servesUnionIds: ['hhht-xc'] }, 'unionId', '只能在本工会或下级工会登记商户'],
  ])('refuses %s with a message by the field, writing nothing', async (_what, change, field, message) => {
    const h = await adminHarness()
    const before = await h.snapshot()
    const answer = await save(h, 'demo-clerk', { ...FORM, ...change })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: message } } })
    expect(await h.snapshot()).toEqual(before)
  })

  it('refuses a duplicate (the same name under the same union, however spaced or bracketed), not the same name elsewhere', async () => {
    const h = await adminHarness()
    ok(await save(h, 'demo-clerk', FORM))
    const before = await h.snapshot()
    for (const name of ['示例修车铺（演示）', ' 示例修车铺 (演示) ', '示例修车铺(演示)']) {
      const answer = await save(h, 'demo-clerk', { ...FORM, name })
      expect(answer).toMatchObject({ ok: false, error: { code: 'MERCHANT_DUPLICATE', fields: { name: '同一工会下已有同名商户' } } })
      expect(answer.error?.message).toContain('新城区总工会')
    }
    expect(await h.snapshot()).toEqual(before)
    // The same shop under another union is another merchant.
    ok(await save(h, 'demo-city-clerk', { ...FORM, unionId: 'hhht', servesUnionIds: ['hhht'] }))
  })

  it('of two clerks registering the same merchant at once, one does', async () => {
    const h = await adminHarness()
    const answers = await Promise.all([save(h, 'demo-clerk', FORM), save(h, 'demo-city-clerk', FORM)])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => a.error?.code)).toEqual(['MERCHANT_DUPLICATE'])
    expect(await h.db.merchants.count({ unionId: 'hhht-xc' })).toBe(2)
  })

  it('edits contact, stores and unions served, never the name or union; only in the subtree; audited', async () => {
    const h = await adminHarness()
    const saved = ok(await save(h, 'demo-clerk', FORM))
    h.clock.advance(1000)
    const edited = ok(await save(h, 'demo-clerk', { ...FORM, id: saved.id, contactPhone: '13700000000', stores: [STORE, { ...STORE, name: '二店' }] }))
    expect(edited).toMatchObject({ contactPhone: '13700000000', stores: [STORE, { ...STORE, name: '二店' }], updatedAt: '2026-11-23T08:00:01.000Z' })
    expect(await h.auditOf('admin.merchant.update')).toEqual([expect.objectContaining({ actor: 'demo-clerk', before: expect.objectContaining({ contactPhone: '139****5678' }), after: expect.objectContaining({ contactPhone: '137****0000' }) })])
    const before = await h.snapshot()
    expect((await save(h, 'demo-clerk', { ...FORM, id: saved.id, name: '别的名字' })).error?.fields).toEqual({ name: '商户名称登记后不能修改；如需更名，请关闭后重新登记' })
    expect((await save(h, 'demo-clerk', { ...FORM, id: saved.id, unionId: 'hhht-xc-kd' })).error?.fields).toEqual({ unionId: '商户的登记工会不能修改' })
    expect(code(await save(h, 'demo-hm-clerk', { ...FORM, id: saved.id, unionId: 'hhht-hm', servesUnionIds: ['hhht-hm'] }))).toBe('NOT_FOUND')
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('admin.setMerchantStatus: pause, resume, close', () => {
  async function couponAt(h: AdminHarness) {
    // 粮油日用满50减15 is 示例便民超市's, open to every member.
    return ok(await h.callAs('demo-member', 'benefits', 'claim', { offerId: 'offer-bianmin-mian', idempotencyKey: requestId() }))
  }

  it('a paused merchant’s cashier cannot redeem and its offers cannot be claimed; resumed, both work; audited', async () => {
    const h = await adminHarness()
    const coupon = await couponAt(h)
    const paused = ok(await setStatus(h, 'demo-clerk', 'm-bianmin', 'paused'))
    expect(paused).toMatchObject({ status: 'paused' })
    const before = await h.snapshot()
    expect((await h.callAs('demo-merchant', 'benefits', 'redeem', { code: coupon.code })).error).toEqual({ code: 'MERCHANT_SUSPENDED', message: '本店已暂停合作，暂不能核销；如有疑问请联系工会' })
    expect((await h.callAs('demo-member', 'benefits', 'claim', { offerId: 'offer-bianmin-shuiguo', idempotencyKey: requestId() })).error).toEqual({ code: 'MERCHANT_SUSPENDED', message: '该商户已暂停合作，这项福利暂不能领取' })
    expect(ok(await h.callAs('demo-member', 'benefits', 'detail', { id: 'offer-bianmin-shuiguo' })).availability).toBe('paused')
    expect(ok(await h.callAs('demo-merchant', 'benefits', 'redemptions', {})).merchantStatus).toBe('paused')
    expect((await h.profile('demo-merchant')).held[0].merchant).toMatchObject({ status: 'paused' })
    expect(await h.snapshot()).toEqual(before)
    // Inviting a cashier waits for it too.
    expect(code(await h.invite('demo-clerk', { kind: 'merchant_staff', merchantId: 'm-bianmin' }))).toBe('MERCHANT_SUSPENDED')

    h.clock.advance(1000)
    ok(await setStatus(h, 'demo-clerk', 'm-bianmin', 'active'))
    expect(ok(await h.callAs('demo-merchant', 'benefits', 'redeem', { code: coupon.code }))).toMatchObject({ code: coupon.code })
    expect(ok(await h.callAs('demo-member', 'benefits', 'detail', { id: 'offer-bianmin-shuiguo' })).availability).toBe('open')
    expect((await h.auditOf('admin.merchant.pause')).map((a) => [a.actor, a.before, a.after])).toEqual([['demo-clerk', { status: 'active' }, { status: 'paused' }]])
    expect(await h.auditOf('admin.merchant.resume')).toHaveLength(1)
  })

  it('closing is final: no redemption, no claims, no resume, no edits, no new cashiers or offers', async () => {
    const h = await adminHarness()
    const coupon = await couponAt(h)
    ok(await setStatus(h, 'demo-city-clerk', 'm-bianmin', 'closed'))
    expect((await h.callAs('demo-merchant', 'benefits', 'redeem', { code: coupon.code })).error?.message).toBe('本店已关闭合作，暂不能核销；如有疑问请联系工会')
    expect(code(await h.callAs('demo-member', 'benefits', 'claim', { offerId: 'offer-bianmin-mian', idempotencyKey: requestId() }))).toBe('MERCHANT_SUSPENDED')
    const before = await h.snapshot()
    expect((await setStatus(h, 'demo-clerk', 'm-bianmin', 'active')).error?.message).toBe('该商户已关闭，不能恢复或暂停')
    expect(code(await save(h, 'demo-clerk', { ...FORM, id: 'm-bianmin', name: '示例便民超市（演示）' }))).toBe('MERCHANT_CLOSED')
    expect((await h.invite('demo-clerk', { kind: 'merchant_staff', merchantId: 'm-bianmin' })).error).toEqual({ code: 'MERCHANT_CLOSED', message: ERROR_MESSAGES.MERCHANT_CLOSED })
    expect(await h.snapshot()).toEqual(before)
    // Closed merchants leave the list unless asked for, and the offer form.
    expect(ok(await h.call('demo-clerk', 'merchants', {})).items).toEqual([])
    expect(ok(await h.call('demo-clerk', 'merchants', { includeClosed: true })).items.map((m: { status: string }) => m.status)).toEqual(['closed'])
    expect(ok(await h.callAs('demo-clerk', 'benefits', 'manageList', {})).merchants).toEqual([])
    expect(await h.auditOf('admin.merchant.close')).toHaveLength(1)
  })

  it('only staff of its subtree change it; the same status twice is refused; nothing changes', async () => {
    const h = await adminHarness()
    const before = await h.snapshot()
    expect(code(await setStatus(h, 'demo-hm-clerk', 'm-bianmin', 'paused'))).toBe('NOT_FOUND')
    for (const who of ['demo-merchant', 'demo-member']) expect(code(await setStatus(h, who, 'm-bianmin', 'paused'))).toBe('FORBIDDEN')
    expect((await setStatus(h, 'demo-clerk', 'm-bianmin', 'active')).error?.message).toBe('商户已是这个状态')
    expect(code(await setStatus(h, 'demo-clerk', 'm-bianmin', 'gone'))).toBe('INVALID_INPUT')
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('offers name only merchants of the clerk’s subtree', () => {
  const offer = {
    unionId: 'hhht-xc',
    title: '示例修车八折（演示）',
    category: '日常生活',
    city: '呼和浩特',
    county: '新城区',
    description: '会员修车八折。',
    rules: ['仅限会员本人'],
    stores: [STORE],
    startAt: '2026-11-23T00:00:00.000Z',
    endAt: '2026-12-31T00:00:00.000Z',
    total: 10,
    limit: { count: 1, period: 'once' },
    couponValidDays: 7,
  }

  it('the offer form lists the subtree’s merchants with their stores; an offer naming one outside is refused in the cloud', async () => {
    const h = await adminHarness()
    const mine = ok(await save(h, 'demo-clerk', FORM))
    const choices = ok(await h.callAs('demo-clerk', 'benefits', 'manageList', {})).merchants
    expect(choices).toEqual([
      { id: 'm-bianmin', name: '示例便民超市（演示）', stores: [expect.objectContaining({ name: '示例便民超市（演示）新城店' })] },
      { id: mine.id, name: '示例修车铺（演示）', stores: [STORE] },
    ])
    expect(ok(await h.callAs('demo-clerk', 'benefits', 'saveOffer', { ...offer, merchantId: mine.id }))).toMatchObject({ merchantName: '示例修车铺（演示）' })

    const before = await h.snapshot()
    // 示例青城餐厅 is 呼和浩特's: above 新城区.
    for (const merchantId of ['m-qingcheng-canyin', 'no-such-merchant']) {
      expect(await h.callAs('demo-clerk', 'benefits', 'saveOffer', { ...offer, merchantId })).toEqual({
        ok: false,
        error: { code: 'MERCHANT_OUT_OF_REACH', message: ERROR_MESSAGES.MERCHANT_OUT_OF_REACH, fields: { merchantId: ERROR_MESSAGES.MERCHANT_OUT_OF_REACH } },
      })
    }
    // 回民区's clerk cannot name 新城区's merchant.
    expect(code(await h.callAs('demo-hm-clerk', 'benefits', 'saveOffer', { ...offer, unionId: 'hhht-hm', merchantId: mine.id }))).toBe('MERCHANT_OUT_OF_REACH')
    expect(await h.snapshot()).toEqual(before)
  })

  it('an offer being edited may keep the merchant it names, but not move to one outside', async () => {
    const h = await adminHarness()
    // 回民区建筑工人早餐券 is 回民区's and names 示例青城餐厅 (呼和浩特's), from before merchants had owners.
    const edit = { ...offer, id: 'offer-hm-jianzhu', unionId: 'hhht-hm', merchantId: 'm-qingcheng-canyin' }
    expect(ok(await h.callAs('demo-hm-clerk', 'benefits', 'saveOffer', edit))).toMatchObject({ id: 'offer-hm-jianzhu', merchantId: 'm-qingcheng-canyin' })
    expect(code(await h.callAs('demo-hm-clerk', 'benefits', 'saveOffer', { ...edit, merchantId: 'm-hhht-jiaotong' }))).toBe('MERCHANT_OUT_OF_REACH')
  })
})

describe('merchants and roles stored before #16 (the local server’s start)', () => {
  it('get their union path, unique name key and status; a second run changes nothing', async () => {
    const { store } = testStore()
    const db = collections(store)
    // An older DATA_DIR: no indexes yet, merchants and roles as they were stored.
    await db.unions.insert({ _id: 'u-top', name: '顶级（演示）', level: 'province', parentId: null, ancestors: [], terms: [], regionCode: '150000', status: 'active' })
    await db.unions.insert({ _id: 'u-a', name: '甲（演示）', level: 'county', parentId: 'u-top', ancestors: ['u-top'], terms: [], regionCode: '150102', status: 'active' })
    await db.merchants.insert({ _id: 'm-old', name: '老商户（演示）', unionId: 'u-a' } as MerchantDoc)
    await db.roles.insert({ _id: 'r-old', openid: 'o-1', kind: 'merchant_staff', merchantId: 'm-old' } as RoleDoc)
    await db.roles.insert({ _id: 'r-clerk', openid: 'o-2', kind: 'union_staff', unionId: 'u-top' } as RoleDoc)
    expect(await placeStoredMerchantsAndRoles(store, '2026-12-01T00:00:00.000Z')).toEqual({ merchants: 1, roles: 2 })
    expect(await db.merchants.get('m-old')).toEqual(placedMerchant({ _id: 'm-old', name: '老商户（演示）', unionId: 'u-a' }, (await db.unions.get('u-a'))!, '2026-12-01T00:00:00.000Z'))
    expect(await db.merchants.get('m-old')).toMatchObject({ unionPath: ['u-top', 'u-a'], nameKey: 'u-a|老商户(演示)', status: 'active', servesUnionIds: ['u-a'] })
    expect(await db.roles.get('r-old')).toMatchObject({ unionPath: ['u-top', 'u-a'], grantedAt: '2026-12-01T00:00:00.000Z' })
    expect(await db.roles.get('r-clerk')).toMatchObject({ unionPath: ['u-top'] })
    expect(await placeStoredMerchantsAndRoles(store, '2026-12-02T00:00:00.000Z')).toEqual({ merchants: 0, roles: 0 })
  })
})
