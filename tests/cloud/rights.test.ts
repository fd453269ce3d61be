import * as v from 'valibot'
import { randomUUID } from 'node:crypto'
import { contract } from '../../domain/contract'
import { aidDb } from '../../cloud/features/aid/collections'
import { joinDb } from '../../cloud/features/join/collections'
import { rightsDb } from '../../cloud/features/rights/collections'
import { collections } from '../../cloud/lib/collections'
import { cloudHarness } from '../helpers/cloud'
import { applicationInput, code, ok } from '../helpers/aid'
import { joinForm } from '../helpers/join'

/**
 * A person's rights over their data (个人信息保护法 arts. 44–47): 我的 → 个人信息 and the requests it
 * sends, on both stores. Who may ask (only the person, about their own records), who may answer (staff
 * of the record's union or a union above), what takes effect at once, what the union confirms, what is
 * kept, and that every step is audited.
 */
type Harness = Awaited<ReturnType<typeof cloudHarness>>

const key = () => randomUUID()
const ask = (h: Harness, as: string, data: Record<string, unknown>) => h.callAs(as, 'member', 'requestRights', { idempotencyKey: key(), ...data })
const myData = async (h: Harness, as: string) => {
  const data = ok(await h.callAs(as, 'member', 'myData', {}))
  expect(v.safeParse(contract.member.myData.output, data).success).toBe(true)
  return data
}
const queue = async (h: Harness, as: string) => ok(await h.callAs(as, 'review', 'rightsQueue', {}))
const answer = (h: Harness, as: string, requestId: string, decision: 'confirm' | 'refuse', text?: string) =>
  h.callAs(as, 'review', 'answerRights', { requestId, decision, ...(text ? { answer: text } : {}) })
const audits = (h: Harness, action: string) => collections(h.store).audit.find({ action }, { limit: 100 })

/** The worker applies to 示例速递 (pending); returns the application id. */
async function workerApplies(h: Harness, over: Record<string, unknown> = {}): Promise<string> {
  const app = ok(await h.callAs('demo-worker', 'member', 'join', joinForm(over)))
  return app.id as string
}

/** The worker applies and the 新城区 clerk approves: the worker is a member with an application on file. */
async function workerJoins(h: Harness): Promise<string> {
  const id = await workerApplies(h)
  ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: id }))
  return id
}

describe('member.myData: what the union holds, masked', () => {
  it('shows the application with the ID number and phone masked, never in clear', async () => {
    const h = await cloudHarness()
    await workerJoins(h)
    const data = await myData(h, 'demo-worker')
    expect(data.membership).toMatchObject({ union: { id: 'hhht-xc-kd' }, transferring: false })
    const [app] = data.joinApplications
    expect(app).toMatchObject({ status: 'approved', phoneMasked: '138****8000', correctable: true, deletion: { deletable: false } })
    expect(app.idMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/)
    expect(JSON.stringify(data)).not.toContain('13800138000')
    expect(JSON.stringify(data)).not.toContain(joinForm().idNumber)
  })

  it('a member recorded before online joining has a membership and no application; a stranger has nothing', async () => {
    const h = await cloudHarness()
    const member = await myData(h, 'demo-member')
    expect(member).toMatchObject({ membership: { memberNo: '150102000001' }, joinApplications: [], aidApplications: [], requests: [] })
    expect(await myData(h, 'o-stranger')).toMatchObject({ person: { displayName: '微信用户' }, membership: null, joinApplications: [] })
  })

  it('needs a signed-in caller', async () => {
    const h = await cloudHarness()
    expect(code(await h.callAs(null, 'member', 'myData', {}))).toBe('UNAUTHENTICATED')
    expect(code(await h.callAs(null, 'member', 'requestRights', { idempotencyKey: key(), type: 'withdraw_location' }))).toBe('UNAUTHENTICATED')
  })
})

