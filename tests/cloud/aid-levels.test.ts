import { aidDb, type ApplicationDoc, type ObjectionDoc } from '../../cloud/features/aid/collections'
import { functions } from '../../cloud/functions'
import { dispatch } from '../../cloud/lib/dispatch'
import { forEachPage } from '../../cloud/lib/store/read'
import type { ActionOutput, HomeSummary } from '../../domain/contract'
import { applicationInput, ok, visitAndVerify } from '../helpers/aid'
import { cloudHarness } from '../helpers/cloud'
import { recordingReads, servedByIndex, type RecordedRead } from '../helpers/store'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Desk = ActionOutput<'review', 'desk'>
type ReviewPage = ActionOutput<'aid', 'reviewList'>
const NOW = '2026-11-23T08:00:00.000Z'
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** 新城区's own union's members: the city sits on their level one (it is 新城区's parent), 内蒙古 on level two. */
const CITY_LEVEL_ONE = { unionPath: ['nmg', 'hhht', 'hhht-xc'], unionId: 'hhht-xc', levelOneUnionIds: ['hhht-xc', 'hhht'], levelTwoUnionId: 'nmg' }
/** The demo courier company's members: 新城区 and the company at level one, the city at level two. */
const CITY_LEVEL_TWO = { unionPath: ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'], unionId: 'hhht-xc-kd', levelOneUnionIds: ['hhht-xc-kd', 'hhht-xc'], levelTwoUnionId: 'hhht' }

/** One real submission (as stored by aid.submit), to copy the rest from. */
async function submitted(h: Harness): Promise<ApplicationDoc> {
  const { id } = ok<{ id: string }>(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
  return (await aidDb(h.store).applications.get(id)) as ApplicationDoc
}

/** A copy of `template` as another child's application, stored directly. */
const copyOf = (template: ApplicationDoc, id: string, over: Partial<ApplicationDoc>): ApplicationDoc => ({
  ...template,
  _id: id,
  idempotencyKey: `k-${id}`,
  childKey: `child-${id}`,
  owner: `o-${id}`,
  child: { ...template.child, name: `示例学生${id}（演示）` },
  ...over,
})

/** What the deploy asks of the aid function (an operator's call: no person). */
const backfill = (h: Harness) =>
  dispatch('aid', functions.aid, { action: 'backfillLevels', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat: h.wx?.wechat ?? null })

async function deskThrough(h: Harness, who: string): Promise<Desk['items']> {
  const items: Desk['items'] = []
  let cursor: string | null = null
  do {
    const page: Desk = ok<Desk>(await h.callAs(who, 'review', 'desk', cursor ? { cursor } : {}))
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}

async function reviewThrough(h: Harness, who: string, input: Record<string, unknown>): Promise<ReviewPage['items']> {
  const items: ReviewPage['items'] = []
  let cursor: string | null = null
  do {
    const page: ReviewPage = ok<ReviewPage>(await h.callAs(who, 'aid', 'reviewList', { ...input, ...(cursor ? { cursor } : {}) }))
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}

const queueCount = async (h: Harness, who: string, kind: string) => ok<HomeSummary>(await h.callAs(who, 'member', 'home', {})).queues.find((q) => q.kind === kind)

describe('金秋助学 waiting at the caller\'s level: the desk, 首页\'s counts and the review list read exactly the caller\'s rows', () => {
  it('a level-two clerk with more than five desk pages (and 首页\'s old 200) of level-one rows ahead sees every one of theirs, by declared indexes', async () => {
    let reads: RecordedRead[] = []
    const h = await cloudHarness(NOW, {
      wrapStore: (store) => {
        const recording = recordingReads(store)
        reads = recording.reads
        return recording.store
      },
    })
    const real = await submitted(h)
    ok(await visitAndVerify(h, real._id))
    // 210 verified applications where the city is level one: they wait for 内蒙古, not the city, and
    // come first in every order (older, and smaller ids).
    const ahead = Array.from({ length: 210 }, (_, i) => copyOf(real, `a-${String(i).padStart(4, '0')}`, { ...CITY_LEVEL_ONE, status: 'verified', submittedAt: at(-20 * DAY + i * MINUTE), updatedAt: at(-10 * DAY + i * MINUTE) }))
    // Then four more of the city's own level two, verified a day ago.
    const theirs = Array.from({ length: 4 }, (_, i) => copyOf(real, `z-${i}`, { ...CITY_LEVEL_TWO, status: 'verified', submittedAt: at(-2 * DAY + i * MINUTE), updatedAt: at(-DAY + i * MINUTE) }))
    await aidDb(h.store).applications.insertMany([...ahead, ...theirs])
    const expected = [...theirs.map((a) => a._id), real._id]

    reads.length = 0
    const desk = (await deskThrough(h, 'demo-city-clerk')).filter((i) => i.kind === 'aidTwo')
    expect(desk.map((i) => i.id)).toEqual(expected.map((id) => `aidTwo-${id}`))
    expect(await queueCount(h, 'demo-city-clerk', 'aidTwo')).toMatchObject({ count: expected.length, more: false })
    // The review list shows the city what it reviews at either level; it may approve exactly the desk's.
    const listed = await reviewThrough(h, 'demo-city-clerk', { status: 'verified', limit: 50 })
    expect(listed).toHaveLength(ahead.length + expected.length)
    expect(listed.filter((a) => a.canAct.includes('approve')).map((a) => a.id).sort()).toEqual([...expected].sort())
    expect((await reviewThrough(h, 'demo-city-clerk', { limit: 200 })).length).toBe(ahead.length + expected.length)
    // 新城区's clerk: level one of all of them, level two of none; nothing of theirs waits (all verified).
    expect(await queueCount(h, 'demo-clerk', 'aidTwo')).toMatchObject({ count: 0 })
    expect((await deskThrough(h, 'demo-clerk')).filter((i) => i.kind.startsWith('aid'))).toEqual([])

    // Every staff read of 金秋助学 (首页's own list of the caller's applications, by owner, aside).
    const aid = reads.filter((r) => (r.collection === 'aidApplications' || r.collection === 'aidObjections') && !('owner' in r.filter))
    expect(aid.filter((r) => 'levelTwoUnionId' in r.filter).length).toBeGreaterThan(0)
    expect(aid.filter((r) => !servedByIndex(r))).toEqual([])
    // Read exactly: no read came back with rows the caller does not act on.
    const levelTwoReads = aid.filter((r) => r.collection === 'aidApplications' && 'levelTwoUnionId' in r.filter)
    expect(levelTwoReads.every((r) => r.returned <= expected.length)).toBe(true)
  })
})

describe('aid.backfillLevels: applications and objections stored before the reviewing unions get them', () => {
  it('one batch a call until done, updatedAt left alone, safe twice; the queues then find the old rows', async () => {
    const h = await cloudHarness(NOW)
    const real = await submitted(h)
    // 600 submitted applications as stored before stop 25: no reviewing unions.
    const stored = Array.from({ length: 600 }, (_, i) => {
      const { levelOneUnionIds: _one, levelTwoUnionId: _two, ...doc } = copyOf(real, `old-${String(i).padStart(4, '0')}`, { submittedAt: at(-5 * DAY + i * MINUTE), updatedAt: at(-5 * DAY + i * MINUTE) })
      return doc
    })
    const { applications, objections } = aidDb(h.store)
    await applications.insertMany(stored as ApplicationDoc[])
    // And an open objection to one of them, from before too.
    const objection: Omit<ObjectionDoc, 'levelTwoUnionId'> = { _id: 'ob-old', applicationId: stored[0]._id, unionPath: CITY_LEVEL_TWO.unionPath, text: '家庭情况与公示不符（示例）', contact: '', by: 'o-neighbour', createdAt: at(-DAY), status: 'open', note: null }
    await objections.insert(objection as ObjectionDoc)

    // Before: 新城区 counts only the one submitted since; the city's desk has no objection.
    expect(await queueCount(h, 'demo-clerk', 'aidOne')).toMatchObject({ count: 1 })
    expect((await deskThrough(h, 'demo-city-clerk')).map((i) => i.title)).not.toContain('金秋助学：公示异议')

    expect(ok(await backfill(h))).toEqual({ filled: 500, done: false })
    expect(ok(await backfill(h))).toEqual({ filled: 101, done: true })
    expect(ok(await backfill(h))).toEqual({ filled: 0, done: true })

    const after = new Map<string, ApplicationDoc>()
    await forEachPage(applications, {}, (page) => page.forEach((d) => after.set(d._id, d)))
    for (const doc of stored) {
      expect(after.get(doc._id)).toMatchObject({ levelOneUnionIds: CITY_LEVEL_TWO.levelOneUnionIds, levelTwoUnionId: 'hhht', updatedAt: doc.updatedAt, status: 'submitted' })
    }
    expect(after.get(real._id)).toEqual(real)
    expect(await objections.get('ob-old')).toEqual({ ...objection, levelTwoUnionId: 'hhht' })

    expect(await queueCount(h, 'demo-clerk', 'aidOne')).toMatchObject({ count: 601, more: false })
    const clerkDesk = ok<Desk>(await h.callAs('demo-clerk', 'review', 'desk', {}))
    expect(clerkDesk.items[0].id).toBe(`aidOne-${stored[0]._id}`)
    expect((await deskThrough(h, 'demo-city-clerk')).map((i) => i.title)).toContain('金秋助学：公示异议')
  })

  it('no person may run it', async () => {
    const h = await cloudHarness(NOW)
    expect((await h.callAs('demo-city-clerk', 'aid', 'backfillLevels', {})).ok).toBe(false)
    expect(ok(await backfill(h))).toEqual({ filled: 0, done: true })
  })
})
