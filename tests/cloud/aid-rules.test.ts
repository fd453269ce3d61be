import { aidDb } from '../../cloud/features/aid/collections'
import { collections } from '../../cloud/lib/collections'
import { cloudHarness } from '../helpers/cloud'
import { applicationInput, exportedCsv, idFor, code, ok, visitAndVerify } from '../helpers/aid'
import { describeOn } from '../helpers/store'

/** Rules of issue #7 the first suite (aid.test.ts) leaves out. */
type Harness = Awaited<ReturnType<typeof cloudHarness>>


async function submitted(h: Harness, over: Record<string, unknown> = {}) {
  return ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member', over))).id as string
}

describe('aid: what the programme funds', () => {
  it('a county programme that funds only 本科 for 低保户 refuses another level or category, storing nothing', async () => {
    const h = await cloudHarness()
    await aidDb(h.store).programmes.insert({
      _id: 'p-xc', unionId: 'hhht-xc', year: 2026, name: '新城区 2026（演示）', opensAt: '2026-10-31T16:00:00.000Z', closesAt: '2026-12-31T16:00:00.000Z',
      amounts: { undergraduate: 400000 }, categories: ['dibao'], requiredDocuments: ['admission_letter'], noticeDays: 7, exclusions: '', updatedAt: '2026-10-01T00:00:00.000Z',
    })
    // The nearest union's programme is the member's.
    expect(ok(await h.callAs('demo-member', 'aid', 'programme'))).toMatchObject({ id: 'p-xc', noticeDays: 7 })
    const base = await applicationInput(h.store, 'demo-member', { programmeId: 'p-xc' })
    const college = await h.callAs('demo-member', 'aid', 'submit', { ...base, child: { ...base.child, level: 'junior_college' } })
    expect(college).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'child.level': '本项目不资助该学段' } } })
    const edge = await h.callAs('demo-member', 'aid', 'submit', { ...base, household: { ...base.household, category: 'dibao_edge' } })
    expect(edge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'household.category': '本项目不资助该困难类别' } } })
    expect(await aidDb(h.store).applications.count({})).toBe(0)
    expect(ok(await h.callAs('demo-member', 'aid', 'submit', base))).toMatchObject({ status: 'submitted', programmeId: 'p-xc' })
  })

  it('approving without an amount grants the level’s standard; a zero amount is refused', async () => {
    const h = await cloudHarness()
    const id = await submitted(h, { child: { ...(await applicationInput(h.store, 'demo-member')).child, level: 'junior_college' } })
    ok(await visitAndVerify(h, id))
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve', amountFen: 0 }))).toBe('AID_AMOUNT_TOO_HIGH')
    expect(await aidDb(h.store).applications.get(id)).toMatchObject({ status: 'verified', amountFen: null })
    expect(ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' }))).toMatchObject({ status: 'approved', amountFen: 500000 })
  })
})

describe('aid: one change per step', () => {
  it('two level-one decisions racing on one application: one happens, the other is a conflict, one audit entry', async () => {
    const h = await cloudHarness()
    const id = await submitted(h)
    const results = await Promise.all([
      h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'verify' }),
      h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'send_back', note: '材料不清楚' }),
      h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'verify' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(code)).toEqual(['CONFLICT', 'CONFLICT'])
    const audit = await collections(h.store).audit.find({ 'target.id': id }, { limit: 1000 })
    expect(audit).toHaveLength(1)
    const doc = await aidDb(h.store).applications.get(id)
    expect(audit[0].action).toBe(doc!.status === 'verified' ? 'aid.verify' : 'aid.send_back')
  })

  it('a correction that names a child already applied for is refused and leaves the application returned', async () => {
    const h = await cloudHarness()
    const first = await submitted(h)
    const sibling = await applicationInput(h.store, 'demo-member', { child: { ...(await applicationInput(h.store, 'demo-member')).child, name: '张小红', idNumber: idFor('20071111', '246') } })
    const second = ok(await h.callAs('demo-member', 'aid', 'submit', sibling)).id as string
    ok(await h.callAs('demo-clerk', 'aid', 'review', { applicationId: second, decision: 'send_back', note: '请核对身份证号' }))
    const { programmeId: _p, idempotencyKey: _k, ...fields } = await applicationInput(h.store, 'demo-member')
    // The first child's ID again, on the sibling's application.
    expect(code(await h.callAs('demo-member', 'aid', 'correct', { applicationId: second, ...fields }))).toBe('AID_ALREADY_APPLIED')
    expect(await aidDb(h.store).applications.get(second)).toMatchObject({ status: 'returned', child: { name: '张小红' } })
    expect(await aidDb(h.store).applications.get(first)).toMatchObject({ status: 'submitted' })
    // Another member cannot correct it, even with a valid form.
    await collections(h.store).memberships.insert({ _id: 'ms-other', openid: 'other-member', unionId: 'hhht-xc-kd', memberNo: '150102000099', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
    const { programmeId: _p2, idempotencyKey: _k2, ...theirs } = await applicationInput(h.store, 'other-member', { child: { ...fields.child, idNumber: idFor('20060606', '135') } })
    expect(code(await h.callAs('other-member', 'aid', 'correct', { applicationId: second, ...theirs }))).toBe('NOT_FOUND')
    expect(await aidDb(h.store).applications.get(second)).toMatchObject({ status: 'returned', child: { name: '张小红' } })
  })
})

