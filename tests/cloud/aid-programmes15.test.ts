import { aidDb } from '../../cloud/features/aid/collections'
import { mayReadFile } from '../../cloud/features/aid/files'
import { resolveCaller } from '../../cloud/lib/context'
import { dispatch } from '../../cloud/lib/dispatch'
import { functions } from '../../cloud/functions'
import { collections } from '../../cloud/lib/collections'
import { cloudHarness } from '../helpers/cloud'
import { applicationInput, code, exportedCsv, fakeFile, idFor, NO_EXCLUSION, ok, visitAndVerify, visitInput } from '../helpers/aid'

/** #15 items 1–5 on both stores: amounts by 建档 status, exclusions, renewals, the home visit, the payout export. */
type Harness = Awaited<ReturnType<typeof cloudHarness>>
const DAY = 24 * 3600 * 1000

async function submitted(h: Harness, over: Record<string, unknown> = {}, as = 'demo-member') {
  return ok(await h.callAs(as, 'aid', 'submit', await applicationInput(h.store, as, over)))
}

/** Submitted, visited, verified, approved, noticed and paid: a child funded this year. */
async function paid(h: Harness, id: string, levelOne = 'demo-clerk') {
  ok(await visitAndVerify(h, id, levelOne))
  ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' }))
  h.clock.advance(6 * DAY)
  return ok(await h.callAs('demo-city-clerk', 'aid', 'markPaid', { applicationId: id, paidOn: '2026-12-01', reference: `PAY-${id.slice(-4)}` }))
}

/** Makes stored applications of this year look like last year's: the programme and its applications move back a year. */
async function intoLastYear(h: Harness, year = 2025) {
  const { programmes, applications } = aidDb(h.store)
  const docs = await applications.find({ year: 2026 }, { limit: 100 })
  const id = `aid-hhht-${year}`
  if (!(await programmes.get(id))) {
    const p = (await programmes.get('aid-hhht-2026'))!
    await programmes.insert({ ...p, _id: id, year, opensAt: `${year}-07-01T00:00:00.000Z`, closesAt: `${year}-09-01T00:00:00.000Z` })
  }
  for (const d of docs) await applications.update({ _id: d._id }, { set: { year, programmeId: id, child: { ...d.child, admissionYear: d.child.admissionYear - (2026 - year) } } })
  h.clock.set('2026-11-23T08:00:00.000Z')
}

describe('aid #15: amounts by level and 建档 status', () => {
  it('approves the table’s amount for the family’s status; more than it is refused; the client never names it', async () => {
    const h = await cloudHarness()
    const registered = await submitted(h)
    const base = await applicationInput(h.store, 'demo-member')
    const other = await submitted(h, { child: { ...base.child, name: '张小芳', idNumber: idFor('20070707', '182') }, household: { ...base.household, category: 'other' } })
    const school = await submitted(h, { child: { ...base.child, name: '张小强', idNumber: idFor('20100303', '273'), level: 'high_school' }, household: { ...base.household, category: 'other' } })
    for (const a of [registered, other, school]) ok(await visitAndVerify(h, a.id))
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: other.id, decision: 'approve', amountFen: 400001 }))).toBe('AID_AMOUNT_TOO_HIGH')
    expect(await aidDb(h.store).applications.get(other.id)).toMatchObject({ status: 'verified', amountFen: null })
    const approve = async (id: string) => ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' })).amountFen
    expect([await approve(registered.id), await approve(other.id), await approve(school.id)]).toEqual([500000, 400000, 200000])
  })

  it('saves a programme’s table per level and status; an old one-amount programme reads as the same for both', async () => {
    const h = await cloudHarness()
    const input = {
      unionId: 'hhht-xc', year: 2027, name: '2027 金秋助学（演示）', opensAt: '2027-07-01T00:00:00.000Z', closesAt: '2027-09-01T00:00:00.000Z',
      amounts: { vocational: { registered: 300000, other: 200000 }, postgraduate: { registered: 600000, other: 500000 } },
      categories: ['dibao', 'other'], requiredDocuments: [], excludes: ['military'], funds: 'enrolled_too', maxYears: 3,
    }
    expect(ok(await h.callAs('demo-clerk', 'aid', 'saveProgramme', input))).toMatchObject({ amounts: input.amounts, excludes: ['military'], funds: 'enrolled_too', maxYears: 3, homeVisit: true })
    const bad = await h.callAs('demo-clerk', 'aid', 'saveProgramme', { ...input, amounts: { vocational: { registered: 300000 } } })
    expect(code(bad)).toBe('INVALID_INPUT')
    expect(code(await h.callAs('demo-clerk', 'aid', 'saveProgramme', { ...input, maxYears: 0 }))).toBe('INVALID_INPUT')
    await aidDb(h.store).programmes.insert({ _id: 'p-old', unionId: 'hhht-hm', year: 2026, name: '旧项目', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2027-01-01T00:00:00.000Z', amounts: { junior_college: 350000 }, categories: ['dibao'], requiredDocuments: [], noticeDays: 5, exclusions: '', updatedAt: '' })
    const old = ok(await h.callAs('demo-hm-clerk', 'aid', 'myProgrammes')).find((p: { id: string }) => p.id === 'p-old')
    expect(old).toMatchObject({ amounts: { junior_college: { registered: 350000, other: 350000 } }, excludes: [], funds: 'new_only', maxYears: 1, homeVisit: false })
  })
})

