import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { transferDb, type TransferDoc } from '../../cloud/features/transfer/collections'
import { collections } from '../../cloud/lib/collections'
import { cloudHarness } from '../helpers/cloud'
import { code, ok } from '../helpers/aid'
import { BAD_CURSORS, keysetOrder, pageThrough, scrambledId, tiedTime, type Page } from '../helpers/paging'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Item = { id: string; status: string; releasedBy: string | null }

const NOW = '2026-11-23T08:00:00.000Z'
const XC_TO_HM = { fromUnionId: 'hhht-xc-kd', fromUnionPath: ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'], toUnionId: 'hhht-hm-jz', toUnionPath: ['nmg', 'hhht', 'hhht-hm', 'hhht-hm-jz'] }
const HM_TO_XC = { fromUnionId: 'hhht-hm-jz', fromUnionPath: XC_TO_HM.toUnionPath, toUnionId: 'hhht-xc-kd', toUnionPath: XC_TO_HM.fromUnionPath }

/**
 * 240 transfers from 新城区 to 回民区, interleaved in time: 90 waiting to be accepted, 60 whose
 * leaving union let the days lapse (released when read), 60 still waiting for release (half due on
 * 12-01, half on 12-20), 30 closed; and 10 the other way, waiting for 新城区 to accept. One real
 * start is the template; the rest are stored directly.
 */
async function manyTransfers(h: Harness): Promise<TransferDoc[]> {
  const started = ok<{ id: string }>(await h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'employee', idempotencyKey: 'paging-template-1' }))
  const { transfers } = transferDb(h.store)
  const template = (await transfers.get(started.id)) as TransferDoc
  await transfers.remove({})
  const docs: TransferDoc[] = []
  for (let i = 0; i < 250; i++) {
    const createdAt = tiedTime('2026-11-01T00:00:00.000Z', i)
    const kind = i >= 240 ? 'back' : (['accept', 'accept', 'accept', 'due', 'due', 'closed', 'waiting', 'waiting'] as const)[i % 8]
    const base = { ...template, ...(kind === 'back' ? HM_TO_XC : XC_TO_HM), _id: scrambledId('tr', i), idempotency: `bulk-${i}`, createdAt }
    const released = { releasedAt: '2026-11-10T00:00:00.000Z', releasedBy: 'demo-clerk' }
    docs.push(
      kind === 'accept' || kind === 'back'
        ? { ...base, ...released, status: 'pending_accept', autoReleaseAt: '2026-11-20T00:00:00.000Z' }
        : kind === 'due'
          ? { ...base, status: 'pending_release', autoReleaseAt: '2026-11-20T00:00:00.000Z' }
          : kind === 'waiting'
            ? { ...base, status: 'pending_release', autoReleaseAt: i % 16 < 8 ? '2026-12-01T00:00:00.000Z' : '2026-12-20T00:00:00.000Z' }
            : { ...base, ...released, status: 'completed', autoReleaseAt: '2026-11-20T00:00:00.000Z', closedAt: '2026-11-15T00:00:00.000Z', closedBy: 'demo-hm-clerk' },
    )
  }
  await transfers.insertMany([...docs].sort((a, b) => (a.idempotency < b.idempotency ? -1 : 1)))
  for (const unionId of ['hhht-xc', 'hhht-xc-kd', 'hhht-hm']) await collections(h.store).roles.insert({ _id: `role-two-${unionId}`, openid: 'o-two-roots', kind: 'union_staff', unionId })
  return docs
}

const ids = (pages: Array<Page<Item>>) => pages.flatMap((p) => p.items.map((t) => t.id))

