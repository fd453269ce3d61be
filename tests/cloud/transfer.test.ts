import * as v from 'valibot'
import { transferDb } from '../../cloud/features/transfer/collections'
import { collections } from '../../cloud/lib/collections'
import { contract } from '../../domain/contract'
import { cloudHarness } from '../helpers/cloud'

const DAY = 24 * 3600 * 1000
let seq = 0
const startInput = (over: Record<string, unknown> = {}) => ({
  toUnionId: 'hhht-hm-jz',
  reason: 'job_change',
  newEmployer: '示例建筑（演示）有限公司',
  jobType: 'employee',
  idempotencyKey: `key-${++seq}-abcdefgh`,
  ...over,
})

async function setup() {
  const h = await cloudHarness('2026-11-23T08:00:00.000Z')
  const call = async (who: string, action: string, data: unknown = {}) => h.callAs(who, 'transfer', action, data)
  const ok = async (who: string, action: string, data: unknown = {}) => {
    const result = await call(who, action, data)
    if (!result.ok) throw new Error(`${action}: ${result.error.code} ${result.error.message}`)
    return result.data as v.InferOutput<typeof contract.transfer.start.output>
  }
  const membership = async () => (await collections(h.store).memberships.find({ openid: 'demo-member' }, { limit: 1000 }))[0]
  return { ...h, call, ok, membership }
}