describe('aid #15: exclusions and 农民工', () => {
  it('a yes the programme excludes is refused with its name and stores nothing; the answers reach level one', async () => {
    const h = await cloudHarness()
    const input = await applicationInput(h.store, 'demo-member')
    const refused = await h.callAs('demo-member', 'aid', 'submit', { ...input, declarations: { ...NO_EXCLUSION, free_teacher: true } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'AID_EXCLUDED', message: '本项目不资助免费师范生' } })
    expect(code(await h.callAs('demo-member', 'aid', 'submit', { ...input, declarations: { ...NO_EXCLUSION, directed: 'no' } }))).toBe('INVALID_INPUT')
    const { declarations: _d, ...unanswered } = input
    expect(code(await h.callAs('demo-member', 'aid', 'submit', unanswered))).toBe('INVALID_INPUT')
    expect(await aidDb(h.store).applications.count({})).toBe(0)
    // A programme that excludes nothing records the yes for the reviewer.
    await aidDb(h.store).programmes.update({ _id: 'aid-hhht-2026' }, { set: { excludes: ['military'] } })
    const view = ok(await h.callAs('demo-member', 'aid', 'submit', { ...input, household: { ...input.household, migrantWorker: true }, declarations: { ...NO_EXCLUSION, government_aid: true } }))
    const [seen] = ok(await h.callAs('demo-clerk', 'aid', 'reviewList', {})).items
    expect(seen).toMatchObject({ id: view.id, household: { migrantWorker: true }, declarations: { government_aid: true, military: false }, canVisit: true })
  })
})