describe('correcting', () => {
  it('the phone number changes at once, is answered and audited masked', async () => {
    const h = await cloudHarness()
    const id = await workerJoins(h)
    const request = ok(await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'phone', value: '13900139000' }))
    expect(v.safeParse(contract.member.requestRights.output, request).success).toBe(true)
    expect(request).toMatchObject({ status: 'done', fieldName: '手机号', value: '139****9000', answer: expect.stringContaining('139****9000') })
    expect((await joinDb(h.store).applications.get(id))?.phone).toBe('13900139000')
    const [audit] = await audits(h, 'rights.correct')
    expect(audit).toMatchObject({ actor: 'demo-worker', before: { phone: '138****8000' }, after: { phone: '139****9000' } })
    expect(JSON.stringify(await collections(h.store).audit.find({}, { limit: 100 }))).not.toContain('13900139000')
    // Not in any queue: nothing for the union to answer.
    expect((await queue(h, 'demo-clerk')).total).toBe(0)
  })

  it('a wrong value or an uncorrectable field is refused with the form’s own message', async () => {
    const h = await cloudHarness()
    const id = await workerJoins(h)
    const bad = await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'phone', value: '12345' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('手机号') } })
    expect(code(await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'idNumber', value: '110105199001011234' }))).toBe('INVALID_INPUT')
    expect(code(await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'ethnicity', value: '火星族' }))).toBe('INVALID_INPUT')
    expect(await rightsDb(h.store).requests.count({})).toBe(0)
  })

  it('the employer is the union’s to confirm: queued in its subtree only, applied on confirmation, the person told', async () => {
    const h = await cloudHarness()
    const id = await workerJoins(h)
    const request = ok(await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'employer', value: '示例物流（演示）有限公司', note: '公司改名' }))
    expect(request).toMatchObject({ status: 'pending', statusName: '待工会答复' })
    expect((await joinDb(h.store).applications.get(id))?.employer).toBe('示例速递（演示）有限公司')

    // 新城区 and 呼和浩特 see it; 回民区 (another subtree) does not, and cannot answer it.
    const seen = await queue(h, 'demo-clerk')
    expect(v.safeParse(contract.review.rightsQueue.output, seen).success).toBe(true)
    expect(seen).toMatchObject({ total: 1, items: [{ id: request.id, person: { name: '张三', memberNo: expect.any(String) }, union: { id: 'hhht-xc-kd' }, current: '示例速递（演示）有限公司', value: '示例物流（演示）有限公司' }] })
    expect((await queue(h, 'demo-city-clerk')).total).toBe(1)
    expect((await queue(h, 'demo-hm-clerk')).total).toBe(0)
    expect(code(await answer(h, 'demo-hm-clerk', request.id, 'confirm'))).toBe('NOT_FOUND')
    // Nobody but staff answers: not the person, not a merchant clerk.
    expect(code(await answer(h, 'demo-worker', request.id, 'confirm'))).toBe('FORBIDDEN')
    expect(code(await answer(h, 'demo-merchant', request.id, 'confirm'))).toBe('FORBIDDEN')

    const done = ok(await answer(h, 'demo-clerk', request.id, 'confirm'))
    expect(done).toMatchObject({ status: 'done', answer: expect.stringContaining('工作单位已更正') })
    expect((await joinDb(h.store).applications.get(id))?.employer).toBe('示例物流（演示）有限公司')
    expect(code(await answer(h, 'demo-city-clerk', request.id, 'confirm'))).toBe('RIGHTS_ANSWERED')
    expect(await collections(h.store).notifications.count({ openid: 'demo-worker', title: '你的个人信息请求已办结' })).toBe(1)
    expect((await myData(h, 'demo-worker')).requests[0]).toMatchObject({ id: request.id, status: 'done' })
    expect((await audits(h, 'rights.answer')).map((a) => a.actor)).toEqual(['demo-clerk'])
  })

  it('one open request per kind and record; the same key sent twice is one request', async () => {
    const h = await cloudHarness()
    const id = await workerJoins(h)
    const sameKey = key()
    const data = { idempotencyKey: sameKey, type: 'correct_join', applicationId: id, field: 'name', value: '张叁' }
    const [a, b] = await Promise.all([h.callAs('demo-worker', 'member', 'requestRights', data), h.callAs('demo-worker', 'member', 'requestRights', data)])
    expect(ok(a).id).toBe(ok(b).id)
    expect(code(await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'name', value: '张叁' }))).toBe('RIGHTS_PENDING')
    expect(await rightsDb(h.store).requests.count({})).toBe(1)
    expect((await audits(h, 'rights.request')).length).toBe(1)
  })

  it('only the person’s own records: another person’s application is not found', async () => {
    const h = await cloudHarness()
    const id = await workerJoins(h)
    expect(code(await ask(h, 'demo-member', { type: 'correct_join', applicationId: id, field: 'phone', value: '13900139000' }))).toBe('NOT_FOUND')
    expect(code(await ask(h, 'demo-member', { type: 'delete_join', applicationId: id }))).toBe('NOT_FOUND')
  })

  it('a refusal needs a reason, which the person reads', async () => {
    const h = await cloudHarness()
    const id = await workerJoins(h)
    const request = ok(await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'hukou', value: '城镇' }))
    expect(code(await answer(h, 'demo-clerk', request.id, 'refuse'))).toBe('INVALID_INPUT')
    const refused = ok(await answer(h, 'demo-clerk', request.id, 'refuse', '请携带户口簿到工会办理'))
    expect(refused).toMatchObject({ status: 'refused', answer: '请携带户口簿到工会办理' })
    expect((await joinDb(h.store).applications.get(id))?.hukou).toBe('农村')
    // Answered: a new request for the same may be made.
    expect(ok(await ask(h, 'demo-worker', { type: 'correct_join', applicationId: id, field: 'hukou', value: '城镇' })).status).toBe('pending')
  })
})

