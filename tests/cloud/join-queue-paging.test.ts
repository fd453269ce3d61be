import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { joinDb, type ApplicationDoc } from '../../cloud/features/join/collections'
import { collections } from '../../cloud/lib/collections'
import { unionPathOf } from '../../cloud/lib/roles'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'
import { code, ok } from '../helpers/aid'
import { BAD_CURSORS, keysetOrder, pageThrough, scrambledId, tiedTime, type Page } from '../helpers/paging'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Item = { id: string; submittedAt: string; union: { id: string } }

/**
 * 500 applications waiting in 新城区's subtree, 40 in 回民区's, and 30 already decided, stored
 * directly (one real submission is the template): submitting 570 through the action would only
 * test the join again, and slowly.
 */
async function manyWaiting(h: Harness) {
  const template = ok<{ id: string }>(await h.callAs('demo-worker', 'member', 'join', joinForm()))
  const { applications } = joinDb(h.store)
  const doc = (await applications.get(template.id)) as ApplicationDoc
  await applications.remove({})
  const unions = new Map((await collections(h.store).unions.find({}, { limit: 100 })).map((u) => [u._id, u]))
  const at = (unionId: string) => ({ unionId, unionPath: unionPathOf(unions.get(unionId)!) })
  const xc = ['hhht-xc-kd', 'hhht-xc-xyt', 'hhht-xc-hw']
  const docs: ApplicationDoc[] = []
  for (let i = 0; i < 570; i++) {
    const submittedAt = tiedTime('2026-11-01T00:00:00.000Z', i)
    const where = i < 500 ? at(xc[i % 3]) : i < 540 ? at('hhht-hm-jz') : at('hhht-xc-kd')
    const status = i < 540 ? 'pending' : i % 2 ? 'approved' : 'rejected'
    docs.push({ ...doc, ...where, _id: scrambledId('join', i), openid: `o-${i}`, requestId: `r-${i}`, idHash: `h-${i}`, submittedAt, status })
  }
  // Inserted out of order: the store's natural order must not be what makes the pages right.
  await applications.insertMany([...docs].sort((a, b) => (a.openid < b.openid ? -1 : 1)))
  // A clerk of two overlapping subtrees and a third apart.
  for (const unionId of ['hhht-xc', 'hhht-xc-kd', 'hhht-hm']) await collections(h.store).roles.insert({ _id: `role-two-${unionId}`, openid: 'o-two-roots', kind: 'union_staff', unionId })
  return docs
}

describe('review.queue pages (入会审核)', () => {
  let h: Harness
  let docs: ApplicationDoc[]
  const waitingIn = (root: string) => docs.filter((d) => d.status === 'pending' && d.unionPath.includes(root))
  beforeAll(async () => {
    h = await cloudHarness('2026-11-23T08:00:00.000Z')
    docs = await manyWaiting(h)
  }, 60_000)

  it('500 waiting: every one exactly once, oldest first, 50 a page, total 500 on every page', async () => {
    const pages = await pageThrough<Item>(h.callAs, 'demo-clerk', 'review', 'queue')
    expect(pages.map((p) => p.items.length)).toEqual(Array(10).fill(50))
    expect(pages.map((p) => p.total)).toEqual(Array(10).fill(500))
    expect(pages.every((p) => v.is(contract.review.queue.output, p))).toBe(true)
    const ids = pages.flatMap((p) => p.items.map((i) => i.id))
    expect(new Set(ids).size).toBe(500)
    expect(ids).toEqual(keysetOrder(waitingIn('hhht-xc'), 'submittedAt'))
  }, 60_000)

  it('a clerk of another subtree sees none of them; a clerk of several roots sees each once', async () => {
    const hm = await pageThrough<Item>(h.callAs, 'demo-hm-clerk', 'review', 'queue')
    expect(hm.flatMap((p) => p.items.map((i) => i.id))).toEqual(keysetOrder(waitingIn('hhht-hm'), 'submittedAt'))
    expect(hm[0].total).toBe(40)
    const two = await pageThrough<Item>(h.callAs, 'o-two-roots', 'review', 'queue')
    const ids = two.flatMap((p) => p.items.map((i) => i.id))
    expect(two[0].total).toBe(540)
    expect(ids).toEqual(keysetOrder(docs.filter((d) => d.status === 'pending'), 'submittedAt'))
    expect(two.map((p) => p.items.length)).toEqual([...Array(10).fill(50), 40])
  }, 60_000)

  it('deciding on page one neither hides nor repeats anything on the next page', async () => {
    const first = ok<Page<Item> & { total: number }>(await h.callAs('demo-clerk', 'review', 'queue', {}))
    const decided = first.items.slice(-3).map((i) => i.id)
    ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: decided[0] }))
    ok(await h.callAs('demo-clerk', 'review', 'reject', { applicationId: decided[1], reason: '资料不全，请补充' }))
    const rest = await pageThrough<Item>(h.callAs, 'demo-clerk', 'review', 'queue', { cursor: first.nextCursor })
    const ids = [...first.items, ...rest.flatMap((p) => p.items)].map((i) => i.id)
    expect(new Set(ids).size).toBe(500)
    expect(ids).toEqual(keysetOrder(waitingIn('hhht-xc'), 'submittedAt'))
    expect(rest[0].total).toBe(498)
  }, 60_000)

  it('refuses a cursor that is not one, in Chinese, and answers nothing else', async () => {
    for (const cursor of BAD_CURSORS) {
      const answer = await h.callAs('demo-clerk', 'review', 'queue', { cursor })
      expect(code(answer)).toBe('INVALID_INPUT')
      expect(answer.ok ? '' : answer.error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await h.callAs('demo-worker', 'review', 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('a cursor past the end is an empty last page', async () => {
    const page = ok<Page>(await h.callAs('demo-clerk', 'review', 'queue', { cursor: '2030-01-01T00:00:00.000Z_zzz' }))
    expect(page).toMatchObject({ items: [], nextCursor: null })
  })
})