describe('aid #15: continuing students', () => {
  it('a child funded last year renews with last year’s application carried over, confirming only what changed', async () => {
    const h = await cloudHarness()
    const first = await submitted(h)
    await paid(h, first.id)
    await intoLastYear(h)
    const [renewal] = ok(await h.callAs('demo-member', 'aid', 'renewals'))
    expect(renewal).toMatchObject({ applicationId: first.id, year: 2025, fundedYears: 1, child: { name: '张小明', school: '内蒙古大学（示例）', admissionYear: 2025, level: 'undergraduate' }, payout: { cardMasked: expect.stringMatching(/^\*\*\*\* \d{4}$/) } })
    expect(JSON.stringify(renewal)).not.toContain(idFor('20080510'))
    // No ID or card number typed: the cloud keeps the sealed ones; the major changed.
    const base = await applicationInput(h.store, 'demo-member')
    const { idMasked: _m, ...carried } = renewal.child
    const { idNumber: _i, ...child } = { ...base.child, ...carried, major: '软件工程' }
    const view = ok(await h.callAs('demo-member', 'aid', 'submit', { ...base, renewalOf: renewal.applicationId, child, payout: { bank: renewal.payout.bank } }))
    expect(view).toMatchObject({ renewalOf: first.id, year: 2026, child: { admissionYear: 2025, major: '软件工程', idMasked: first.child.idMasked }, payout: { cardMasked: first.payout.cardMasked } })
    const [last, now] = await Promise.all([aidDb(h.store).applications.get(first.id), aidDb(h.store).applications.get(view.id)])
    expect(now!.childKey).toBe(last!.childKey)
    expect(ok(await h.callAs('demo-member', 'aid', 'renewals'))).toEqual([])
    // Not a member: nothing to renew, not a failure.
    expect(ok(await h.callAs('demo-worker', 'aid', 'renewals'))).toEqual([])
    // Still one application per child per programme year.
    expect(code(await h.callAs('demo-member', 'aid', 'submit', { ...(await applicationInput(h.store, 'demo-member')), renewalOf: first.id, child, payout: { bank: 'x' } }))).toBe('AID_ALREADY_APPLIED')
  })

  it('refuses a child funded the most years the programme allows, across unions, by the ID hash; stores nothing', async () => {
    const h = await cloudHarness()
    await aidDb(h.store).programmes.update({ _id: 'aid-hhht-2026' }, { set: { maxYears: 2 } })
    // Two funded years, one of them through another union's member (the same child's ID).
    const db = collections(h.store)
    await db.memberships.insert({ _id: 'ms-hm', openid: 'hm-member', unionId: 'hhht-hm-jz', memberNo: '150103000001', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
    await paid(h, (await submitted(h, {}, 'hm-member')).id, 'demo-hm-clerk')
    await intoLastYear(h, 2024)
    await paid(h, (await submitted(h, { child: { ...(await applicationInput(h.store, 'demo-member')).child, admissionYear: 2025 } })).id)
    await intoLastYear(h, 2025)
    const before = await aidDb(h.store).applications.count({})
    const again = await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member'))
    expect(again).toMatchObject({ ok: false, error: { code: 'AID_MAX_YEARS', message: '这名子女已获资助 2 年，本项目每名子女最多资助 2 年' } })
    expect(await aidDb(h.store).applications.count({})).toBe(before)
  })

  it('a programme for the newly admitted refuses an enrolled student and offers no renewal; a renewal must be one’s own funded one', async () => {
    const h = await cloudHarness()
    const first = await submitted(h)
    await paid(h, first.id)
    await intoLastYear(h)
    await aidDb(h.store).programmes.update({ _id: 'aid-hhht-2026' }, { set: { funds: 'new_only' } })
    expect(ok(await h.callAs('demo-member', 'aid', 'renewals'))).toEqual([])
    const base = await applicationInput(h.store, 'demo-member')
    const enrolled = await h.callAs('demo-member', 'aid', 'submit', { ...base, child: { ...base.child, admissionYear: 2025 } })
    expect(enrolled).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'child.admissionYear': '本项目只资助 2026 年新录取的学生' } } })
    await aidDb(h.store).programmes.update({ _id: 'aid-hhht-2026' }, { set: { funds: 'enrolled_too' } })
    await db2(h)
    const theirs = await applicationInput(h.store, 'hm-member')
    expect(code(await h.callAs('hm-member', 'aid', 'submit', { ...theirs, renewalOf: first.id }))).toBe('NOT_FOUND')
    // A renewal names the same child: another ID is refused.
    const other = await h.callAs('demo-member', 'aid', 'submit', { ...base, renewalOf: first.id, child: { ...base.child, admissionYear: 2025, idNumber: idFor('20070707', '182') } })
    expect(other).toMatchObject({ ok: false, error: { fields: { 'child.idNumber': '续申的子女身份证号与上一年度不一致' } } })
    expect(await aidDb(h.store).applications.count({ year: 2026 })).toBe(0)
  })
})