describe('withdrawing a consent and deleting', () => {
  it('a pending join application is withdrawn at once, frees the ID number, and may then be deleted on confirmation', async () => {
    const h = await cloudHarness()
    const id = await workerApplies(h)
    const withdrawn = ok(await ask(h, 'demo-worker', { type: 'withdraw_join', applicationId: id }))
    expect(withdrawn).toMatchObject({ status: 'done', answer: expect.stringContaining('已撤回') })
    expect(await joinDb(h.store).applications.get(id)).toMatchObject({ status: 'withdrawn', consents: { withdrawnAt: expect.any(String) } })
    expect(ok(await h.callAs('demo-clerk', 'review', 'queue', {}))).toMatchObject({ total: 0 })
    expect((await myData(h, 'demo-worker')).joinApplications[0]).toMatchObject({ status: 'withdrawn', deletion: { deletable: true } })
    // The ID number and the account are free again.
    const again = ok(await h.callAs('demo-worker', 'member', 'join', joinForm()))
    expect(again.status).toBe('pending')

    const deletion = ok(await ask(h, 'demo-worker', { type: 'delete_join', applicationId: id }))
    expect(deletion.status).toBe('pending')
    expect(ok(await answer(h, 'demo-clerk', deletion.id, 'confirm')).status).toBe('done')
    expect(await joinDb(h.store).applications.get(id)).toBeNull()
    expect((await audits(h, 'rights.delete')).length).toBe(1)
  })

  it('the member’s file is kept: deleting an approved application, or withdrawing it, is refused in words', async () => {
    const h = await cloudHarness()
    const id = await workerJoins(h)
    expect(await ask(h, 'demo-worker', { type: 'delete_join', applicationId: id })).toMatchObject({ ok: false, error: { code: 'RIGHTS_KEPT', message: expect.stringContaining('会员档案') } })
    expect(await ask(h, 'demo-worker', { type: 'withdraw_join', applicationId: id })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED', message: expect.stringContaining('退会') } })
    expect(await joinDb(h.store).applications.get(id)).toMatchObject({ status: 'approved' })
  })

  it('withdrawing the aid consent withdraws an application in progress; its details and files may then be deleted', async () => {
    const h = await cloudHarness()
    const app = ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    const before = (await myData(h, 'demo-member')).aidApplications[0]
    expect(before).toMatchObject({ status: 'submitted', deletion: { deletable: false }, withdrawalEffect: expect.stringContaining('撤回') })
    expect(JSON.stringify(before)).not.toMatch(/6222020000000000\d/)

    expect(ok(await ask(h, 'demo-member', { type: 'withdraw_aid', applicationId: app.id })).status).toBe('done')
    const stored = await aidDb(h.store).applications.get(app.id)
    expect(stored).toMatchObject({ status: 'withdrawn', consents: { withdrawnAt: expect.any(String) } })
    // No longer reviewable.
    expect((await h.callAs('demo-clerk', 'aid', 'review', { applicationId: app.id, decision: 'verify' })).ok).toBe(false)
    expect((await aidDb(h.store).applications.get(app.id))?.status).toBe('withdrawn')
    const mine = ok(await h.callAs('demo-member', 'aid', 'mine'))
    expect(mine[0].timeline.some((s: { title: string }) => s.title === '已撤回')).toBe(true)

    const deletion = ok(await ask(h, 'demo-member', { type: 'delete_aid', applicationId: app.id }))
    expect((await queue(h, 'demo-clerk')).items.map((i: { id: string }) => i.id)).toEqual([deletion.id])
    expect(ok(await answer(h, 'demo-clerk', deletion.id, 'confirm')).status).toBe('done')
    const erased = await aidDb(h.store).applications.get(app.id)
    expect(erased).toMatchObject({ erasedAt: expect.any(String), documents: [], fileIds: [], payout: { cardSealed: '', cardMasked: '' }, child: { idSealed: '', name: '（已删除）' }, household: { description: '' } })
    expect(erased?.childKey).toBe(stored?.childKey) // one application per child and year still holds
    expect(await aidDb(h.store).files.count({ owner: 'demo-member' })).toBe(0)
    expect((await myData(h, 'demo-member')).aidApplications[0]).toMatchObject({ erased: true, deletion: { deletable: false } })
    expect(code(await ask(h, 'demo-member', { type: 'delete_aid', applicationId: app.id }))).toBe('RIGHTS_KEPT')
  })

  it('paid aid is kept by the finance rules: deletion refused, withdrawing only records it', async () => {
    const h = await cloudHarness()
    const app = ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    await aidDb(h.store).applications.update({ _id: app.id }, { set: { status: 'paid' } })
    expect(await ask(h, 'demo-member', { type: 'delete_aid', applicationId: app.id })).toMatchObject({ ok: false, error: { code: 'RIGHTS_KEPT', message: expect.stringContaining('财务') } })
    const withdrawn = ok(await ask(h, 'demo-member', { type: 'withdraw_aid', applicationId: app.id }))
    expect(withdrawn).toMatchObject({ status: 'done', answer: expect.stringContaining('已发放') })
    expect(await aidDb(h.store).applications.get(app.id)).toMatchObject({ status: 'paid', consents: { withdrawnAt: expect.any(String) } })
  })

  it('the privacy agreement and messages: withdrawn and deleted at once', async () => {
    const h = await cloudHarness()
    await h.callAs('demo-worker', 'member', 'agreePrivacy', { version: '2026-12' })
    await workerJoins(h)
    expect(await collections(h.store).notifications.count({ openid: 'demo-worker' })).toBeGreaterThan(0)
    expect(ok(await ask(h, 'demo-worker', { type: 'withdraw_privacy' })).status).toBe('done')
    expect(ok(await h.callAs('demo-worker', 'member', 'profile', {})).privacyAgreedVersion).toBeNull()
    expect((await myData(h, 'demo-worker')).person.privacyWithdrawnAt).toEqual(expect.any(String))
    expect(ok(await ask(h, 'demo-worker', { type: 'delete_messages' })).status).toBe('done')
    expect(await collections(h.store).notifications.count({ openid: 'demo-worker' })).toBe(0)
    expect(ok(await ask(h, 'demo-worker', { type: 'withdraw_location' })).answer).toContain('位置')
    expect((await audits(h, 'rights.request')).length).toBe(3)
  })
})

describe('leaving the union (退会)', () => {
  it('is a request the union confirms; the membership becomes history and the person may join again', async () => {
    const h = await cloudHarness()
    await workerJoins(h)
    const memberNo = ok(await h.callAs('demo-worker', 'member', 'profile', {})).membership.memberNo
    const request = ok(await ask(h, 'demo-worker', { type: 'leave', note: '换到外地工作' }))
    expect(request).toMatchObject({ status: 'pending', typeName: '申请退会' })
    expect(code(await ask(h, 'demo-worker', { type: 'leave' }))).toBe('RIGHTS_PENDING')
    expect(code(await answer(h, 'demo-hm-clerk', request.id, 'confirm'))).toBe('NOT_FOUND')

    expect(ok(await answer(h, 'demo-city-clerk', request.id, 'confirm')).status).toBe('done')
    expect(ok(await h.callAs('demo-worker', 'member', 'profile', {})).membership).toBeNull()
    expect(code(await h.callAs('demo-worker', 'member', 'card', {}))).toBe('NOT_MEMBER')
    const data = await myData(h, 'demo-worker')
    expect(data.formerMemberships).toEqual([expect.objectContaining({ memberNo, union: expect.objectContaining({ id: 'hhht-xc-kd' }) })])
    expect(data.joinApplications[0]).toMatchObject({ status: 'approved', deletion: { deletable: false } })
    expect((await audits(h, 'rights.leave')).map((a) => a.actor)).toEqual(['demo-city-clerk'])

    // Joining again later: the ID number is free, the old number stays with the history.
    const again = ok(await h.callAs('demo-worker', 'member', 'join', joinForm()))
    expect(again.status).toBe('pending')
  })

  it('not while a transfer is under way, and not for a non-member', async () => {
    const h = await cloudHarness()
    ok(await h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'employee', idempotencyKey: key() }))
    expect(code(await ask(h, 'demo-member', { type: 'leave' }))).toBe('TRANSFER_IN_PROGRESS')
    expect(code(await ask(h, 'demo-worker', { type: 'leave' }))).toBe('NOT_MEMBER')
  })

  it('a confirmation that stopped half-way (copy made, membership not yet removed) is finished by answering again', async () => {
    const h = await cloudHarness()
    const request = ok(await ask(h, 'demo-member', { type: 'leave' }))
    // As if the function died after taking the request and copying the membership.
    await rightsDb(h.store).requests.update({ _id: request.id }, { set: { status: 'processing', answeredBy: 'demo-clerk', answeredAt: '2026-11-23T08:00:00.000Z' } })
    const membership = (await collections(h.store).memberships.get('ms-demo-member'))!
    await rightsDb(h.store).formerMemberships.insert({ _id: membership._id, openid: membership.openid, unionId: membership.unionId, memberNo: membership.memberNo, joinedAt: membership.joinedAt, leftAt: '2026-11-23T08:00:00.000Z', requestId: request.id })
    expect((await myData(h, 'demo-member')).requests[0].status).toBe('processing')
    expect(code(await answer(h, 'demo-clerk', request.id, 'refuse', '不同意'))).toBe('CONFLICT')
    expect(ok(await answer(h, 'demo-clerk', request.id, 'confirm')).status).toBe('done')
    expect(await collections(h.store).memberships.get('ms-demo-member')).toBeNull()
    expect(await rightsDb(h.store).formerMemberships.count({ openid: 'demo-member' })).toBe(1)
  })
})
