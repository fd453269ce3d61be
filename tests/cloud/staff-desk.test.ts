import * as v from 'valibot'
import { contract, type ActionOutput } from '../../domain/contract'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { DESK_PAGE_SIZE } from '../../cloud/features/staff/desk'
import { collections } from '../../cloud/lib/collections'
import { applicationInput, ok } from '../helpers/aid'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Desk = ActionOutput<'review', 'desk'>
const HOUR = 3600 * 1000
const DAY = 24 * HOUR
// Monday 2026-11-02, 16:00 in China.
const NOW = '2026-11-02T08:00:00.000Z'

async function desk(h: Harness, who: string, cursor?: string): Promise<Desk> {
  const data = ok<Desk>(await h.callAs(who, 'review', 'desk', cursor ? { cursor } : {}))
  expect(v.safeParse(contract.review.desk.output, data).success).toBe(true)
  return data
}

const apply = async (h: Harness, who: string, unionId: string, n: number) =>
  ok<{ id: string }>(await h.callAs(who, 'member', 'join', joinForm({ unionId, idNumber: fictionalIdNumber(unionId.startsWith('hhht-hm') ? '150103' : '150102', '19900101', n) }))).id

describe('review.desk (工作台): what waits for the caller, oldest first, against the service days', () => {
  it('joins, a transfer and 金秋助学 of the caller\'s subtree only; the deadline state moves with the clock', async () => {
    const h = await cloudHarness(NOW)
    expect((await desk(h, 'demo-hm-clerk')).items).toEqual([])
    await apply(h, 'o-w1', 'hhht-xc-kd', 1)
    h.clock.advance(HOUR)
    ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    h.clock.advance(HOUR)
    ok(await h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'courier', idempotencyKey: 'desk-transfer-1' }))
    await apply(h, 'o-w2', 'hhht-hm-jz', 2)

    const xc = await desk(h, 'demo-clerk')
    expect(xc.items.map((i) => [i.kind, i.path, i.state])).toEqual([
      ['join', '/features/join/pages/review/index', 'ok'],
      ['aidOne', '/features/aid/pages/review/index', 'ok'],
      ['transferOut', '/features/transfer/pages/queue/index', 'ok'],
    ])
    expect(xc.items[0]).toMatchObject({ title: '入会申请：张三', detail: '示例速递（演示）有限公司工会 · 待审核', waited: '2 小时' })
    // Three working days from Monday 16:00: Thursday 16:00 China time.
    expect(xc.items[0].dueAt).toBe('2026-11-05T08:00:00.000Z')
    expect(xc.nextCursor).toBeNull()

    const hm = await desk(h, 'demo-hm-clerk')
    expect(hm.items.map((i) => i.kind)).toEqual(['join'])
    expect(hm.items[0].detail).toMatch(/^示例建筑/)

    h.clock.advance(2 * DAY + 6 * HOUR) // Wednesday evening: within a working day of Thursday
    expect((await desk(h, 'demo-clerk')).items[0].state).toBe('soon')
    h.clock.advance(DAY)
    expect((await desk(h, 'demo-clerk')).items[0].state).toBe('overdue')
  })

  it('a union\'s own service days move the deadline', async () => {
    const h = await cloudHarness(NOW)
    await collections(h.store).unions.update({ _id: 'hhht-xc-kd' }, { set: { serviceDays: { join: 1 } } })
    await apply(h, 'o-w1', 'hhht-xc-kd', 1)
    expect((await desk(h, 'demo-clerk')).items[0].dueAt).toBe('2026-11-03T08:00:00.000Z')
  })

  it('pages oldest first with a cursor, nothing repeated or skipped', async () => {
    const h = await cloudHarness(NOW)
    for (let i = 0; i < DESK_PAGE_SIZE + 5; i += 1) {
      await apply(h, `o-p${i}`, 'hhht-xc-kd', 100 + i)
      h.clock.advance(60_000)
    }
    const first = await desk(h, 'demo-city-clerk')
    expect(first.items).toHaveLength(DESK_PAGE_SIZE)
    const second = await desk(h, 'demo-city-clerk', first.nextCursor!)
    expect(second.nextCursor).toBeNull()
    const all = [...first.items, ...second.items]
    expect(all).toHaveLength(DESK_PAGE_SIZE + 5)
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length)
    expect(all.map((i) => i.since)).toEqual([...all.map((i) => i.since)].sort())
  })

  it('someone with no staff role has nothing waiting', async () => {
    const h = await cloudHarness(NOW)
    await apply(h, 'o-w1', 'hhht-xc-kd', 1)
    expect((await desk(h, 'demo-member')).items).toEqual([])
  })
})
