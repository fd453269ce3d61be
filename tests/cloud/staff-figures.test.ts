import * as v from 'valibot'
import { staffDb } from '../../cloud/features/staff/collections'
import { countsFromRecords, recomputeFigures, storedCounts } from '../../cloud/features/staff/recompute'
import { addCounts } from '../../cloud/features/staff/tally'
import { stationsDb } from '../../cloud/features/stations/collections'
import { contract, type ActionOutput } from '../../domain/contract'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { applicationInput, code, ok, type CloudAnswer } from '../helpers/aid'
import { addMembers } from '../helpers/benefits'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Figures = ActionOutput<'review', 'figures'>
const HOUR = 3600 * 1000
const DAY = 24 * HOUR
// Monday 2026-11-02, 16:00 in China.
const NOW = '2026-11-02T08:00:00.000Z'
const NOVEMBER = { period: 'custom', from: '2026-11-01', to: '2026-11-30' }

async function figures(h: Harness, who: string, input: Record<string, unknown> = NOVEMBER): Promise<Figures> {
  const data = ok<Figures>(await h.callAs(who, 'review', 'figures', input))
  expect(v.safeParse(contract.review.figures.output, data).success).toBe(true)
  return data
}

/** A table's row as { column: value }, found by its label. */
function row(f: Figures, table: string, label: string): Record<string, number | string> {
  const t = f.tables.find((x) => x.key === table)
  if (!t) throw new Error(`no table ${table}`)
  const r = t.rows.find((x) => x.label === label)
  if (!r) throw new Error(`no row ${label} in ${table}: ${t.rows.map((x) => x.label).join(', ')}`)
  return Object.fromEntries(t.columns.map((c, i) => [c, r.values[i]]))
}
const labels = (f: Figures, table: string) => f.tables.find((x) => x.key === table)!.rows.map((r) => r.label)

/**
 * The hand-counted month, every write through its real action:
 * 新城区 (示例速递 union): w1 approved after 2 h (courier, 农村), w2 rejected after 2 h, w3 approved
 * after 5 days, past its 3 working days (employee, 城镇); demo-member transfers out to 回民区.
 * 回民区 (示例建筑 union): w4 approved after 5 days, late (ride_hailing, 农村); the transfer comes in.
 * Coupons: m-0 and m-1 claim 鲜果 (新城区's offer), m-0 claims 面馆 (呼和浩特's own); m-0's 鲜果 is redeemed.
 * 金秋助学: demo-member applies (under 新城区, submitted).
 */
async function handCountedMonth(h: Harness) {
  const apply = async (who: string, unionId: string, n: number, over: Record<string, unknown> = {}) => {
    const region = unionId.startsWith('hhht-hm') ? '150103' : '150102'
    return ok<{ id: string }>(await h.callAs(who, 'member', 'join', joinForm({ unionId, idNumber: fictionalIdNumber(region, '19900101', n), ...over }))).id
  }
  const w1 = await apply('o-w1', 'hhht-xc-kd', 11)
  const w2 = await apply('o-w2', 'hhht-xc-kd', 12)
  const w3 = await apply('o-w3', 'hhht-xc-kd', 13, { employment: 'employee', hukou: '城镇' })
  const w4 = await apply('o-w4', 'hhht-hm-jz', 14, { employment: 'ride_hailing' })
  ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
  const transfer = ok<{ id: string }>(await h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'courier', idempotencyKey: 'staff-transfer-1' }))
  h.clock.advance(2 * HOUR)
  ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: w1 }))
  ok(await h.callAs('demo-clerk', 'review', 'reject', { applicationId: w2, reason: '材料不全' }))
  ok(await h.callAs('demo-clerk', 'transfer', 'release', { transferId: transfer.id }))
  ok(await h.callAs('demo-hm-clerk', 'transfer', 'accept', { transferId: transfer.id }))
  const [m0, m1] = await addMembers(h.store, 2)
  const claim = async (who: string, offerId: string) => ok<{ id: string; code: string }>(await h.callAs(who, 'benefits', 'claim', { offerId, idempotencyKey: `claim-${who}-${offerId}` }))
  const fruit = await claim(m0, 'offer-bianmin-shuiguo')
  await claim(m1, 'offer-bianmin-shuiguo')
  await claim(m0, 'offer-bianmin-mian')
  ok(await h.callAs('demo-merchant', 'benefits', 'redeem', { code: fruit.code }))
  h.clock.advance(5 * DAY - 2 * HOUR)
  ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: w3 }))
  ok(await h.callAs('demo-hm-clerk', 'review', 'approve', { applicationId: w4 }))
}

