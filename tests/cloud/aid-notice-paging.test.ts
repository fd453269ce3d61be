import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { aidDb, type ApplicationDoc } from '../../cloud/features/aid/collections'
import { cloudHarness } from '../helpers/cloud'
import { applicationInput, code, ok } from '../helpers/aid'
import { BAD_CURSORS, keysetOrder, pageThrough, scrambledId, tiedTime, type Page } from '../helpers/paging'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Entry = { id: string; maskedName: string; noticeEndsAt: string }

const NOW = '2026-11-23T08:00:00.000Z'

/**
 * 120 approved applications on notice now, 15 whose notice has ended, 15 not approved yet; one real
 * submission is the template, the rest stored directly.
 */
async function manyOnNotice(h: Harness): Promise<ApplicationDoc[]> {
  ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
  const { applications } = aidDb(h.store)
  const [template] = await applications.find({}, { limit: 1 })
  await applications.remove({})
  const docs: ApplicationDoc[] = []
  for (let i = 0; i < 150; i++) {
    const noticeStartsAt = tiedTime('2026-11-20T00:00:00.000Z', i)
    const kind = i < 120 ? 'running' : i < 135 ? 'ended' : 'submitted'
    docs.push({
      ...template,
      _id: scrambledId('aid', i),
      idempotencyKey: `bulk-${i}`,
      childKey: `child-${i}`,
      child: { ...template.child, name: `测试${i}号` },
      status: kind === 'submitted' ? 'submitted' : 'approved',
      amountFen: kind === 'submitted' ? null : 500000,
      noticeStartsAt: kind === 'submitted' ? null : noticeStartsAt,
      noticeEndsAt: kind === 'submitted' ? null : kind === 'ended' ? '2026-11-23T07:59:59.999Z' : '2026-11-25T00:00:00.000Z',
    })
  }
  await applications.insertMany([...docs].sort((a, b) => (a.childKey < b.childKey ? -1 : 1)))
  return docs
}

describe('aid.notice pages (金秋助学公示)', () => {
  let h: Harness
  let docs: ApplicationDoc[]
  beforeAll(async () => {
    h = await cloudHarness(NOW)
    docs = await manyOnNotice(h)
  }, 60_000)

  it('without sign-in: every running entry exactly once, by notice start, 50 a page, names masked', async () => {
    const pages = await pageThrough<Entry>(h.callAs, null, 'aid', 'notice')
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20])
    expect(pages.every((p) => v.is(contract.aid.notice.output, p))).toBe(true)
    const ids = pages.flatMap((p) => p.items.map((e) => e.id))
    expect(ids).toEqual(keysetOrder(docs.slice(0, 120), 'noticeStartsAt'))
    expect(JSON.stringify(pages)).not.toMatch(/测试\d+号/)
  }, 60_000)

  it('an entry whose notice ends between pages leaves without moving the others', async () => {
    const first = ok<Page<Entry>>(await h.callAs(null, 'aid', 'notice', {}))
    const order = keysetOrder(docs.slice(0, 120), 'noticeStartsAt')
    const ended = order[70]
    await aidDb(h.store).applications.update({ _id: ended }, { set: { noticeEndsAt: NOW } })
    const rest = await pageThrough<Entry>(h.callAs, null, 'aid', 'notice', { cursor: first.nextCursor })
    expect([...first.items, ...rest.flatMap((p) => p.items)].map((e) => e.id)).toEqual(order.filter((id) => id !== ended))
  }, 60_000)

  it('refuses a cursor that is not one, in Chinese', async () => {
    for (const cursor of BAD_CURSORS) {
      const answer = await h.callAs(null, 'aid', 'notice', { cursor })
      expect(code(answer)).toBe('INVALID_INPUT')
      expect(answer.ok ? '' : answer.error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})