describe('transfer (转会)', () => {
  it('start → release → accept moves the membership, keeping number and join date', async () => {
    const t = await setup()
    const before = await t.membership()
    const started = await t.ok('demo-member', 'start', startInput())
    expect(v.safeParse(contract.transfer.start.output, started).success).toBe(true)
    expect(started).toMatchObject({ status: 'pending_release', fromUnion: { id: 'hhht-xc-kd' }, toUnion: { id: 'hhht-hm-jz' }, memberNo: '150102000001' })
    // In flight, the member still belongs to the old union.
    expect((await t.membership()).unionId).toBe('hhht-xc-kd')

    expect(await t.ok('demo-clerk', 'release', { transferId: started.id })).toMatchObject({ status: 'pending_accept', releasedBy: 'staff' })
    t.clock.advance(DAY)
    expect(await t.ok('demo-hm-clerk', 'accept', { transferId: started.id })).toMatchObject({ status: 'completed' })

    const after = await t.membership()
    expect(after).toMatchObject({ unionId: 'hhht-hm-jz', memberNo: before.memberNo, joinedAt: before.joinedAt })
    expect(after.transferId).toBeUndefined()
    expect(await t.callAs('demo-member', 'member', 'profile', {})).toMatchObject({ ok: true, data: { membership: { union: { id: 'hhht-hm-jz' } } } })

    const mine = await t.call('demo-member', 'mine')
    expect(mine).toMatchObject({
      ok: true,
      data: {
        current: null,
        last: { status: 'completed' },
        history: [
          { union: { id: 'hhht-xc-kd' }, from: before.joinedAt, to: '2026-11-24T08:00:00.000Z' },
          { union: { id: 'hhht-hm-jz' }, from: '2026-11-24T08:00:00.000Z', to: null },
        ],
      },
    })
    const audit = await collections(t.store).audit.find({ 'target.id': started.id }, { sort: { at: 1 }, limit: 1000 })
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['transfer.release', 'demo-clerk'],
      ['transfer.accept', 'demo-hm-clerk'],
    ])
    const notes = await collections(t.store).notifications.find({ openid: 'demo-member' }, { limit: 1000 })
    expect(notes.map((n) => n.title).sort()).toEqual(['转会：原工会已放行', '转会已完成'].sort())
  })

  it.each([
    ['an unknown union', { toUnionId: 'no-such-union' }, 'UNION_NOT_FOUND'],
    ['the current union', { toUnionId: 'hhht-xc-kd' }, 'TRANSFER_SAME_UNION'],
    ['a missing reason', { reason: undefined }, 'INVALID_INPUT'],
    ['“other” without words', { reason: 'other' }, 'INVALID_INPUT'],
    ['no new employer', { newEmployer: '' }, 'INVALID_INPUT'],
  ])('refuses %s, changing nothing', async (_label, over, code) => {
    const t = await setup()
    const result = await t.call('demo-member', 'start', startInput(over))
    expect(result).toMatchObject({ ok: false, error: { code } })
    expect(await collections(t.store).audit.count({})).toBe(0)
    expect((await t.membership()).transferId).toBeUndefined()
    expect(await t.store.collection('transfers').count({})).toBe(0)
  })

  it('a non-member cannot start a transfer', async () => {
    const t = await setup()
    expect(await t.call('demo-worker', 'start', startInput())).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
  })

  it('one transfer in flight: a second is refused, 10 at once make exactly one', async () => {
    const t = await setup()
    const results = await Promise.all(Array.from({ length: 10 }, () => t.call('demo-member', 'start', startInput())))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error.code === 'TRANSFER_IN_PROGRESS')).toHaveLength(9)
    expect(await t.store.collection('transfers').count({})).toBe(1)
  })

  it('the same submission sent twice is one transfer', async () => {
    const t = await setup()
    const input = startInput()
    const [a, b] = await Promise.all([t.ok('demo-member', 'start', input), t.ok('demo-member', 'start', input)])
    expect(a.id).toBe(b.id)
    expect((await t.ok('demo-member', 'start', input)).id).toBe(a.id)
    expect(await t.store.collection('transfers').count({})).toBe(1)
  })

  it('illegal moves are refused: accept before release, withdraw after completion, release twice', async () => {
    const t = await setup()
    const { id } = await t.ok('demo-member', 'start', startInput())
    expect(await t.call('demo-hm-clerk', 'accept', { transferId: id })).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } })
    await t.ok('demo-clerk', 'release', { transferId: id })
    expect(await t.call('demo-clerk', 'release', { transferId: id })).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } })
    await t.ok('demo-hm-clerk', 'accept', { transferId: id })
    expect(await t.call('demo-member', 'withdraw', { transferId: id })).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } })
    expect(await t.call('demo-hm-clerk', 'reject', { transferId: id, reason: '迟到的驳回' })).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } })
    expect((await t.membership()).unionId).toBe('hhht-hm-jz')
  })

  it('withdrawn or rejected, the member stays where they were and may start again', async () => {
    const t = await setup()
    const first = await t.ok('demo-member', 'start', startInput())
    expect(await t.ok('demo-member', 'withdraw', { transferId: first.id })).toMatchObject({ status: 'withdrawn' })
    // A day later (at the same instant the order of the two would be the database's to choose).
    t.clock.set('2026-11-24T08:00:00.000Z')
    const second = await t.ok('demo-member', 'start', startInput())
    await t.ok('demo-clerk', 'release', { transferId: second.id })
    expect(await t.ok('demo-hm-clerk', 'reject', { transferId: second.id, reason: '本会不接收该单位职工' })).toMatchObject({ status: 'rejected', rejectReason: '本会不接收该单位职工' })
    expect(await t.membership()).toMatchObject({ unionId: 'hhht-xc-kd' })
    expect((await t.membership()).transferId).toBeUndefined()
    expect(await t.call('demo-member', 'mine')).toMatchObject({ ok: true, data: { current: null, last: { status: 'rejected' } } })
    await t.ok('demo-member', 'start', startInput())
  })

  it('a rejection needs a reason', async () => {
    const t = await setup()
    const { id } = await t.ok('demo-member', 'start', startInput())
    await t.ok('demo-clerk', 'release', { transferId: id })
    expect(await t.call('demo-hm-clerk', 'reject', { transferId: id, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: expect.any(String) } } })
  })

  it('the leaving union cannot hold a member hostage: silence releases it after the configured days', async () => {
    const t = await setup()
    const { id } = await t.ok('demo-member', 'start', startInput())
    expect((await t.ok('demo-member', 'mine')) as unknown).toMatchObject({ current: { status: 'pending_release', autoReleaseAt: '2026-12-08T08:00:00.000Z' } })
    t.clock.set('2026-12-08T07:59:59.000Z')
    expect(await t.call('demo-hm-clerk', 'accept', { transferId: id })).toMatchObject({ ok: false, error: { code: 'TRANSFER_STATE' } })
    expect(await t.call('demo-hm-clerk', 'queue', { side: 'incoming' })).toMatchObject({ ok: true, data: { items: [], nextCursor: null, total: 0 } })
    t.clock.set('2026-12-08T08:00:00.000Z')
    expect(await t.call('demo-hm-clerk', 'queue', { side: 'incoming' })).toMatchObject({ ok: true, data: { items: [{ id, status: 'pending_accept', releasedBy: 'auto' }], nextCursor: null, total: 1 } })
    expect(await t.ok('demo-hm-clerk', 'accept', { transferId: id })).toMatchObject({ status: 'completed', releasedBy: 'auto' })
  })

  it('a union can shorten its release period', async () => {
    const t = await setup()
    await collections(t.store).unions.update({ _id: 'hhht-xc-kd' }, { set: { transferReleaseDays: 3 } })
    const started = await t.ok('demo-member', 'start', startInput())
    expect(started.autoReleaseAt).toBe('2026-11-26T08:00:00.000Z')
  })

  it('two clerks at once: exactly one release succeeds; accept and reject at once: exactly one wins', async () => {
    const t = await setup()
    const { id } = await t.ok('demo-member', 'start', startInput())
    const releases = await Promise.all([t.call('demo-clerk', 'release', { transferId: id }), t.call('demo-city-clerk', 'release', { transferId: id })])
    expect(releases.filter((r) => r.ok)).toHaveLength(1)
    const closes = await Promise.all([t.call('demo-hm-clerk', 'accept', { transferId: id }), t.call('demo-hm-clerk', 'reject', { transferId: id, reason: '同时驳回' })])
    expect(closes.filter((r) => r.ok)).toHaveLength(1)
    const winner = closes.find((r) => r.ok)
    const union = (await t.membership()).unionId
    expect(union).toBe(winner && winner.ok && (winner.data as { status: string }).status === 'completed' ? 'hhht-hm-jz' : 'hhht-xc-kd')
  })

  it('staff queues show their subtree only, oldest first; unrelated staff can neither see nor act', async () => {
    const t = await setup()
    const { id } = await t.ok('demo-member', 'start', startInput())
    expect(await t.call('demo-clerk', 'queue', { side: 'outgoing' })).toMatchObject({ ok: true, data: { items: [{ id, memberName: '李会员（演示）' }], nextCursor: null, total: 1 } })
    expect(await t.call('demo-city-clerk', 'queue', { side: 'outgoing' })).toMatchObject({ ok: true, data: { items: [{ id }], nextCursor: null, total: 1 } })
    expect(await t.call('demo-hm-clerk', 'queue', { side: 'outgoing' })).toMatchObject({ ok: true, data: { items: [], nextCursor: null, total: 0 } })
    // The receiving side may not release, the leaving side may not accept, a member may not act as staff.
    expect(await t.call('demo-hm-clerk', 'release', { transferId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await t.call('demo-member', 'queue', { side: 'incoming' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.call('demo-worker', 'withdraw', { transferId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await t.ok('demo-clerk', 'release', { transferId: id })
    expect(await t.call('demo-clerk', 'accept', { transferId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await t.call('demo-hm-clerk', 'queue', { side: 'incoming' })).toMatchObject({ ok: true, data: { items: [{ id }], nextCursor: null, total: 1 } })
    expect(await t.call('demo-clerk', 'queue', { side: 'incoming' })).toMatchObject({ ok: true, data: { items: [], nextCursor: null, total: 0 } })
  })

  it('a completion interrupted between its two updates is finished on the next read', async () => {
    const t = await setup()
    const { id } = await t.ok('demo-member', 'start', startInput())
    await t.ok('demo-clerk', 'release', { transferId: id })
    // As if the process stopped after marking the transfer completed, before moving the membership.
    await transferDb(t.store).transfers.update({ _id: id }, { set: { status: 'completed', closedAt: '2026-11-23T09:00:00.000Z' } })
    expect((await t.membership()).unionId).toBe('hhht-xc-kd')
    await t.ok('demo-member', 'mine')
    expect(await t.membership()).toMatchObject({ unionId: 'hhht-hm-jz' })
  })
})

describe('transfer.preview', () => {
  it('shows the target union and its path before the form', async () => {
    const t = await setup()
    expect(await t.call('demo-member', 'preview', { toUnionId: 'hhht-hm-jz' })).toMatchObject({
      ok: true,
      data: { fromUnion: { id: 'hhht-xc-kd' }, toUnion: { id: 'hhht-hm-jz' }, toUnionPath: ['内蒙古自治区总工会', '呼和浩特市总工会', '回民区总工会', '示例建筑（演示）有限公司工会'] },
    })
  })
  it('says why a transfer cannot start', async () => {
    const t = await setup()
    expect(await t.call('demo-member', 'preview', { toUnionId: 'hhht-xc-kd' })).toMatchObject({ ok: false, error: { code: 'TRANSFER_SAME_UNION' } })
    expect(await t.call('demo-member', 'preview', { toUnionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'UNION_NOT_FOUND' } })
    expect(await t.call('demo-worker', 'preview', { toUnionId: 'hhht-hm-jz' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    await t.ok('demo-member', 'start', startInput())
    expect(await t.call('demo-member', 'preview', { toUnionId: 'hhht-xc-hw' })).toMatchObject({ ok: false, error: { code: 'TRANSFER_IN_PROGRESS' } })
  })
})
