import { aidDb } from '../../cloud/features/aid/collections'
import { mayReadFile } from '../../cloud/features/aid/files'
import { resolveCaller } from '../../cloud/lib/context'
import { collections } from '../../cloud/lib/collections'
import { applicationInput, code, ok, visitInput } from '../helpers/aid'
import { adminHarness, type AdminHarness } from '../helpers/admin'

/**
 * 金秋助学 reviewers (aid_reviewer, #16), on both stores: a reviewer acts at their one level on the
 * applications a clerk of their union would act on at that level, and sees and does nothing else.
 * demo-member's application sits at 示例速递 (hhht-xc-kd) under 新城区: level one is the union or
 * 新城区, level two 呼和浩特. Clerks keep working as before (tests/cloud/aid.test.ts).
 */
async function withReviewers() {
  const h = await adminHarness()
  // 张: level 1 at 新城区; 李: level 2 at 呼和浩特; 吴: level 2 at 新城区 (never level two for this application).
  await h.grantTo('demo-clerk', 'p-zhang', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
  await h.grantTo('demo-city-clerk', 'p-li', { kind: 'aid_reviewer', unionId: 'hhht', level: 2 })
  await h.grantTo('demo-clerk', 'p-wu', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 2 })
  const id = ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member'))).id as string
  return { ...h, id }
}

const review = (h: AdminHarness, who: string, applicationId: string, decision: string, extra: Record<string, unknown> = {}) => h.callAs(who, 'aid', 'review', { applicationId, decision, ...extra })
const listed = async (h: AdminHarness, who: string) => ok(await h.callAs(who, 'aid', 'reviewList', {})).items as Array<{ id: string; canAct: string[]; canResolve: boolean }>

describe('a 金秋助学 reviewer', () => {
  it('at level 1 verifies or sends back but cannot approve; at level 2 approves but cannot verify', async () => {
    const h = await withReviewers()
    expect((await listed(h, 'p-zhang')).map((a) => [a.id, a.canAct, a.canResolve])).toEqual([[h.id, ['verify', 'send_back'], false]])
    expect((await listed(h, 'p-li')).map((a) => [a.id, a.canAct, a.canResolve])).toEqual([[h.id, [], true]])

    expect(code(await review(h, 'p-li', h.id, 'verify'))).toBe('FORBIDDEN')
    // The home visit is level one's too (#15).
    expect(code(await h.callAs('p-li', 'aid', 'recordVisit', await visitInput(h.store, 'p-li', h.id)))).toBe('FORBIDDEN')
    // A second apart, so the audit reads back in the order they happened.
    ok(await h.callAs('p-zhang', 'aid', 'recordVisit', await visitInput(h.store, 'p-zhang', h.id)))
    h.clock.advance(1000)
    expect(ok(await review(h, 'p-zhang', h.id, 'verify')).status).toBe('verified')
    h.clock.advance(1000)
    expect(code(await review(h, 'p-zhang', h.id, 'approve'))).toBe('FORBIDDEN')
    expect(code(await review(h, 'p-zhang', h.id, 'reject', { note: '不符合' }))).toBe('FORBIDDEN')
    expect((await listed(h, 'p-li'))[0].canAct).toEqual(['approve', 'reject'])
    expect(ok(await review(h, 'p-li', h.id, 'approve', { amountFen: 500000 })).status).toBe('approved')
    // Payout after the notice is level two's too: the level-1 reviewer cannot.
    h.clock.set('2026-11-29T08:00:00.000Z')
    const pay = { applicationId: h.id, paidOn: '2026-11-29', reference: 'PAY-001' }
    expect(code(await h.callAs('p-zhang', 'aid', 'markPaid', pay))).toBe('FORBIDDEN')
    expect(ok(await h.callAs('p-li', 'aid', 'markPaid', pay)).status).toBe('paid')
    // Audited as the reviewers who acted.
    const audit = await collections(h.store).audit.find({ 'target.id': h.id }, { limit: 10, sort: { at: 1 } })
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['aid.visit', 'p-zhang'],
      ['aid.verify', 'p-zhang'],
      ['aid.approve', 'p-li'],
      ['aid.mark_paid', 'p-li'],
    ])
  })

  it('sees nothing at a level their union does not hold for an application, nor another subtree’s', async () => {
    const h = await withReviewers()
    // 新城区 is level one for this application, never level two: 吴 (level 2 at 新城区) sees nothing.
    expect(await listed(h, 'p-wu')).toEqual([])
    expect(code(await review(h, 'p-wu', h.id, 'verify'))).toBe('NOT_FOUND')
    // A level-1 reviewer of 回民区 sees nothing of 新城区's.
    await h.grantTo('demo-hm-clerk', 'p-hm', { kind: 'aid_reviewer', unionId: 'hhht-hm', level: 1 })
    expect(await listed(h, 'p-hm')).toEqual([])
    expect(code(await review(h, 'p-hm', h.id, 'send_back', { note: 'x' }))).toBe('NOT_FOUND')
  })

  it('does nothing but review: no join or transfer queue, no offers, no programmes, no invitations, no member codes', async () => {
    const h = await withReviewers()
    for (const who of ['p-zhang', 'p-li']) {
      expect(code(await h.callAs(who, 'review', 'queue', {}))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'review', 'posterUnions', {}))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'transfer', 'queue', { side: 'incoming' }))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'benefits', 'manageList', {}))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'aid', 'myProgrammes', {}))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'aid', 'saveProgramme', { unionId: 'hhht-xc', year: 2027, name: 'x', opensAt: '2027-07-01T00:00:00.000Z', closesAt: '2027-09-01T00:00:00.000Z', amounts: { undergraduate: { registered: 1, other: 1 } }, categories: ['dibao'], requiredDocuments: [] }))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'admin', 'staffRoles', {}))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'admin', 'merchants', {}))).toBe('FORBIDDEN')
      expect(code(await h.callAs(who, 'member', 'verifyCard', { token: 'x.y' }))).toBe('FORBIDDEN')
    }
  })

  it('exports and opens the documents only of the applications they review', async () => {
    const h = await withReviewers()
    const exported = ok(await h.callAs('p-zhang', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    expect(exported.rows).toBe(1)
    expect(ok(await h.callAs('p-wu', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' })).rows).toBe(0)
    const [application] = await aidDb(h.store).applications.find({}, { limit: 1 })
    const file = (await aidDb(h.store).files.get(application.documents[0].fileId))!
    expect(await mayReadFile(h.store, await resolveCaller(h.store, { openid: 'p-zhang' }), file)).toBe(true)
    expect(await mayReadFile(h.store, await resolveCaller(h.store, { openid: 'p-li' }), file)).toBe(true)
    expect(await mayReadFile(h.store, await resolveCaller(h.store, { openid: 'p-wu' }), file)).toBe(false)
    // Once revoked, nothing.
    const [role] = await collections(h.store).roles.find({ openid: 'p-zhang' }, { limit: 1 })
    ok(await h.call('demo-clerk', 'revokeRole', { roleId: role._id }))
    expect(await mayReadFile(h.store, await resolveCaller(h.store, { openid: 'p-zhang' }), file)).toBe(false)
    expect(code(await h.callAs('p-zhang', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))).toBe('FORBIDDEN')
  })
})