describe('review.figures: a union\'s month, counted by the unions directly below it', () => {
  let h: Harness
  beforeAll(async () => {
    h = await cloudHarness(NOW)
    await handCountedMonth(h)
  })

  it('呼和浩特 sees 新城区 and 回民区 side by side: members, decisions, coupons, 金秋助学', async () => {
    const f = await figures(h, 'demo-city-clerk')
    expect(f).toMatchObject({ union: { id: 'hhht', name: '呼和浩特市总工会' }, from: '2026-11-01', to: '2026-11-30' })
    expect(labels(f, 'members')).toEqual(expect.arrayContaining(['新城区总工会', '回民区总工会', '本级（呼和浩特市总工会）', '合计']))
    expect(row(f, 'members', '新城区总工会')).toEqual({ 入会: 2, 转入: 0, 转出: 1, 其中农民工入会: 1 })
    expect(row(f, 'members', '回民区总工会')).toEqual({ 入会: 1, 转入: 1, 转出: 0, 其中农民工入会: 1 })
    expect(row(f, 'members', '合计')).toEqual({ 入会: 3, 转入: 1, 转出: 1, 其中农民工入会: 2 })
    expect(row(f, 'employment', '快递员')).toEqual({ 入会: 1, 类别: '八大群体' })
    expect(row(f, 'employment', '单位职工')).toEqual({ 入会: 1, 类别: '单位职工' })
    expect(row(f, 'employment', '网约车司机')).toEqual({ 入会: 1, 类别: '新就业形态' })
    expect(row(f, 'joinDecisions', '新城区总工会')).toEqual({ 通过: 2, 不通过: 1, 用时中位数: '≤ 4 小时', '用时 90% 以内': '≤ 5 天', 超过时限: 1 })
    expect(row(f, 'joinDecisions', '回民区总工会')).toEqual({ 通过: 1, 不通过: 0, 用时中位数: '≤ 5 天', '用时 90% 以内': '≤ 5 天', 超过时限: 1 })
    expect(row(f, 'transferDecisions', '回民区总工会')).toEqual({ 通过: 1, 不通过: 0, 用时中位数: '≤ 4 小时', '用时 90% 以内': '≤ 4 小时', 超过时限: 0 })
    expect(row(f, 'coupons', '新城区总工会')).toEqual({ 领取: 2, 核销: 1, 核销率: '50%' })
    expect(row(f, 'coupons', '本级（呼和浩特市总工会）')).toEqual({ 领取: 1, 核销: 0, 核销率: '0%' })
    expect(row(f, 'coupons', '合计')).toEqual({ 领取: 3, 核销: 1, 核销率: '33.3%' })
    expect(f.tables.find((t) => t.key === 'couponsByOffer')!.rows.map((r) => [r.values[0], r.values[1]])).toEqual([[2, 1], [1, 0]])
    expect(labels(f, 'couponsByMerchant')).toEqual(['示例便民超市（演示）'])
    expect(row(f, 'aid', '新城区总工会')).toMatchObject({ 申请: 1, '核定金额（元）': 0 })
    expect(row(f, 'aidByStatus', '基层审核中')).toEqual({ 申请: 1 })
  })

  it('stations: how many under each union below, counted from the seed', async () => {
    const f = await figures(h, 'demo-city-clerk')
    const under = (id: string) => stationsDb(h.store).stations.count({ unionPath: id })
    expect(row(f, 'stations', '合计')['驿站数']).toBe(await under('hhht'))
    expect(row(f, 'stations', '新城区总工会')['驿站数']).toBe(await under('hhht-xc'))
  })

  it('a clerk of 新城区 sees only 新城区; 回民区 only 回民区; another subtree is refused', async () => {
    const xc = await figures(h, 'demo-clerk')
    expect(xc.union.id).toBe('hhht-xc')
    expect(row(xc, 'members', '合计')).toEqual({ 入会: 2, 转入: 0, 转出: 1, 其中农民工入会: 1 })
    expect(labels(xc, 'members')).not.toContain('回民区总工会')
    expect(row(xc, 'members', '示例速递（演示）有限公司工会')['入会']).toBe(2)
    const hm = await figures(h, 'demo-hm-clerk')
    expect(row(hm, 'members', '合计')).toEqual({ 入会: 1, 转入: 1, 转出: 0, 其中农民工入会: 1 })
    expect(row(hm, 'coupons', '合计')['领取']).toBe(0)
    expect(labels(hm, 'members').join()).not.toMatch(/新城区/)

    const refused = (await h.callAs('demo-hm-clerk', 'review', 'figures', { ...NOVEMBER, unionId: 'hhht-xc' })) as CloudAnswer
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能查看本工会及下级工会的统计' } })
    expect(code(await h.callAs('demo-clerk', 'review', 'figures', { ...NOVEMBER, unionId: 'hhht' }))).toBe('FORBIDDEN')
    expect(code(await h.callAs('demo-member', 'review', 'figures', NOVEMBER))).toBe('FORBIDDEN')
    // A union above may ask for one below.
    expect((await figures(h, 'demo-city-clerk', { ...NOVEMBER, unionId: 'hhht-hm' })).union.name).toBe('回民区总工会')
  })

  it('bad ranges and unknown unions get a sentence in Chinese', async () => {
    const error = async (input: Record<string, unknown>) => ((await h.callAs('demo-city-clerk', 'review', 'figures', input)) as CloudAnswer).error
    expect(await error({ period: 'custom', from: '2026-11-30', to: '2026-11-01' })).toMatchObject({ code: 'INVALID_INPUT', message: '开始日期不能晚于结束日期' })
    expect(await error({ period: 'custom', from: '2025-01-01', to: '2026-11-01' })).toMatchObject({ code: 'INVALID_INPUT', message: '时段最长 366 天，请缩短后再查' })
    expect(await error({ period: 'custom' })).toMatchObject({ code: 'INVALID_INPUT', message: '请填写正确的起止日期（如 2026-01-01）' })
    expect(await error({ period: 'custom', from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await error({ ...NOVEMBER, unionId: 'no-such-union' })).toMatchObject({ code: 'NOT_FOUND', message: '找不到这个工会，请核对后重试' })
    expect(await error({ period: 'week' })).toMatchObject({ code: 'INVALID_INPUT', message: '请选择统计时段' })
  })

  it('this month and this year end today; a range before any activity is all zeros', async () => {
    const month = await figures(h, 'demo-city-clerk', { period: 'month' })
    expect([month.from, month.to]).toEqual(['2026-11-01', '2026-11-07'])
    expect(row(month, 'members', '合计')['入会']).toBe(3)
    expect((await figures(h, 'demo-city-clerk', { period: 'year' })).from).toBe('2026-01-01')
    const october = await figures(h, 'demo-city-clerk', { period: 'custom', from: '2026-10-01', to: '2026-10-31' })
    expect(row(october, 'members', '合计')).toEqual({ 入会: 0, 转入: 0, 转出: 0, 其中农民工入会: 0 })
  })

  it('the counters are exactly what the records say, and a recompute writes the same back', async () => {
    const fromRecords = await countsFromRecords(h.store)
    expect(fromRecords.size).toBeGreaterThan(0)
    expect(await storedCounts(h.store)).toEqual(fromRecords)
    await recomputeFigures(h.store)
    expect(await storedCounts(h.store)).toEqual(fromRecords)
  })
})

describe('the counters under concurrent writes', () => {
  it('40 increments at once on one new document add up to 40 at every union of the path', async () => {
    const h = await cloudHarness(NOW)
    await Promise.all(Array.from({ length: 40 }, () => addCounts(h.store, ['nmg', 'hhht', 'hhht-xc'], '2026-11-02', { join_ok: 1, cp_c: 2 })))
    const { figures: docs } = staffDb(h.store)
    const root = await docs.get('nmg|hhht|2026-11-02')
    const own = await docs.get('hhht-xc|hhht-xc|2026-11-02')
    expect([root?.join_ok, root?.cp_c, own?.join_ok]).toEqual([40, 80, 40])
  })
})
