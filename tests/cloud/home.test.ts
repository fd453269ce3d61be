import * as v from 'valibot'
import { benefitsDb, type CouponDoc } from '../../cloud/features/benefits/collections'
import { collections } from '../../cloud/lib/collections'
import { contract, type HomeSummary, type QueueCount } from '../../domain/contract'
import { QUEUES } from '../../domain/home'
import { reviewLevels } from '../../cloud/features/aid/levels'
import { applicationInput, code, ok, visitAndVerify } from '../helpers/aid'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'
import { fictionalIdNumber } from '../../domain/join/fictional'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
const DAY = 24 * 3600 * 1000
const NOW = '2026-11-23T08:00:00.000Z'

async function home(h: Harness, who: string): Promise<HomeSummary> {
  const data = ok<HomeSummary>(await h.callAs(who, 'member', 'home', {}))
  expect(v.safeParse(contract.member.home.output, data).success).toBe(true)
  return data
}

const counts = (summary: HomeSummary) => Object.fromEntries(summary.queues.map((q: QueueCount) => [q.kind, q.more ? `${q.count}+` : q.count]))

/** A member of 回民区's grassroots union: another person in another subtree. */
async function addHmMember(h: Harness) {
  const db = collections(h.store)
  await db.people.insert({ _id: 'hm-member', displayName: '回民区会员（演示）', createdAt: '2026-01-01T00:00:00.000Z' })
  await db.memberships.insert({ _id: 'ms-hm', openid: 'hm-member', unionId: 'hhht-hm-jz', memberNo: '150103000001', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
}

function coupon(id: string, openid: string, expiresInMs: number, over: Partial<CouponDoc> = {}): CouponDoc {
  return {
    _id: id, offerId: 'offer-x', openid, merchantId: 'm-bianmin', title: '满50减10（演示）', merchantName: '示例便民超市（演示）', code: `C${id}`, periodKey: 'p', limitKey: `l-${id}`, requestKey: `r-${id}`,
    status: 'active', claimedAt: NOW, expiresAt: new Date(Date.parse(NOW) + expiresInMs).toISOString(), usedAt: null, usedBy: null, usedDay: null, ...over,
  }
}

describe('member.home: a member sees what of theirs waits, and only theirs', () => {
  it('an application, a transfer, a coupon about to expire and an aid application, each with the page that opens it', async () => {
    const h = await cloudHarness(NOW)
    await addHmMember(h)
    expect(await home(h, 'demo-member')).toEqual({ member: true, waiting: [], queues: [] })

    ok(await h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'courier', idempotencyKey: 'home-transfer-1' }))
    const coupons = benefitsDb(h.store).coupons
    await coupons.insert(coupon('soon', 'demo-member', 2 * DAY))
    await coupons.insert(coupon('later', 'demo-member', 20 * DAY))
    await coupons.insert(coupon('used', 'demo-member', 1 * DAY, { status: 'used', usedAt: NOW }))
    await coupons.insert(coupon('past', 'demo-member', -1 * DAY))
    ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    // Another person's coupon and aid application, in another subtree.
    await coupons.insert(coupon('theirs', 'hm-member', 1 * DAY))
    ok(await h.callAs('o-worker-2', 'member', 'join', joinForm({ unionId: 'hhht-hm-jz', idNumber: fictionalIdNumber('150103', '19920202', 77) })))

    const mine = await home(h, 'demo-member')
    expect(mine.member).toBe(true)
    expect(mine.waiting.map((w) => [w.kind, w.title, w.path])).toEqual([
      ['transfer', '转会办理中', '/features/transfer/pages/status/index'],
      ['coupon', '满50减10（演示）（2天后过期）', '/features/benefits/pages/coupon/index?id=soon'],
      ['aid', '金秋助学：基层审核中', '/features/aid/pages/index/index'],
    ])
    expect(mine.waiting[0].detail).toBe('转入示例建筑（演示）有限公司工会 · 等待原工会放行')
    expect(mine.waiting[2].detail).toBe('张小明 · 2026年')

    const theirs = await home(h, 'o-worker-2')
    expect(theirs).toMatchObject({ member: false, queues: [] })
    expect(theirs.waiting.map((w) => [w.kind, w.title, w.path])).toEqual([['join', '入会申请审核中', '/pages/me/index']])
    expect(theirs.waiting[0].detail).toMatch(/^示例建筑（演示）有限公司工会 · /)
    expect((await home(h, 'hm-member')).waiting.map((w) => w.key)).toEqual(['coupon-theirs'])
  })

  it('an aid decision stays for 30 days, then leaves 首页', async () => {
    const h = await cloudHarness(NOW)
    ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    h.clock.advance(29 * DAY)
    expect((await home(h, 'demo-member')).waiting.map((w) => w.kind)).toEqual(['aid'])
    h.clock.advance(2 * DAY)
    expect((await home(h, 'demo-member')).waiting).toEqual([])
  })
})

