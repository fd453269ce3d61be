import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { aidDb } from '../../cloud/features/aid/collections'
import { collections } from '../../cloud/lib/collections'
import { decrypt } from '../../cloud/lib/crypto'
import { cloudHarness } from '../helpers/cloud'
import { applicationInput, cardFor, code, exportedCsv, fakeFile, idFor, ok, visitAndVerify } from '../helpers/aid'

const DAY = 24 * 3600 * 1000
type Harness = Awaited<ReturnType<typeof cloudHarness>>

async function submit(h: Harness, over: Record<string, unknown> = {}, as = 'demo-member') {
  return h.callAs(as, 'aid', 'submit', await applicationInput(h.store, as, over))
}

/** Adds a second member in 回民区's grassroots union (a sibling subtree). */
async function addHmMember(h: Harness) {
  const db = collections(h.store)
  await db.people.insert({ _id: 'hm-member', displayName: '回民区会员（演示）', createdAt: '2026-01-01T00:00:00.000Z' })
  await db.memberships.insert({ _id: 'ms-hm', openid: 'hm-member', unionId: 'hhht-hm-jz', memberNo: '150103000001', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
}

describe('aid: programme and eligibility', () => {
  it('shows the member the city programme covering their union, and nothing to a non-member', async () => {
    const h = await cloudHarness()
    const p = ok(await h.callAs('demo-member', 'aid', 'programme'))
    expect(v.is(contract.aid.programme.output, p)).toBe(true)
    expect(p).toMatchObject({ id: 'aid-hhht-2026', unionName: '呼和浩特市总工会', window: 'open', noticeDays: 5 })
    expect(ok(await h.callAs('demo-worker', 'aid', 'programme'))).toBeNull()
  })

  it('lets staff save their own union programme, never another subtree', async () => {
    const h = await cloudHarness()
    const input = { unionId: 'hhht-xc', year: 2027, name: '2027 金秋助学（演示）', opensAt: '2027-07-01T00:00:00.000Z', closesAt: '2027-09-01T00:00:00.000Z', amounts: { undergraduate: { registered: 400000, other: 300000 } }, categories: ['dibao'], requiredDocuments: ['admission_letter'] }
    const saved = ok(await h.callAs('demo-clerk', 'aid', 'saveProgramme', input))
    expect(saved).toMatchObject({ noticeDays: 5, window: 'not_open' })
    expect(code(await h.callAs('demo-hm-clerk', 'aid', 'saveProgramme', input))).toBe('FORBIDDEN')
    expect(code(await h.callAs('demo-member', 'aid', 'saveProgramme', input))).toBe('FORBIDDEN')
    expect(code(await h.callAs('demo-clerk', 'aid', 'saveProgramme', { ...input, closesAt: input.opensAt }))).toBe('INVALID_INPUT')
    expect(await aidDb(h.store).programmes.count({ year: 2027 })).toBe(1)
    expect(ok(await h.callAs('demo-clerk', 'aid', 'myProgrammes')).map((p: { id: string }) => p.id)).toEqual([saved.id])
    expect(ok(await h.callAs('demo-city-clerk', 'aid', 'myProgrammes')).map((p: { id: string }) => p.id)).toEqual(['aid-hhht-2026'])
    expect(code(await h.callAs('demo-member', 'aid', 'myProgrammes'))).toBe('FORBIDDEN')
  })
})

describe('aid: submit', () => {
  it('stores a valid application sealed, masked and with per-capita income, and notifies', async () => {
    const h = await cloudHarness()
    const view = ok(await submit(h))
    expect(v.is(contract.aid.submit.output, view)).toBe(true)
    expect(view).toMatchObject({ status: 'submitted', child: { idMasked: '150102********1234'.replace('1234', view.child.idMasked.slice(-4)), age: 18 } })
    expect(view.household.perCapitaMonthlyFen).toBe(100000)
    expect(view.payout.cardMasked).toMatch(/^\*\*\*\* \d{4}$/)
    expect(view.timeline.map((s: { title: string }) => s.title)).toEqual(['已提交', '基层审核', '上级审批', '公示中', '已发放'])
    const [doc] = await aidDb(h.store).applications.find({}, { limit: 1000 })
    expect(JSON.stringify(doc)).not.toContain(idFor('20080510'))
    expect(JSON.stringify(doc)).not.toContain(cardFor())
    expect(decrypt(h.secrets.dataKey, doc.child.idSealed)).toBe(idFor('20080510'))
    expect(doc.unionPath).toEqual(['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'])
    expect(await collections(h.store).notifications.count({ openid: 'demo-member' })).toBe(1)
  })

  it('refuses outside the window: before it opens, at its close, not one ms before', async () => {
    const h = await cloudHarness('2026-10-31T15:59:59.999Z')
    expect(code(await submit(h))).toBe('AID_WINDOW_CLOSED')
    h.clock.set('2026-12-31T16:00:00.000Z')
    expect(code(await submit(h))).toBe('AID_WINDOW_CLOSED')
    expect(await aidDb(h.store).applications.count({})).toBe(0)
    h.clock.set('2026-12-31T15:59:59.999Z')
    expect(ok(await submit(h)).status).toBe('submitted')
  })

  it('refuses non-members and the programme of another subtree', async () => {
    const h = await cloudHarness()
    expect(code(await submit(h, {}, 'demo-worker'))).toBe('NOT_MEMBER')
    await aidDb(h.store).programmes.insert({ _id: 'p-hm', unionId: 'hhht-hm', year: 2026, name: 'x', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2027-01-01T00:00:00.000Z', amounts: { undergraduate: 1 }, categories: ['dibao'], requiredDocuments: [], noticeDays: 5, exclusions: '', updatedAt: '' })
    expect(code(await submit(h, { programmeId: 'p-hm' }))).toBe('AID_NO_PROGRAMME')
    expect(await aidDb(h.store).applications.count({})).toBe(0)
  })

  it('answers each bad input with a clear message and stores nothing', async () => {
    const h = await cloudHarness()
    const goodChild = (await applicationInput(h.store, 'demo-member')).child
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ child: { ...goodChild, idNumber: idFor('20080510').slice(0, 17) + (idFor('20080510').endsWith('1') ? '2' : '1') } }, 'child.idNumber', /校验位/],
      [{ child: { ...goodChild, idNumber: idFor('20230510') } }, 'child.idNumber', /3 岁/],
      [{ household: { size: 3, annualIncomeFen: -1, category: 'dibao', description: 'x' } }, 'household.annualIncomeFen', /不能为负数/],
      [{ household: { size: 0, annualIncomeFen: 0, category: 'dibao', description: 'x' } }, 'household.size', /至少为 1/],
      [{ payout: { bank: '示例银行', cardNumber: '6222020000000001' + '0' } }, 'payout.cardNumber', /./],
      [{ consents: { sensitive: false } }, 'consents.sensitive', /敏感/],
      [{ child: { ...goodChild, admissionYear: 2027 } }, 'child.admissionYear', /2026/],
    ]
    for (const [over, field, message] of cases) {
      const result = await submit(h, over)
      expect(code(result)).toBe('INVALID_INPUT')
      expect((result as { error: { fields: Record<string, string> } }).error.fields[field]).toMatch(message)
    }
    expect(await aidDb(h.store).applications.count({})).toBe(0)
  })

  it('requires every document the programme names, owned by the applicant', async () => {
    const h = await cloudHarness()
    const input = await applicationInput(h.store, 'demo-member')
    const missing = await h.callAs('demo-member', 'aid', 'submit', { ...input, documents: input.documents.slice(0, 1) })
    expect(code(missing)).toBe('AID_DOCUMENTS_MISSING')
    const othersFile = await fakeFile(h.store, 'demo-worker')
    const stolen = await h.callAs('demo-member', 'aid', 'submit', { ...input, documents: [input.documents[0], { kind: 'hardship_proof', fileId: othersFile }] })
    expect(code(stolen)).toBe('AID_DOCUMENTS_MISSING')
    expect(await aidDb(h.store).applications.count({})).toBe(0)
  })

  it('asks a guardian to consent for a child under 14 (a high-school child of 13)', async () => {
    const h = await cloudHarness()
    const child = { ...(await applicationInput(h.store, 'demo-member')).child, idNumber: idFor('20130101'), level: 'high_school' }
    expect((await submit(h, { child })) as unknown).toMatchObject({ ok: false, error: { fields: { 'consents.guardian': expect.any(String) } } })
    expect(ok(await submit(h, { child, consents: { sensitive: true, guardian: true } })).child.age).toBe(13)
  })

  it('takes one application per child per year across unions; a retried submission is the same one', async () => {
    const h = await cloudHarness()
    await addHmMember(h)
    const input = await applicationInput(h.store, 'demo-member')
    const first = ok(await h.callAs('demo-member', 'aid', 'submit', input))
    expect(ok(await h.callAs('demo-member', 'aid', 'submit', input)).id).toBe(first.id)
    const other = await applicationInput(h.store, 'hm-member', { child: { ...input.child, name: '张小明' } })
    expect(code(await h.callAs('hm-member', 'aid', 'submit', other))).toBe('AID_ALREADY_APPLIED')
    expect(await aidDb(h.store).applications.count({})).toBe(1)
  })

  it('lets only one of ten concurrent submissions for one child through', async () => {
    const h = await cloudHarness()
    const inputs = await Promise.all(Array.from({ length: 10 }, () => applicationInput(h.store, 'demo-member')))
    const results = await Promise.all(inputs.map((i) => h.callAs('demo-member', 'aid', 'submit', i)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(code)).toEqual(Array(9).fill('AID_ALREADY_APPLIED'))
  })
})

describe('aid: review, notice, payout', () => {
  async function submitted(h: Harness) {
    return ok(await submit(h)).id as string
  }

  it('runs the whole chain with the clock: verify, approve, notice until day 5, then paid', async () => {
    const h = await cloudHarness()
    const id = await submitted(h)
    // City staff are not level one; level-one staff cannot approve.
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'verify' }))).toBe('FORBIDDEN')
    const verified = ok(await visitAndVerify(h, id))
    expect(v.is(contract.aid.review.output, verified)).toBe(true)
    expect(verified.status).toBe('verified')
    expect(code(await h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' }))).toBe('FORBIDDEN')
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve', amountFen: 500001 }))).toBe('AID_AMOUNT_TOO_HIGH')
    const approved = ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve', amountFen: 500000 }))
    expect(approved).toMatchObject({ status: 'approved', amountFen: 500000, noticeEndsAt: '2026-11-28T08:00:00.000Z' })

    const notice = ok(await h.callAs(null, 'aid', 'notice'))
    expect(v.is(contract.aid.notice.output, notice)).toBe(true)
    expect(notice).toEqual({ items: [expect.objectContaining({ maskedName: '张*明', school: '内蒙古大学（示例）', amountFen: 500000 })], nextCursor: null })
    expect(JSON.stringify(notice)).not.toContain('张小明')

    const pay = { applicationId: id, paidOn: '2026-11-28', reference: 'PAY-001' }
    h.clock.set('2026-11-28T07:59:59.999Z')
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'markPaid', pay))).toBe('AID_NOTICE_RUNNING')
    h.clock.set('2026-11-28T08:00:00.000Z')
    expect(ok(await h.callAs(null, 'aid', 'notice'))).toEqual({ items: [], nextCursor: null })
    expect(code(await h.callAs('demo-hm-clerk', 'aid', 'markPaid', pay))).toBe('NOT_FOUND')
    const paid = ok(await h.callAs('demo-city-clerk', 'aid', 'markPaid', pay))
    expect(paid).toMatchObject({ status: 'paid', paidAt: '2026-11-28', paidReference: 'PAY-001' })
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'markPaid', pay))).toBe('CONFLICT')

    const [mine] = ok(await h.callAs('demo-member', 'aid', 'mine'))
    expect(mine.timeline.every((s: { state: string }) => s.state === 'done')).toBe(true)
    // The home visit, verify, approve, paid.
    expect(await collections(h.store).audit.count({ 'target.id': id })).toBe(4)
    expect(await collections(h.store).notifications.count({ openid: 'demo-member' })).toBe(4)
  })

  it('sends back with a note, the parent corrects, and it goes to level one again', async () => {
    const h = await cloudHarness()
    const id = await submitted(h)
    expect(code(await h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'send_back' }))).toBe('INVALID_INPUT')
    const back = ok(await h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'send_back', note: '录取通知书不清晰' }))
    expect(back.status).toBe('returned')
    const [mine] = ok(await h.callAs('demo-member', 'aid', 'mine'))
    expect(mine.timeline[1]).toMatchObject({ title: '退回修改', state: 'stopped', detail: '录取通知书不清晰' })
    const { programmeId: _p, idempotencyKey: _k, ...fields } = await applicationInput(h.store, 'demo-member')
    expect(code(await h.callAs('demo-worker', 'aid', 'correct', { applicationId: id, ...fields }))).toBe('NOT_MEMBER')
    const again = ok(await h.callAs('demo-member', 'aid', 'correct', { applicationId: id, ...fields }))
    expect(again).toMatchObject({ status: 'submitted', returnNote: '录取通知书不清晰' })
    expect(code(await h.callAs('demo-member', 'aid', 'correct', { applicationId: id, ...fields }))).toBe('CONFLICT')
  })

  it('rejects with a reason, shown on the timeline', async () => {
    const h = await cloudHarness()
    const id = await submitted(h)
    ok(await visitAndVerify(h, id))
    ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'reject', note: '已获政府同类资助' }))
    const [mine] = ok(await h.callAs('demo-member', 'aid', 'mine'))
    expect(mine.timeline.find((s: { state: string }) => s.state === 'stopped')).toMatchObject({ title: '未通过', detail: '已获政府同类资助' })
  })

  it('hides applications from staff of other subtrees and from members', async () => {
    const h = await cloudHarness()
    const id = await submitted(h)
    expect(ok(await h.callAs('demo-hm-clerk', 'aid', 'reviewList', {}))).toEqual({ items: [], nextCursor: null })
    expect(code(await h.callAs('demo-hm-clerk', 'aid', 'review', { applicationId: id, decision: 'verify' }))).toBe('NOT_FOUND')
    expect(code(await h.callAs('demo-member', 'aid', 'reviewList', {}))).toBe('FORBIDDEN')
    const list = ok(await h.callAs('demo-clerk', 'aid', 'reviewList', {})).items
    expect(list.map((a: { id: string; canAct: string[]; canResolve: boolean }) => [a.id, a.canAct, a.canResolve])).toEqual([[id, ['verify', 'send_back'], false]])
    expect(ok(await h.callAs('demo-city-clerk', 'aid', 'reviewList', {})).items[0]).toMatchObject({ canAct: [], canResolve: true })
  })

  it('records objections; an open one blocks payout, an upheld one ends in 未通过', async () => {
    const h = await cloudHarness()
    const id = await submitted(h)
    ok(await visitAndVerify(h, id))
    ok(await h.callAs('demo-city-clerk', 'aid', 'review', { applicationId: id, decision: 'approve' }))
    expect(ok(await h.callAs('demo-worker', 'aid', 'object', { noticeId: id, text: '该家庭有经营性收入（示例）' }))).toEqual({ received: true })
    h.clock.advance(5 * DAY)
    expect(code(await h.callAs('demo-newcomer', 'aid', 'object', { noticeId: id, text: '晚了' }))).toBe('NOT_FOUND')
    expect(code(await h.callAs('demo-city-clerk', 'aid', 'markPaid', { applicationId: id, paidOn: '2026-11-28', reference: 'R1' }))).toBe('AID_OBJECTION_OPEN')
    const [staffView] = ok(await h.callAs('demo-city-clerk', 'aid', 'reviewList', {})).items
    expect(code(await h.callAs('demo-clerk', 'aid', 'resolveObjection', { objectionId: staffView.objections[0].id, uphold: true, note: '核实' }))).toBe('FORBIDDEN')
    const after = ok(await h.callAs('demo-city-clerk', 'aid', 'resolveObjection', { objectionId: staffView.objections[0].id, uphold: true, note: '经核实有经营收入' }))
    expect(after).toMatchObject({ status: 'rejected', rejectReason: expect.stringContaining('经核实有经营收入') })
  })

  it('exports a programme as CSV with masked IDs, only what the caller reviews', async () => {
    const h = await cloudHarness()
    await submitted(h)
    const out = ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    expect(out.rows).toBe(1)
    expect(exportedCsv(h, out)).toContain('150102********')
    expect(exportedCsv(h, out)).not.toContain(idFor('20080510'))
    expect(ok(await h.callAs('demo-hm-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' })).rows).toBe(0)
    expect(code(await h.callAs('demo-member', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))).toBe('FORBIDDEN')
  })
})
