import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { aidDb, type ApplicationDoc } from '../../cloud/features/aid/collections'
import { mayView } from '../../domain/aid/review'
import { reviewLevels } from '../../cloud/features/aid/levels'
import { cloudHarness } from '../helpers/cloud'
import { applicationInput, ok } from '../helpers/aid'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Page = { items: Array<{ id: string; submittedAt: string; status: string }>; nextCursor: string | null }


const CITY_PATH = ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd']
/** Two levels further down: the city's staff match it by unionPath but review neither level. */
const DEEP_PATH = ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd', 'hhht-xc-kd-a', 'hhht-xc-kd-a-b']

/**
 * One real submission, then `n` copies of it stored directly (each its own child): three per second,
 * so pages end inside a second and the tie-break on the id is exercised, and every fifth copy sits
 * deep below the city, where it is matched by the query but hidden by the review rule.
 */
async function manyApplications(h: Harness, n: number): Promise<ApplicationDoc[]> {
  ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
  const applications = aidDb(h.store).applications
  const [template] = await applications.find({}, { limit: 1000 })
  await applications.remove({})
  const base = Date.parse('2026-11-05T00:00:00.000Z')
  const docs: ApplicationDoc[] = []
  for (let i = 0; i < n; i++) {
    const submittedAt = new Date(base + Math.floor(i / 3) * 1000).toISOString()
    docs.push({
      ...template,
      // Ids out of insertion order, so the order can only come from (submittedAt, _id).
      _id: `app-${String((i * 7919) % 100_003).padStart(6, '0')}-${i}`,
      idempotencyKey: `bulk-${i}`,
      childKey: `child-${i}`,
      submittedAt,
      updatedAt: submittedAt,
      unionPath: i % 5 === 4 ? DEEP_PATH : CITY_PATH,
      ...reviewLevels(i % 5 === 4 ? DEEP_PATH : CITY_PATH),
      status: i % 4 === 0 ? 'verified' : 'submitted',
    })
  }
  // Inserted shuffled: the store's natural order must not be what makes the pages right.
  const shuffled = [...docs].sort((a, b) => (a.childKey < b.childKey ? -1 : 1))
  await applications.insertMany(shuffled)
  return docs
}

async function pageThrough(h: Harness, as: string, input: Record<string, unknown> = {}) {
  const pages: Page[] = []
  let cursor: string | undefined
  for (let guard = 0; guard < 100; guard++) {
    const page = ok<Page>(await h.callAs(as, 'aid', 'reviewList', { ...input, ...(cursor ? { cursor } : {}) }))
    pages.push(page)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return pages
}

const order = (docs: Array<{ submittedAt: string; _id?: string; id?: string }>) =>
  [...docs].sort((a, b) => (a.submittedAt === b.submittedAt ? ((a._id ?? a.id)! < (b._id ?? b.id)! ? -1 : 1) : a.submittedAt < b.submittedAt ? -1 : 1)).map((d) => d._id ?? d.id)

describe('aid.reviewList pages', () => {
  let h: Harness
  let docs: ApplicationDoc[]
  beforeAll(async () => {
    h = await cloudHarness()
    docs = await manyApplications(h, 562)
  }, 60_000)

  it('a clerk pages through 450 applications 50 at a time: stable order, no duplicates, no gaps, an end', async () => {
    const visible = docs.filter((d) => mayView(d.unionPath, ['hhht-xc']))
    expect(visible).toHaveLength(450)
    const pages = await pageThrough(h, 'demo-clerk')
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 50, 50, 50, 50, 50, 50, 50])
    expect(pages.slice(0, -1).every((p) => typeof p.nextCursor === 'string')).toBe(true)
    expect(pages[pages.length - 1].nextCursor).toBeNull()
    expect(v.is(contract.aid.reviewList.output, pages[0])).toBe(true)
    const ids = pages.flatMap((p) => p.items.map((a) => a.id))
    expect(new Set(ids).size).toBe(450)
    expect(ids).toEqual(order(visible))
  }, 60_000)

  it('the city sees only what it reviews: the deep ones are skipped without short pages', async () => {
    const visible = docs.filter((d) => mayView(d.unionPath, ['hhht']))
    expect(visible).toHaveLength(450)
    const pages = await pageThrough(h, 'demo-city-clerk', { limit: 200 })
    expect(pages.map((p) => p.items.length)).toEqual([200, 200, 50])
    expect(pages.flatMap((p) => p.items.map((a) => a.id))).toEqual(order(visible))
  }, 60_000)

  it('filters by status across pages, and a page that ends exactly at the last one says there is no more', async () => {
    const verified = docs.filter((d) => d.status === 'verified' && mayView(d.unionPath, ['hhht-xc']))
    const pages = await pageThrough(h, 'demo-clerk', { status: 'verified', limit: verified.length })
    expect(pages).toHaveLength(1)
    expect(pages[0].nextCursor).toBeNull()
    expect(pages[0].items.map((a) => a.id)).toEqual(order(verified))
    const small = await pageThrough(h, 'demo-clerk', { status: 'verified', limit: 7 })
    expect(small.flatMap((p) => p.items.map((a) => a.id))).toEqual(order(verified))
    expect(small.flatMap((p) => p.items).every((a) => a.status === 'verified')).toBe(true)
  }, 60_000)

  it('an application changing status between pages neither repeats nor hides the others', async () => {
    const first = ok<Page>(await h.callAs('demo-clerk', 'aid', 'reviewList', { limit: 20 }))
    await aidDb(h.store).applications.update({ _id: first.items[3].id }, { set: { status: 'returned' } })
    const rest = await pageThrough(h, 'demo-clerk', { cursor: first.nextCursor, limit: 100 })
    const ids = [...first.items, ...rest.flatMap((p) => p.items)].map((a) => a.id)
    expect(new Set(ids).size).toBe(450)
  }, 60_000)

  it('refuses a cursor that is not one, and a page size out of range', async () => {
    for (const input of [{ cursor: 'nonsense' }, { cursor: 'not-a-date_app-1' }, { limit: 0 }, { limit: 201 }, { limit: 1.5 }]) {
      expect(await h.callAs('demo-clerk', 'aid', 'reviewList', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
  })
})