describe('member.home: a clerk sees how many wait, within their own unions only', () => {
  it('counts each queue in the subtree, never a sibling subtree, and a city clerk both', async () => {
    const h = await cloudHarness(NOW)
    await addHmMember(h)
    // 新城区: two join applications, one transfer out of it, one aid application (level one here, level two at the city).
    ok(await h.callAs('o-xc-1', 'member', 'join', joinForm()))
    ok(await h.callAs('o-xc-2', 'member', 'join', joinForm({ unionId: 'hhht-xc-hw', idNumber: fictionalIdNumber('150102', '19910101', 45) })))
    ok(await h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'courier', idempotencyKey: 'home-transfer-2' }))
    ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    // 回民区: one join application and one aid application.
    ok(await h.callAs('o-hm-1', 'member', 'join', joinForm({ unionId: 'hhht-hm-jz', idNumber: fictionalIdNumber('150103', '19930303', 12) })))
    ok(await h.callAs('hm-member', 'aid', 'submit', await applicationInput(h.store, 'hm-member', { child: { name: '王小红', idNumber: fictionalIdNumber('150103', '20080303', 21), relation: 'parent', school: '内蒙古大学（示例）', major: '数学', admissionYear: 2026, level: 'undergraduate' } })))

    expect(counts(await home(h, 'demo-clerk'))).toEqual({ join: 2, transferOut: 1, transferIn: 0, rights: 0, aidOne: 1, aidTwo: 0 })
    expect(counts(await home(h, 'demo-hm-clerk'))).toEqual({ join: 1, transferOut: 0, transferIn: 0, rights: 0, aidOne: 1, aidTwo: 0 })
    // The city is level two for both districts' grassroots unions, and level one for neither.
    expect(counts(await home(h, 'demo-city-clerk'))).toEqual({ join: 3, transferOut: 1, transferIn: 0, rights: 0, aidOne: 0, aidTwo: 0 })

    // Released by 新城区, the transfer waits in 回民区's incoming queue and leaves 新城区's.
    const transfer = ok<{ items: Array<{ id: string }> }>(await h.callAs('demo-clerk', 'transfer', 'queue', { side: 'outgoing' })).items[0]
    ok(await h.callAs('demo-clerk', 'transfer', 'release', { transferId: transfer.id }))
    expect(counts(await home(h, 'demo-clerk'))).toMatchObject({ transferOut: 0, transferIn: 0 })
    expect(counts(await home(h, 'demo-hm-clerk'))).toMatchObject({ transferOut: 0, transferIn: 1 })

    // Verified at level one, the aid application waits for the city (level two).
    const [app] = ok<{ items: Array<{ id: string }> }>(await h.callAs('demo-clerk', 'aid', 'reviewList', {})).items
    ok(await visitAndVerify(h, app.id))
    expect(counts(await home(h, 'demo-clerk'))).toMatchObject({ aidOne: 0, aidTwo: 0 })
    expect(counts(await home(h, 'demo-city-clerk'))).toMatchObject({ aidOne: 0, aidTwo: 1 })
    // The queue pages agree with 首页's counts.
    expect(ok<{ total: number }>(await h.callAs('demo-clerk', 'review', 'queue', {})).total).toBe(2)
    expect(ok<{ total: number }>(await h.callAs('demo-hm-clerk', 'review', 'queue', {})).total).toBe(1)
  })

  it('each queue opens its page', async () => {
    const h = await cloudHarness(NOW)
    for (const q of (await home(h, 'demo-clerk')).queues) expect(q).toMatchObject(QUEUES[q.kind])
  })

  it('counts every 金秋助学 application waiting, however many: one store count on the reviewing unions', async () => {
    const h = await cloudHarness(NOW)
    const apps = h.store.collection<{ _id: string; unionPath: string[]; status: string; owner: string; updatedAt: string; childKey: string; year: number }>('aidApplications')
    const unionPath = ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd']
    // Past the 200 首页 once stopped at.
    for (let i = 0; i <= 200; i++) await apps.insert({ _id: `a-${String(i).padStart(4, '0')}`, unionPath, ...reviewLevels(unionPath), status: 'submitted', owner: `o-${i}`, updatedAt: NOW, childKey: `k-${i}`, year: 2026 })
    const aidOne = (await home(h, 'demo-clerk')).queues.find((q) => q.kind === 'aidOne')
    expect(aidOne).toMatchObject({ count: 201, more: false })
  })
})

describe('member.home: who may call it', () => {
  it('asks for a signed-in person, takes no input, and has nothing for someone with no role and no records', async () => {
    const h = await cloudHarness(NOW)
    expect(code(await h.callAs(null, 'member', 'home', {}))).toBe('UNAUTHENTICATED')
    expect(code(await h.callAs('demo-member', 'member', 'home', { openid: 'hm-member' }))).toBe('INVALID_INPUT')
    expect(await home(h, 'demo-merchant')).toEqual({ member: false, waiting: [], queues: [] })
    expect(await home(h, 'o-stranger')).toEqual({ member: false, waiting: [], queues: [] })
  })
})
