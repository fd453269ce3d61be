import * as v from 'valibot'
import type { CouponDoc, OfferDoc } from '../../cloud/features/benefits/collections'
import type { AuditDoc, NotificationDoc, RoleDoc } from '../../cloud/lib/collections'
import { dispatch } from '../../cloud/lib/dispatch'
import { functions } from '../../cloud/functions'
import { signToken } from '../../cloud/lib/tokens'
import type { Store } from '../../cloud/lib/store/port'
import { contract } from '../../domain/contract'
import { addMembers, data, harness, requestId } from '../helpers/benefits'
import { describeOn } from '../helpers/store'
import { createContext } from '../../cloud/lib/context'
import { HOLD_TTL_MS, settleStaleHolds, takeUnit } from '../../cloud/features/benefits/holds'

const offers = (store: Store) => store.collection<OfferDoc>('offers')
const coupons = (store: Store) => store.collection<CouponDoc>('coupons')
const stockOf = async (store: Store, id: string) => (await offers(store).get(id))?.stock

async function claim(b: Awaited<ReturnType<typeof harness>>['b'], who: string, offerId: string, id = requestId()) {
  return b(who, 'claim', { offerId, idempotencyKey: id })
}

describe('benefits.list', () => {
  it('shows open and upcoming offers newest first, with the contract shape', async () => {
    const { b } = await harness()
    const page = data(await b('demo-worker', 'list', {}))
    expect(v.safeParse(contract.benefits.list.output, page).success).toBe(true)
    expect(page.items.length).toBeGreaterThanOrEqual(8)
    expect(page.items[0].id).toBe('offer-baotou-peixun')
    expect(page.items.find((o) => o.id === 'offer-chifeng-hongshan')?.availability).toBe('not_started')
    expect(page.nextCursor).toBeNull()
  })

  it('filters by category, city and a search across title and merchant', async () => {
    const { b } = await harness()
    const food = data(await b('demo-worker', 'list', { category: '餐饮' }))
    expect(food.items.map((o) => o.id).sort()).toEqual(['offer-hm-jianzhu', 'offer-qingcheng-wucan'])
    const baotou = data(await b('demo-worker', 'list', { city: '包头' }))
    expect(baotou.items.every((o) => o.city === '包头')).toBe(true)
    expect(baotou.items).toHaveLength(2)
    expect(data(await b('demo-worker', 'list', { q: '体检' })).items.map((o) => o.id)).toEqual(['offer-eerduosi-tijian'])
    expect(data(await b('demo-worker', 'list', { q: '便民超市' })).items).toHaveLength(2)
    expect(data(await b('demo-worker', 'list', { q: '便民餐厅' })).items).toHaveLength(0)
    expect(data(await b('demo-worker', 'list', { q: '没有这个' })).items).toHaveLength(0)
  })

  it('pages with a cursor: every offer once, none twice', async () => {
    const { b } = await harness()
    const seen: string[] = []
    let cursor: string | undefined
    for (let i = 0; i < 10; i++) {
      const page = data(await b('demo-worker', 'list', { limit: 3, ...(cursor ? { cursor } : {}) }))
      seen.push(...page.items.map((o) => o.id))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    const all = data(await b('demo-worker', 'list', {})).items.map((o) => o.id)
    expect(seen).toEqual(all)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('hides paused and ended offers', async () => {
    const { b, store, clock } = await harness()
    await offers(store).update({ _id: 'offer-bianmin-mian' }, { set: { status: 'paused' } })
    let ids = data(await b('demo-worker', 'list', {})).items.map((o) => o.id)
    expect(ids).not.toContain('offer-bianmin-mian')
    clock.advance(31 * 24 * 3600 * 1000)
    ids = data(await b('demo-worker', 'list', {})).items.map((o) => o.id)
    expect(ids).not.toContain('offer-bianmin-shuiguo')
  })

  it('refuses a bad category with a Chinese message', async () => {
    const { b } = await harness()
    expect(await b('demo-worker', 'list', { category: '赌博' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择福利类别' } })
  })
})

describe('benefits.detail', () => {
  it('shows rules, stores and whether the caller can claim', async () => {
    const { b } = await harness()
    const detail = data(await b('demo-member', 'detail', { id: 'offer-hhht-gongjiao' }))
    expect(v.safeParse(contract.benefits.detail.output, detail).success).toBe(true)
    expect(detail.stores).toHaveLength(2)
    expect(detail.me).toEqual({ member: true, eligible: true, claimedThisPeriod: 0 })
    expect(data(await b('demo-worker', 'detail', { id: 'offer-hhht-gongjiao' })).me.member).toBe(false)
    expect(data(await b('demo-member', 'detail', { id: 'offer-hm-jianzhu' })).me).toMatchObject({ member: true, eligible: false })
    expect(data(await b('demo-member', 'detail', { id: 'offer-bianmin-shuiguo' })).eligibleUnionName).toBe('新城区总工会')
  })

  it('an unknown offer is NOT_FOUND', async () => {
    const { b } = await harness()
    expect(await b('demo-member', 'detail', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('benefits.claim', () => {
  it('a member claims a coupon: one unit of stock, an 8-character code, expiry from the offer', async () => {
    const { b, store } = await harness()
    const coupon = data(await claim(b, 'demo-member', 'offer-bianmin-mian'))
    expect(v.safeParse(contract.benefits.claim.output, coupon).success).toBe(true)
    expect(coupon).toMatchObject({ state: 'active', title: '粮油日用满50减15', merchantName: '示例便民超市（演示）', claimedAt: '2026-11-23T08:00:00.000Z', expiresAt: '2026-12-23T08:00:00.000Z', usedAt: null })
    expect(coupon.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(499)
    expect(data(await b('demo-member', 'detail', { id: 'offer-bianmin-mian' })).me.claimedThisPeriod).toBe(1)
  })

  it('a retried claim (same idempotencyKey) returns the same coupon and takes no second unit', async () => {
    const { b, store } = await harness()
    const id = requestId()
    const first = data(await claim(b, 'demo-member', 'offer-baotou-youyong', id))
    const again = data(await claim(b, 'demo-member', 'offer-baotou-youyong', id))
    expect(again.id).toBe(first.id)
    expect(await stockOf(store, 'offer-baotou-youyong')).toBe(999)
    expect(await coupons(store).count({ openid: 'demo-member' })).toBe(1)
    // Retried concurrently as well: still one coupon, one unit.
    const id2 = requestId()
    const results = await Promise.all(Array.from({ length: 10 }, () => claim(b, 'demo-member', 'offer-baotou-youyong', id2)))
    expect(new Set(results.map((r) => data(r).id)).size).toBe(1)
    expect(await stockOf(store, 'offer-baotou-youyong')).toBe(998)
  })

  it.each([
    ['a non-member', 'demo-worker', 'offer-bianmin-mian', 'NOT_MEMBER'],
    ['an unknown offer', 'demo-member', 'offer-nope', 'NOT_FOUND'],
    ['an offer not started', 'demo-member', 'offer-chifeng-hongshan', 'OFFER_NOT_STARTED'],
    ['an offer for another subtree', 'demo-member', 'offer-hm-jianzhu', 'NOT_ELIGIBLE'],
  ])('%s is refused with a clear code and nothing changes', async (_what, who, offerId, code) => {
    const { b, store } = await harness()
    const before = await offers(store).find({}, { limit: 1000 })
    const result = await claim(b, who, offerId)
    expect(result).toMatchObject({ ok: false, error: { code } })
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await coupons(store).count({})).toBe(0)
    expect(await offers(store).find({}, { limit: 1000 })).toEqual(before)
  })

  it('a paused, an ended and a sold-out offer are refused', async () => {
    const { b, store, clock } = await harness()
    await offers(store).update({ _id: 'offer-bianmin-mian' }, { set: { status: 'paused' } })
    expect(await claim(b, 'demo-member', 'offer-bianmin-mian')).toMatchObject({ ok: false, error: { code: 'OFFER_PAUSED', message: '活动已暂停领取' } })

    const members = await addMembers(store, 4)
    for (const m of members.slice(0, 3)) data(await claim(b, m, 'offer-qingcheng-wucan'))
    expect(await claim(b, members[3], 'offer-qingcheng-wucan')).toMatchObject({ ok: false, error: { code: 'SOLD_OUT' } })
    expect(await stockOf(store, 'offer-qingcheng-wucan')).toBe(0)

    clock.advance(31 * 24 * 3600 * 1000)
    expect(await claim(b, 'demo-member', 'offer-bianmin-shuiguo')).toMatchObject({ ok: false, error: { code: 'OFFER_ENDED' } })
    expect(await coupons(store).count({})).toBe(3)
  })

  it('holds the per-member limit per period, and a new period allows another', async () => {
    const { b, store, clock } = await harness()
    data(await claim(b, 'demo-member', 'offer-bianmin-mian'))
    expect(await claim(b, 'demo-member', 'offer-bianmin-mian')).toMatchObject({ ok: false, error: { code: 'CLAIM_LIMIT_REACHED' } })
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(499)
    // Month boundary in China time: 2026-12-01 00:30 +08:00 is 2026-11-30 16:30 UTC.
    clock.set('2026-11-30T16:30:00.000Z')
    data(await claim(b, 'demo-member', 'offer-bianmin-mian'))
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(498)

    // 2 a week.
    data(await claim(b, 'demo-member', 'offer-bianmin-shuiguo'))
    data(await claim(b, 'demo-member', 'offer-bianmin-shuiguo'))
    expect(await claim(b, 'demo-member', 'offer-bianmin-shuiguo')).toMatchObject({ ok: false, error: { code: 'CLAIM_LIMIT_REACHED' } })
  })

  it('1,000 concurrent claims for 100 units: exactly 100 coupons, stock 0, one each', async () => {
    const { b, store } = await harness()
    await offers(store).update({ _id: 'offer-baotou-youyong' }, { set: { total: 100, stock: 100 } })
    const members = await addMembers(store, 1000)
    const results = await Promise.all(members.map((m) => claim(b, m, 'offer-baotou-youyong')))
    const won = results.filter((r) => r.ok)
    expect(won).toHaveLength(100)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'SOLD_OUT')).toBe(true)
    expect(await stockOf(store, 'offer-baotou-youyong')).toBe(0)
    const held = await coupons(store).find({ offerId: 'offer-baotou-youyong' }, { limit: 1000 })
    expect(held).toHaveLength(100)
    expect(new Set(held.map((c) => c.openid)).size).toBe(100)
    expect(new Set(held.map((c) => c.code)).size).toBe(100)
  }, 60_000)

  it('one member firing 20 concurrent claims with limit 1 gets exactly 1; with limit 2 exactly 2', async () => {
    const { b, store } = await harness()
    const results = await Promise.all(Array.from({ length: 20 }, () => claim(b, 'demo-member', 'offer-bianmin-mian')))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CLAIM_LIMIT_REACHED')).toBe(true)
    expect(await coupons(store).count({ offerId: 'offer-bianmin-mian' })).toBe(1)
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(499)

    const twice = await Promise.all(Array.from({ length: 20 }, () => claim(b, 'demo-member', 'offer-bianmin-shuiguo')))
    expect(twice.filter((r) => r.ok)).toHaveLength(2)
    expect(await stockOf(store, 'offer-bianmin-shuiguo')).toBe(198)
  })

  it('gives the unit back when the coupon cannot be written after the stock was taken', async () => {
    const { store, clock, secrets } = await harness()
    const failing: Store = {
      ...store,
      collection: <T extends { _id: string }>(name: string) => {
        const c = store.collection<T>(name)
        return name === 'coupons' ? { ...c, insert: async () => Promise.reject(new Error('disk full')) } : c
      },
    }
    const logged: string[] = []
    const result = await dispatch('benefits', functions.benefits, { action: 'claim', data: { offerId: 'offer-bianmin-mian', idempotencyKey: requestId() } }, { identity: { openid: 'demo-member' }, store: failing, clock, secrets, logError: (m) => logged.push(m) })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(logged).toHaveLength(1)
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(500)
    expect(await coupons(store).count({})).toBe(0)
    expect((await offers(store).get('offer-bianmin-mian'))?.holds ?? {}).toEqual({})
  })

  it('a claim that died after taking its unit gives it back once the hold is stale; its retry is served meanwhile', async () => {
    const { b, store, clock, secrets } = await harness()
    const [first, second] = await addMembers(store, 2)
    // An attempt took a unit and died before writing its coupon (a timeout, a lost instance).
    const dead = createContext(store, clock, { openid: 'demo-member', roles: [] }, secrets)
    expect(await takeUnit(dead, 'offer-bianmin-mian', 'dead-attempt')).toBe(true)
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(499)
    // Its retry (the app sends the same idempotencyKey again) takes a fresh unit and gets the coupon.
    data(await claim(b, 'demo-member', 'offer-bianmin-mian'))
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(498)
    // A claim within the hold's lifetime leaves it alone: that attempt might still be running.
    clock.advance(HOLD_TTL_MS - 1000)
    data(await claim(b, first, 'offer-bianmin-mian'))
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(497)
    // Past it, the next claim gives the dead attempt's unit back first: 500 less the two coupons, less its own.
    clock.advance(2000)
    data(await claim(b, second, 'offer-bianmin-mian'))
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(497)
    expect(await coupons(store).count({ offerId: 'offer-bianmin-mian' })).toBe(3)
    expect((await offers(store).get('offer-bianmin-mian'))?.holds ?? {}).toEqual({})
  })

  it('a claim that died after writing its coupon keeps its unit when the hold is settled', async () => {
    const { b, store, clock, secrets } = await harness()
    const dead = createContext(store, clock, { openid: 'demo-member', roles: [] }, secrets)
    await takeUnit(dead, 'offer-bianmin-mian', 'wrote-then-died')
    const coupon = data(await claim(b, 'demo-member', 'offer-bianmin-mian'))
    await coupons(store).update({ _id: coupon.id }, { set: { holdId: 'wrote-then-died' } })
    await settleStaleHolds(dead, (await offers(store).get('offer-bianmin-mian'))!)
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(498)
    clock.advance(HOLD_TTL_MS + 1000)
    expect(await settleStaleHolds(dead, (await offers(store).get('offer-bianmin-mian'))!)).toBe(1)
    // The coupon exists: the hold is dropped and the unit stays taken (only the attempt's own extra unit came back).
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(498)
    expect((await offers(store).get('offer-bianmin-mian'))?.holds ?? {}).toEqual({})
  })
})

describeOn('wx', 'a WeChat database failure is not a business answer', () => {
  it('a transient failure writing the coupon is INTERNAL (not CLAIM_LIMIT_REACHED), changes nothing, and the retry works', async () => {
    const { b, store, server } = await harness()
    server!.failNext({ action: 'database.insertDocument', collection: 'coupons', code: 'DATABASE_REQUEST_FAILED', message: '[InternalError.Timeout] request timeout' })
    const id = requestId()
    expect(await claim(b, 'demo-member', 'offer-bianmin-mian', id)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(500)
    expect(await coupons(store).count({})).toBe(0)
    expect(data(await claim(b, 'demo-member', 'offer-bianmin-mian', id))).toMatchObject({ state: 'active' })
    expect(await stockOf(store, 'offer-bianmin-mian')).toBe(499)
  })
})

describe('我的福利 (myCoupons, coupon)', () => {
  it('lists active, used and expired coupons against the injected clock, with a reminder near expiry', async () => {
    const { b, clock } = await harness()
    const lunch = data(await claim(b, 'demo-member', 'offer-qingcheng-wucan')) // valid 1 day
    const fruit = data(await claim(b, 'demo-member', 'offer-bianmin-shuiguo')) // valid 7 days
    const mine = data(await b('demo-member', 'myCoupons', {}))
    expect(v.safeParse(contract.benefits.myCoupons.output, mine).success).toBe(true)
    expect(mine.items.map((c) => c.state)).toEqual(['active', 'active'])
    expect(mine.items.find((c) => c.id === lunch.id)?.reminder).toBe('明天过期')
    expect(mine.items.find((c) => c.id === fruit.id)?.reminder).toBeNull()

    data(await b('demo-merchant', 'redeem', { code: fruit.code }))
    clock.advance(2 * 24 * 3600 * 1000)
    const later = data(await b('demo-member', 'myCoupons', {}))
    expect(later.items.find((c) => c.id === lunch.id)).toMatchObject({ state: 'expired', reminder: null })
    expect(later.items.find((c) => c.id === fruit.id)).toMatchObject({ state: 'used', usedAt: '2026-11-23T08:00:00.000Z' })
  })

  it('a coupon close to expiry leaves one notification, however often the page loads', async () => {
    const { b, store } = await harness()
    const lunch = data(await claim(b, 'demo-member', 'offer-qingcheng-wucan'))
    data(await claim(b, 'demo-member', 'offer-bianmin-shuiguo')) // 7 days: no reminder yet
    await Promise.all([b('demo-member', 'myCoupons', {}), b('demo-member', 'myCoupons', {}), b('demo-member', 'myCoupons', {})])
    const notes = await store.collection<NotificationDoc>('notifications').find({ openid: 'demo-member' }, { limit: 1000 })
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ title: '福利券即将过期', body: '“工作午餐套餐立减10元”明天过期，请及时到示例青城餐厅（演示）使用。', link: `/features/benefits/pages/coupon/index?id=${lunch.id}` })
  })

  it('a member reads their own coupon with a signed QR token; another member cannot read it', async () => {
    const { b, store } = await harness()
    const coupon = data(await claim(b, 'demo-member', 'offer-bianmin-mian'))
    const view = data(await b('demo-member', 'coupon', { id: coupon.id }))
    expect(v.safeParse(contract.benefits.coupon.output, view).success).toBe(true)
    expect(view.qrToken).toMatch(/^[\w-]+\.[\w-]+$/)
    const claims = JSON.parse(Buffer.from(String(view.qrToken).split('.')[0], 'base64url').toString())
    expect(Object.keys(claims).sort()).toEqual(['c', 'exp'])
    const [other] = await addMembers(store, 1)
    expect(await b(other, 'coupon', { id: coupon.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(data(await b(other, 'myCoupons', {})).items).toEqual([])
  })
})

describe('benefits.redeem', () => {
  async function claimed() {
    const h = await harness()
    const coupon = data(await claim(h.b, 'demo-member', 'offer-bianmin-mian'))
    return { ...h, coupon }
  }

  it('the merchant redeems by typed code (any case, spaces) and sees it in today’s list; audited', async () => {
    const { b, store, coupon } = await claimed()
    const typed = `${coupon.code.slice(0, 4).toLowerCase()} ${coupon.code.slice(4)}`
    const done = data(await b('demo-merchant', 'redeem', { code: typed }))
    expect(done).toMatchObject({ couponId: coupon.id, code: coupon.code, usedAt: '2026-11-23T08:00:00.000Z' })
    const today = data(await b('demo-merchant', 'redemptions', {}))
    expect(v.safeParse(contract.benefits.redemptions.output, today).success).toBe(true)
    expect(today).toMatchObject({ day: '2026-11-23', merchantName: '示例便民超市（演示）', items: [{ couponId: coupon.id }] })
    expect(await store.collection('audit').count({ 'target.id': coupon.id })).toBe(1)
    expect(await b('demo-merchant', 'redeem', { code: coupon.code })).toMatchObject({ ok: false, error: { code: 'COUPON_USED' } })
  })

  it('redeems by the QR token; refuses a forged and an expired token', async () => {
    const { b, clock, secrets, coupon } = await claimed()
    const { qrToken } = data(await b('demo-member', 'coupon', { id: coupon.id }))
    const token = String(qrToken)
    const forged = signToken(Buffer.alloc(32, 7), { c: coupon.id, exp: Date.now() + 1e9 })
    expect(await b('demo-merchant', 'redeem', { code: forged })).toMatchObject({ ok: false, error: { code: 'COUPON_INVALID' } })
    expect(await b('demo-merchant', 'redeem', { code: `${token}x` })).toMatchObject({ ok: false, error: { code: 'COUPON_INVALID' } })
    clock.advance(11 * 60 * 1000)
    expect(await b('demo-merchant', 'redeem', { code: token })).toMatchObject({ ok: false, error: { code: 'COUPON_INVALID', message: '二维码已过期，请让会员刷新券码后再扫' } })
    const fresh = signToken(secrets.tokenKey, { c: coupon.id, exp: clock.now().getTime() + 60_000 })
    expect(data(await b('demo-merchant', 'redeem', { code: fresh })).couponId).toBe(coupon.id)
  })

  it('two simultaneous redemptions mark it used exactly once', async () => {
    const { b, store, coupon } = await claimed()
    const results = await Promise.all(Array.from({ length: 10 }, () => b('demo-merchant', 'redeem', { code: coupon.code })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'COUPON_USED')).toBe(true)
    expect(await store.collection('audit').count({ 'target.id': coupon.id })).toBe(1)
  })

  it('refuses an unknown code, an expired coupon, another merchant and a non-merchant, changing nothing', async () => {
    const { b, store, clock, coupon } = await claimed()
    expect(await b('demo-merchant', 'redeem', { code: 'ZZZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'COUPON_INVALID' } })
    expect(await b('demo-member', 'redeem', { code: coupon.code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await store.collection<RoleDoc>('roles').insert({ _id: 'role-other', openid: 'other-merchant', kind: 'merchant_staff', merchantId: 'm-baotou-tiyu' })
    expect(await b('other-merchant', 'redeem', { code: coupon.code })).toMatchObject({ ok: false, error: { code: 'COUPON_OTHER_MERCHANT' } })
    clock.advance(31 * 24 * 3600 * 1000)
    expect(await b('demo-merchant', 'redeem', { code: coupon.code })).toMatchObject({ ok: false, error: { code: 'COUPON_EXPIRED' } })
    expect((await coupons(store).get(coupon.id))?.status).toBe('active')
    expect(await store.collection('audit').count({})).toBe(0)
  })

  it('today’s list follows the China date, not UTC', async () => {
    const { b, clock } = await harness('2026-11-23T15:30:00.000Z') // 23:30 in China
    const coupon = data(await claim(b, 'demo-member', 'offer-bianmin-mian'))
    data(await b('demo-merchant', 'redeem', { code: coupon.code }))
    expect(data(await b('demo-merchant', 'redemptions', {})).items).toHaveLength(1)
    clock.advance(60 * 60 * 1000) // 00:30 the next China day, still 23 Nov in UTC
    expect(data(await b('demo-merchant', 'redemptions', {}))).toMatchObject({ day: '2026-11-24', items: [] })
  })
})

describe('union staff manage offers', () => {
  const form = {
    unionId: 'hhht-xc',
    merchantId: 'm-bianmin',
    title: '示例洗衣店洗衣八折（演示）',
    category: '日常生活',
    city: '呼和浩特',
    county: '新城区',
    description: '会员洗衣八折。',
    rules: ['仅限会员本人'],
    stores: [{ name: '示例洗衣店（演示）', address: '呼和浩特市新城区示例路5号（演示地址）', latitude: 40.84, longitude: 111.75 }],
    startAt: '2026-11-23T00:00:00.000Z',
    endAt: '2026-12-31T00:00:00.000Z',
    total: 2,
    limit: { count: 1, period: 'once' },
    couponValidDays: 7,
  }

  it('a clerk adds an offer for their union; members see and claim it; audited', async () => {
    const { b, store } = await harness()
    const offer = data(await b('demo-clerk', 'saveOffer', form))
    expect(v.safeParse(contract.benefits.saveOffer.output, offer).success).toBe(true)
    expect(offer).toMatchObject({ stock: 2, total: 2, claimed: 0, status: 'active' })
    expect(data(await b('demo-member', 'list', {})).items[0].id).toBe(offer.id)
    data(await claim(b, 'demo-member', offer.id))
    const list = data(await b('demo-clerk', 'manageList', {}))
    expect(v.safeParse(contract.benefits.manageList.output, list).success).toBe(true)
    expect(list.items.find((o) => o.id === offer.id)).toMatchObject({ claimed: 1, stock: 1 })
    expect(list.items.every((o) => o.id === offer.id || o.id === 'offer-bianmin-shuiguo')).toBe(true)
    expect(await store.collection<AuditDoc>('audit').count({ action: 'benefits.offer.create' })).toBe(1)
  })

  it.each([
    ['end before start', { endAt: '2026-11-01T00:00:00.000Z' }, 'endAt', '结束时间须晚于开始时间'],
    ['negative stock', { total: -1 }, 'total', '总数量不能为负数'],
    ['no store', { stores: [] }, 'stores', '请至少填写一个门店'],
    ['an empty title', { title: '  ' }, 'title', '请填写福利名称'],
  ])('refuses %s with a message by the field, storing nothing', async (_what, change, field, message) => {
    const { b, store } = await harness()
    const before = await offers(store).count({})
    const result = await b('demo-clerk', 'saveOffer', { ...form, ...change })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: message } } })
    expect(await offers(store).count({})).toBe(before)
    expect(await store.collection('audit').count({})).toBe(0)
  })

  it('edits an offer; the total cannot go below what was claimed', async () => {
    const { b, store } = await harness()
    const offer = data(await b('demo-clerk', 'saveOffer', form))
    data(await claim(b, 'demo-member', offer.id))
    const edited = data(await b('demo-clerk', 'saveOffer', { ...form, id: offer.id, title: '示例洗衣店洗衣七折（演示）', total: 10 }))
    expect(edited).toMatchObject({ title: '示例洗衣店洗衣七折（演示）', total: 10, stock: 9, claimed: 1 })
    expect(await b('demo-clerk', 'saveOffer', { ...form, id: offer.id, total: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { total: '总数量不能少于已领取的 1 张' } } })
    expect((await offers(store).get(offer.id))?.total).toBe(10)
    expect(data(await b('demo-member', 'list', { q: '七折' })).items).toHaveLength(1)
    expect(await store.collection<AuditDoc>('audit').count({ action: 'benefits.offer.update' })).toBe(1)
  })

  it('pauses: the offer leaves the list and cannot be claimed; resumes', async () => {
    const { b } = await harness()
    expect(data(await b('demo-clerk', 'setOfferStatus', { id: 'offer-bianmin-shuiguo', status: 'paused' })).status).toBe('paused')
    expect(data(await b('demo-member', 'list', {})).items.map((o) => o.id)).not.toContain('offer-bianmin-shuiguo')
    expect(await claim(b, 'demo-member', 'offer-bianmin-shuiguo')).toMatchObject({ ok: false, error: { code: 'OFFER_PAUSED' } })
    data(await b('demo-clerk', 'setOfferStatus', { id: 'offer-bianmin-shuiguo', status: 'active' }))
    expect(await claim(b, 'demo-member', 'offer-bianmin-shuiguo')).toMatchObject({ ok: true })
  })

  it('staff of another subtree, merchants and members cannot manage', async () => {
    const { b, store } = await harness()
    expect(await b('demo-hm-clerk', 'setOfferStatus', { id: 'offer-bianmin-shuiguo', status: 'paused' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await b('demo-hm-clerk', 'saveOffer', form)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await b('demo-member', 'manageList', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await b('demo-merchant', 'saveOffer', form)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await offers(store).get('offer-bianmin-shuiguo'))?.status).toBe('active')
    // The city clerk reaches the 新城区 offer from above.
    expect(data(await b('demo-city-clerk', 'setOfferStatus', { id: 'offer-bianmin-shuiguo', status: 'paused' })).status).toBe('paused')
  })
})