describe('transfer.queue pages (转会待办)', () => {
  let h: Harness
  let docs: TransferDoc[]
  const outgoing = (root: string, at = NOW) => docs.filter((d) => d.fromUnionPath.includes(root) && d.status === 'pending_release' && d.autoReleaseAt > at)
  const incoming = (root: string) => docs.filter((d) => d.toUnionPath.includes(root) && (d.status === 'pending_accept' || (d.status === 'pending_release' && d.autoReleaseAt <= NOW)))
  beforeAll(async () => {
    h = await cloudHarness(NOW)
    docs = await manyTransfers(h)
  }, 60_000)

  it('outgoing: what waits for release, each once, oldest first, 50 a page, with its total', async () => {
    const pages = await pageThrough<Item>(h.callAs, 'demo-clerk', 'transfer', 'queue', { side: 'outgoing' })
    expect(pages.map((p) => [p.items.length, p.total])).toEqual([[50, 60], [10, 60]])
    expect(pages.every((p) => v.is(contract.transfer.queue.output, p))).toBe(true)
    expect(ids(pages)).toEqual(keysetOrder(outgoing('hhht-xc'), 'createdAt'))
  }, 60_000)

  it('incoming: accepted-to-be and lapsed alike, each once in one order; the lapsed ones are released as they are read', async () => {
    const expected = keysetOrder(incoming('hhht-hm'), 'createdAt')
    expect(expected).toHaveLength(150)
    const pages = await pageThrough<Item>(h.callAs, 'demo-hm-clerk', 'transfer', 'queue', { side: 'incoming' })
    expect(pages.map((p) => [p.items.length, p.total])).toEqual([[50, 150], [50, 150], [50, 150]])
    expect(ids(pages)).toEqual(expected)
    expect(pages.flatMap((p) => p.items).every((t) => t.status === 'pending_accept')).toBe(true)
    const lapsed = docs.filter((d) => d.status === 'pending_release' && d.autoReleaseAt <= NOW).map((d) => d._id)
    expect(pages.flatMap((p) => p.items).filter((t) => t.releasedBy === 'auto').map((t) => t.id).sort()).toEqual([...lapsed].sort())
    expect(await transferDb(h.store).transfers.count({ status: 'pending_release', autoReleaseAt: { $lte: NOW } })).toBe(0)
    // Read again: the same list, now all of it waiting to be accepted in the store.
    expect(ids(await pageThrough<Item>(h.callAs, 'demo-hm-clerk', 'transfer', 'queue', { side: 'incoming' }))).toEqual(expected)
  }, 60_000)

  it('a clerk of another subtree sees none of them; a clerk of several roots sees each once', async () => {
    expect(await h.callAs('demo-hm-clerk', 'transfer', 'queue', { side: 'outgoing' })).toMatchObject({ ok: true, data: { items: [], nextCursor: null, total: 0 } })
    const back = await pageThrough<Item>(h.callAs, 'demo-clerk', 'transfer', 'queue', { side: 'incoming' })
    expect(ids(back)).toEqual(keysetOrder(docs.slice(240), 'createdAt'))
    const two = await pageThrough<Item>(h.callAs, 'o-two-roots', 'transfer', 'queue', { side: 'incoming' })
    expect(ids(two)).toEqual(keysetOrder([...incoming('hhht-hm'), ...docs.slice(240)], 'createdAt'))
    expect(two[0].total).toBe(160)
    const twoOut = await pageThrough<Item>(h.callAs, 'o-two-roots', 'transfer', 'queue', { side: 'outgoing' })
    expect(ids(twoOut)).toEqual(keysetOrder(outgoing('hhht-xc'), 'createdAt'))
  }, 60_000)

  it('refuses a cursor that is not one', async () => {
    for (const cursor of BAD_CURSORS) expect(code(await h.callAs('demo-clerk', 'transfer', 'queue', { side: 'outgoing', cursor }))).toBe('INVALID_INPUT')
  })

  it('days lapsing between two pages move the lapsed ones still ahead to the other side: none shown twice, none lost', async () => {
    const first = ok<Page<Item>>(await h.callAs('demo-clerk', 'transfer', 'queue', { side: 'outgoing' }))
    h.clock.set('2026-12-05T00:00:00.000Z')
    const rest = await pageThrough<Item>(h.callAs, 'demo-clerk', 'transfer', 'queue', { side: 'outgoing', cursor: first.nextCursor })
    const shown = [...first.items.map((t) => t.id), ...ids(rest)]
    expect(new Set(shown).size).toBe(shown.length)
    const after = first.items[first.items.length - 1].id
    const ahead = keysetOrder(outgoing('hhht-xc'), 'createdAt')
    expect(ids(rest)).toEqual(ahead.slice(ahead.indexOf(after) + 1).filter((id) => docs.find((d) => d._id === id)!.autoReleaseAt > '2026-12-05T00:00:00.000Z'))
    expect(rest[0].total).toBe(outgoing('hhht-xc', '2026-12-05T00:00:00.000Z').length)
    // Every one now lapsed is on the receiving side, once.
    const receiving = ids(await pageThrough<Item>(h.callAs, 'demo-hm-clerk', 'transfer', 'queue', { side: 'incoming' }))
    expect(new Set(receiving).size).toBe(receiving.length)
    expect(receiving).toEqual(keysetOrder(docs.filter((d) => d.toUnionPath.includes('hhht-hm') && (d.status === 'pending_accept' || (d.status === 'pending_release' && d.autoReleaseAt <= '2026-12-05T00:00:00.000Z'))), 'createdAt'))
  }, 60_000)
})
