import type { NotificationDoc } from '../../cloud/lib/collections'
import { benefitsDb, type CouponDoc } from '../../cloud/features/benefits/collections'
import { dispatch } from '../../cloud/lib/dispatch'
import { functions } from '../../cloud/functions'
import { SCHEDULE } from '../../cloud/functions/schedule'
import { runJob } from '../../server/schedule'
import { msUntilChinaHour } from '../../domain/time'
import { data, harness, requestId } from '../helpers/benefits'
import { wechatStub } from '../helpers/wx-fake'

const remindJob = SCHEDULE.find((job) => job.action === 'remindExpiring')!
const HOUR = 3600 * 1000

describe('the daily coupon reminder (benefits.remindExpiring)', () => {
  it('reminds each coupon expiring within 3 days once, without the member opening the app', async () => {
    const h = await harness()
    const deps = { store: h.store, clock: h.clock, secrets: h.secrets, logError: () => undefined }
    const lunch = data(await h.b('demo-member', 'claim', { offerId: 'offer-qingcheng-wucan', idempotencyKey: requestId() })) // valid 1 day
    data(await h.b('demo-member', 'claim', { offerId: 'offer-bianmin-shuiguo', idempotencyKey: requestId() })) // valid 7 days
    expect(await runJob(remindJob, deps)).toEqual({ ok: true, data: { reminded: 1 } })
    expect(await runJob(remindJob, deps)).toEqual({ ok: true, data: { reminded: 0 } })
    const notes = await h.store.collection<NotificationDoc>('notifications').find({ openid: 'demo-member' }, { limit: 1000 })
    expect(notes).toEqual([expect.objectContaining({ title: '福利券即将过期', link: `/features/benefits/pages/coupon/index?id=${lunch.id}` })])
    // Opening 我的福利 afterwards adds nothing: the job already told them.
    await h.b('demo-member', 'myCoupons', {})
    expect(await h.store.collection<NotificationDoc>('notifications').count({ openid: 'demo-member' })).toBe(1)
    // Five days on, the 7-day coupon is within 3 days of its end; the expired lunch is not reminded again.
    h.clock.advance(5 * 24 * HOUR)
    expect(await runJob(remindJob, deps)).toEqual({ ok: true, data: { reminded: 1 } })
  })

  it('reminds a batch of 1,000 in one run, each once, also on WeChat’s store', async () => {
    const h = await harness()
    const deps = { store: h.store, clock: h.clock, secrets: h.secrets, logError: () => undefined }
    const lunch = data(await h.b('demo-member', 'claim', { offerId: 'offer-qingcheng-wucan', idempotencyKey: requestId() }))
    const template = (await benefitsDb(h.store).coupons.get(lunch.id)) as CouponDoc
    await benefitsDb(h.store).coupons.insertMany(
      Array.from({ length: 999 }, (_, i): CouponDoc => ({
        ...template,
        _id: `batch-${String(i).padStart(4, '0')}`,
        openid: `batch-member-${i}`,
        code: `B${String(i).padStart(7, '0')}`,
        limitKey: `batch-limit-${i}`,
        requestKey: `batch-request-${i}`,
      })),
    )
    expect(await runJob(remindJob, deps)).toEqual({ ok: true, data: { reminded: 1000 } })
    expect(await h.store.collection<NotificationDoc>('notifications').count({ title: '福利券即将过期' })).toBe(1000)
    expect(await benefitsDb(h.store).coupons.count({ remindedAt: { $exists: false } })).toBe(0)
    expect(await runJob(remindJob, deps)).toEqual({ ok: true, data: { reminded: 0 } })
  }, 120_000)

  it('in WeChat also sends the coupon-expiry subscribe message', async () => {
    const h = await harness()
    const pushes: unknown[] = []
    const wechat = wechatStub({ sendSubscribe: async (...args) => (pushes.push(args), true) })
    data(await h.b('demo-member', 'claim', { offerId: 'offer-qingcheng-wucan', idempotencyKey: requestId() }))
    const result = await dispatch('benefits', functions.benefits, { action: 'remindExpiring', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat })
    expect(result).toEqual({ ok: true, data: { reminded: 1 } })
    expect(pushes).toEqual([['demo-member', 'couponExpiry', expect.stringContaining('/features/benefits/pages/coupon/index?id='), { offer: '工作午餐套餐立减10元', merchant: '示例青城餐厅（演示）', expires: '2026-11-24 16:00' }]])
  })

  it('is no action at all for a person, signed in or not, or over HTTP', async () => {
    const h = await harness()
    for (const who of ['demo-member', 'demo-city-clerk', null]) {
      expect(await h.b(who, 'remindExpiring', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    }
  })
})

describe('the local schedule', () => {
  it('waits until the next run at the China hour', () => {
    // 2026-11-23 08:00 UTC is 16:00 in China: 09:00 China time is 17 hours away.
    expect(msUntilChinaHour(new Date('2026-11-23T08:00:00.000Z'), 9)).toBe(17 * HOUR)
    // 00:30 UTC is 08:30 in China: half an hour to go.
    expect(msUntilChinaHour(new Date('2026-11-23T00:30:00.000Z'), 9)).toBe(HOUR / 2)
    // Exactly at the hour: the next one is a day later.
    expect(msUntilChinaHour(new Date('2026-11-23T01:00:00.000Z'), 9)).toBe(24 * HOUR)
  })
})