async function db2(h: Harness) {
  await collections(h.store).memberships.insert({ _id: 'ms-hm', openid: 'hm-member', unionId: 'hhht-hm-jz', memberNo: '150103000001', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
}

describe('aid #15: the home visit', () => {
  it('level two cannot approve before level one records it; then sees it; it is on the timeline and audited', async () => {
    const h = await cloudHarness()
    const { id } = await submitted(h)
    ok(await h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'verify' }))
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' }))).toBe('AID_VISIT_MISSING')
    expect(await aidDb(h.store).applications.get(id)).toMatchObject({ status: 'verified', amountFen: null })
    // Recorded while level one still has it.
    const next = await submitted(h, { child: { ...(await applicationInput(h.store, 'demo-member')).child, name: '张小芳', idNumber: idFor('20070707', '182') } })
    const visit = await visitInput(h.store, 'demo-clerk', next.id, { checks: { housing: true, members: true, income: false, enrolled: true } })
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'recordVisit', visit))).toBe('FORBIDDEN')
    expect(code(await h.callAs('demo-member', 'aid', 'recordVisit', visit))).toBe('FORBIDDEN')
    const seen = ok(await h.callAs('demo-clerk', 'aid', 'recordVisit', visit))
    expect(seen).toMatchObject({ homeVisit: { visitedOn: '2026-11-23', visitors: '王某某、李某某（示例）', checks: { income: false }, photos: visit.photos }, canVisit: true })
    expect(seen.timeline.find((s: { key: string }) => s.key === 'level_one').detail).toBe('入户核查 2026-11-23，1 项存疑')
    ok(await h.callAs('demo-clerk', 'aid', 'review', { applicationId: next.id, decision: 'verify' }))
    const [forLevelTwo] = ok(await h.callAs('demo-city-clerk', 'aid', 'reviewList', { status: 'verified' })).items.filter((a: { id: string }) => a.id === next.id)
    expect(forLevelTwo).toMatchObject({ homeVisit: { note: '家中陈设简陋，情况属实（示例）' }, canVisit: false })
    expect(code(await h.callAs('demo-clerk', 'aid', 'recordVisit', visit))).toBe('CONFLICT')
    expect(ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: next.id, decision: 'approve' })).status).toBe('approved')
    expect(await collections(h.store).audit.count({ action: 'aid.visit', 'target.id': next.id })).toBe(1)
  })

  it('a photo that is not an image, someone else’s upload, or a day in the future is refused and changes nothing', async () => {
    const h = await cloudHarness()
    const { id } = await submitted(h)
    const pdf = await fakeFile(h.store, 'demo-clerk', 'application/pdf')
    const refused = await h.callAs('demo-clerk', 'aid', 'recordVisit', await visitInput(h.store, 'demo-clerk', id, { photos: [pdf] }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_TYPE', message: '入户核查照片应为 JPG 或 PNG 图片' } })
    expect(code(await h.callAs('demo-clerk', 'aid', 'recordVisit', await visitInput(h.store, 'demo-clerk', id, { photos: [await fakeFile(h.store, 'demo-member')] })))).toBe('INVALID_INPUT')
    expect(code(await h.callAs('demo-clerk', 'aid', 'recordVisit', await visitInput(h.store, 'demo-clerk', id, { visitedOn: '2026-11-30' })))).toBe('INVALID_INPUT')
    expect(code(await h.callAs('demo-clerk', 'aid', 'recordVisit', await visitInput(h.store, 'demo-clerk', id, { checks: { housing: true } })))).toBe('INVALID_INPUT')
    expect((await aidDb(h.store).applications.get(id))!.homeVisit ?? null).toBeNull()
    expect(await collections(h.store).audit.count({ action: 'aid.visit' })).toBe(0)
  })

  it('level two may open the visit photos; a stranger may not; the daily purge keeps them', async () => {
    const h = await cloudHarness()
    const { id } = await submitted(h)
    const visit = await visitInput(h.store, 'demo-clerk', id)
    ok(await h.callAs('demo-clerk', 'aid', 'recordVisit', visit))
    const file = (await aidDb(h.store).files.get(visit.photos[0]))!
    const may = async (openid: string) => mayReadFile(h.store, await resolveCaller(h.store, { openid }), file)
    expect([await may('demo-clerk'), await may('demo-city-clerk'), await may('demo-hm-clerk'), await may('demo-member')]).toEqual([true, true, false, false])
    h.clock.advance(3 * DAY)
    const unused = await fakeFile(h.store, 'demo-clerk')
    await aidDb(h.store).files.update({ _id: unused }, { set: { createdAt: '2026-11-01T00:00:00.000Z' } })
    await aidDb(h.store).files.update({ _id: file._id }, { set: { createdAt: '2026-11-01T00:00:00.000Z' } })
    const purged = await dispatch('aid', functions.aid, { action: 'purgeExports', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat: h.wx?.wechat, logError: () => undefined })
    expect(purged).toMatchObject({ ok: true, data: { uploads: { ids: [unused] } } })
    expect(await aidDb(h.store).files.get(file._id)).not.toBeNull()
  })
})

describe('aid #15: the finance export', () => {
  it('one row per payout with amount, level and 建档 status; 农民工 and renewal marked', async () => {
    const h = await cloudHarness()
    const a = await submitted(h, { household: { ...(await applicationInput(h.store, 'demo-member')).household, migrantWorker: true } })
    await submitted(h, { child: { ...(await applicationInput(h.store, 'demo-member')).child, name: '张小芳', idNumber: idFor('20070707', '182') } })
    await paid(h, a.id)
    const out = ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026', rows: 'payouts' }))
    expect(out).toMatchObject({ rows: 1, filename: expect.stringContaining('发放') })
    const [header, row, ...rest] = exportedCsv(h, out).replace('\uFEFF', '').trimEnd().split('\r\n')
    expect(rest).toEqual([])
    const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '').replace(/^"(.*)"$/, '$1'))
    const cells = Object.fromEntries(split(header).map((k, i) => [k, split(row)[i]]))
    expect(cells).toMatchObject({ 申请编号: a.id, 学段: '本科', 建档状态: '建档', 核定金额: '¥5,000', 状态: '已发放', 农民工家庭: '是', 续申: '否' })
    expect(ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' })).rows).toBe(2)
  })
})