describe('aid: the notice and the export', () => {
  it('an objection is only taken while an entry is on notice, and is recorded for level two with the objector', async () => {
    const h = await cloudHarness()
    const id = await submitted(h)
    expect(code(await h.callAs('demo-worker', 'aid', 'object', { noticeId: id, text: '尚未公示' }))).toBe('NOT_FOUND')
    ok(await visitAndVerify(h, id))
    ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' }))
    expect(code(await h.callAs('demo-worker', 'aid', 'object', { noticeId: id, text: '   ' }))).toBe('INVALID_INPUT')
    ok(await h.callAs('demo-worker', 'aid', 'object', { noticeId: id, text: '该家庭有经营性收入（示例）', contact: '139****0000' }))
    expect(await aidDb(h.store).objections.find({ applicationId: id }, { limit: 1000 })).toEqual([
      expect.objectContaining({ text: '该家庭有经营性收入（示例）', contact: '139****0000', by: 'demo-worker', status: 'open', unionPath: ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'] }),
    ])
    const [view] = ok(await h.callAs('demo-city-clerk', 'aid', 'reviewList', {})).items
    expect(view).toMatchObject({ canResolve: true, objections: [expect.objectContaining({ status: 'open' })] })
  })

  it('the CSV defuses a cell a spreadsheet would run as a formula, and quotes commas and quotes', async () => {
    const h = await cloudHarness()
    const child = { ...(await applicationInput(h.store, 'demo-member')).child, name: '=HYPERLINK("x")', school: '大学,"示例"' }
    await submitted(h, { child })
    const csv = exportedCsv(h, ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' })))
    expect(csv.startsWith('\uFEFF申请编号,')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv).toContain('"大学,""示例"""')
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m)
  })
})

describeOn('wx', 'a WeChat database failure is not a business answer', () => {
  it('a transient failure storing an application is INTERNAL (not AID_ALREADY_APPLIED), stores nothing, and the retry works', async () => {
    const h = await cloudHarness()
    const input = await applicationInput(h.store, 'demo-member')
    h.server!.failNext({ action: 'database.insertDocument', collection: 'aidApplications', code: 'DATABASE_REQUEST_FAILED', message: '[InternalError] server busy' })
    expect(code(await h.callAs('demo-member', 'aid', 'submit', input))).toBe('INTERNAL')
    expect(await aidDb(h.store).applications.count({})).toBe(0)
    expect(ok(await h.callAs('demo-member', 'aid', 'submit', input))).toMatchObject({ status: 'submitted' })
  })
})

// #14 item 8: objections cannot hold up payment without limit.
describe('aid: objections come from signed-in people, one per entry, and level two closes several at once', () => {
  async function onNotice(h: Harness) {
    const id = await submitted(h)
    ok(await visitAndVerify(h, id))
    ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' }))
    return id
  }

  it('refuses an objection from nobody, and a second one from the same person, recording nothing', async () => {
    const h = await cloudHarness()
    const id = await onNotice(h)
    for (let i = 0; i < 3; i++) expect(code(await h.callAs(null, 'aid', 'object', { noticeId: id, text: `匿名异议${i}` }))).toBe('UNAUTHENTICATED')
    expect(await aidDb(h.store).objections.count({ applicationId: id })).toBe(0)
    ok(await h.callAs('demo-worker', 'aid', 'object', { noticeId: id, text: '第一次' }))
    const again = await h.callAs('demo-worker', 'aid', 'object', { noticeId: id, text: '第二次' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已对这条公示提出过异议') } })
    ok(await h.callAs('demo-newcomer', 'aid', 'object', { noticeId: id, text: '另一个人' }))
    expect((await aidDb(h.store).objections.find({ applicationId: id }, { limit: 1000 })).map((o) => o.text).sort()).toEqual(['另一个人', '第一次'])
  })

  it('level two dismisses several as unfounded at once; payment goes ahead; level one and strangers cannot', async () => {
    const h = await cloudHarness()
    const id = await onNotice(h)
    for (const who of ['demo-worker', 'demo-newcomer', 'demo-chair']) ok(await h.callAs(who, 'aid', 'object', { noticeId: id, text: `${who} 的异议` }))
    const ids = (await aidDb(h.store).objections.find({ applicationId: id }, { limit: 1000 })).map((o) => o._id)
    expect(code(await h.callAs('demo-clerk', 'aid', 'dismissObjections', { objectionIds: ids, note: '不成立' }))).toBe('FORBIDDEN')
    expect(code(await h.callAs('demo-hm-clerk', 'aid', 'dismissObjections', { objectionIds: ids, note: '不成立' }))).toBe('NOT_FOUND')
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'dismissObjections', { objectionIds: [], note: '不成立' }))).toBe('INVALID_INPUT')
    expect(await aidDb(h.store).objections.count({ applicationId: id, status: 'open' })).toBe(3)
    const view = ok(await h.callAs('demo-city-clerk', 'aid', 'dismissObjections', { objectionIds: ids.slice(0, 2), note: '经核实均不成立' }))
    expect(view.objections.map((o: { status: string }) => o.status).sort()).toEqual(['dismissed', 'dismissed', 'open'])
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'dismissObjections', { objectionIds: ids.slice(0, 2), note: '再来' }))).toBe('CONFLICT')
    ok(await h.callAs('demo-city-clerk', 'aid', 'dismissObjections', { objectionIds: [ids[2]], note: '不成立' }))
    expect(await aidDb(h.store).objections.count({ applicationId: id, status: 'dismissed' })).toBe(3)
    expect(await collections(h.store).audit.count({ action: 'aid.objection.dismissed' })).toBe(3)
    h.clock.advance(8 * 24 * 3600_000)
    expect(ok(await h.callAs('demo-city-clerk', 'aid', 'markPaid', { applicationId: id, paidOn: '2026-12-10', reference: 'PAY-1' }))).toMatchObject({ status: 'paid' })
  })
})
