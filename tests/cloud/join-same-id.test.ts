import * as v from 'valibot'
import type { ApplicationDoc } from '../../cloud/features/join/collections'
import { submitApplication } from '../../cloud/features/join/submit'
import { createContext, resolveCaller } from '../../cloud/lib/context'
import { contract } from '../../domain/contract'
import { joinDb } from '../../cloud/features/join/collections'
import { ID_PROBES_PER_DAY } from '../../cloud/features/join/probes'
import { collections, type NotificationDoc } from '../../cloud/lib/collections'
import { SCHEDULE } from '../../cloud/functions/schedule'
import { APPLICATION_LAPSE_DAYS, SAME_ID_APPROVED_REASON } from '../../domain/join/lapse'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { runJob } from '../../server/schedule'
import { cloudHarness } from '../helpers/cloud'
import { before } from '../helpers/rival'
import { joinForm } from '../helpers/join'

/**
 * #14 item 4: an ID number held by a stranger. A pending application does not lock its ID number:
 * its owner may still apply, the clerk sees both side by side and decides, approving one refuses the
 * others (also when two clerks approve two at once), and what nobody decides lapses.
 */
type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } }
type QueueItem = { id: string; sameIdCount: number; idGroup: string | null }

async function ok<T = Record<string, unknown>>(promise: Promise<Answer>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(`${result.error?.code}: ${result.error?.message}`)
  return result.data as T
}

const DAY = 24 * 3600_000
const lapseJob = SCHEDULE.find((job) => job.fn === 'member' && job.action === 'lapseApplications')!
const runLapse = (h: Harness) => runJob(lapseJob, { store: h.store, clock: h.clock, secrets: h.secrets, logError: () => undefined })
const appOf = (h: Harness, id: string) => joinDb(h.store).applications.get(id) as Promise<ApplicationDoc>
const notesOf = (h: Harness, openid: string) => h.store.collection<NotificationDoc>('notifications').find({ openid }, { limit: 100 })
const queueOf = async (h: Harness, clerk: string) => (await ok<{ items: QueueItem[] }>(h.callAs(clerk, 'review', 'queue', {}))).items

/** A stranger applies with the owner's ID number first, then the owner does. */
async function strangerThenOwner(h: Harness, idNumber = fictionalIdNumber('150102', '19900101', 123)) {
  const stranger = await ok<{ id: string }>(h.callAs('o-stranger', 'member', 'join', joinForm({ idNumber, name: '李四' })))
  const owner = await ok<{ id: string; status: string }>(h.callAs('o-owner', 'member', 'join', joinForm({ idNumber, unionId: 'hhht-xc-xyt' })))
  return { stranger: stranger.id, owner: owner.id, ownerView: owner }
}

describe('join: an ID number a stranger applied with', () => {
  it('does not lock its owner out, and the owner hears nothing of the stranger', async () => {
    const h = await cloudHarness()
    const { owner, ownerView } = await strangerThenOwner(h)
    expect(ownerView).toMatchObject({ status: 'pending', union: { id: 'hhht-xc-xyt' } })
    expect((await appOf(h, owner)).status).toBe('pending')
    // Nothing told either of them about the other.
    expect(await notesOf(h, 'o-owner')).toEqual([])
    expect(await notesOf(h, 'o-stranger')).toEqual([])
    // No lock on the number: a pending application holds only its account.
    expect(await joinDb(h.store).claims.count({ status: 'member' })).toBe(0)
  })

  it('shows the clerk both, marked with how many share the number, without the number or its hash', async () => {
    const h = await cloudHarness()
    const { stranger, owner } = await strangerThenOwner(h)
    const alone = await ok<{ id: string }>(h.callAs('o-alone', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 777) })))
    const items = await queueOf(h, 'demo-clerk')
    const byId = new Map(items.map((item) => [item.id, item]))
    expect(byId.get(stranger)).toMatchObject({ sameIdCount: 2, idGroup: expect.any(String) })
    expect(byId.get(owner)).toMatchObject({ sameIdCount: 2, idGroup: byId.get(stranger)!.idGroup })
    expect(byId.get(alone.id)).toMatchObject({ sameIdCount: 1, idGroup: null })
    const { idHash } = await appOf(h, owner)
    expect(JSON.stringify(items)).not.toContain(idHash.slice(0, 12))
    // A clerk who sees only one of them still learns that another waits (回民区 sees neither: an application there).
    await ok(h.callAs('o-third', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 123), unionId: 'hhht-hm-jz' })))
    expect(await queueOf(h, 'demo-hm-clerk')).toEqual([expect.objectContaining({ sameIdCount: 3 })])
  })

  it('approving one refuses the others with a reason, tells their applicants, and they cannot be approved', async () => {
    const h = await cloudHarness()
    const { stranger, owner } = await strangerThenOwner(h)
    expect(await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: owner }))).toMatchObject({ status: 'approved' })
    expect(await appOf(h, stranger)).toMatchObject({ status: 'rejected', rejectReason: SAME_ID_APPROVED_REASON, decidedBy: 'system' })
    expect(await notesOf(h, 'o-stranger')).toEqual([expect.objectContaining({ title: '入会申请未通过', body: expect.stringContaining(SAME_ID_APPROVED_REASON) })])
    expect(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: stranger })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } })
    expect(await collections(h.store).audit.count({ action: 'join.rejectSameId', 'target.id': stranger })).toBe(1)
    expect(await queueOf(h, 'demo-clerk')).toEqual([])
    // The stranger, trying again, meets a membership: the neutral answer.
    expect(await h.callAs('o-stranger', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 123) }))).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
  })

  it('two clerks approving two applications with one ID number at once make one membership', async () => {
    const h = await cloudHarness()
    for (let round = 0; round < 4; round++) {
      const { stranger, owner } = await strangerThenOwner(h, fictionalIdNumber('150102', '19850505', 200 + round))
      const results = await Promise.all([
        h.callAs('demo-clerk', 'review', 'approve', { applicationId: stranger }),
        h.callAs('demo-city-clerk', 'review', 'approve', { applicationId: owner }),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } })
      const apps = await Promise.all([appOf(h, stranger), appOf(h, owner)])
      expect(apps.map((a) => a.status).sort()).toEqual(['approved', 'rejected'])
      expect(await collections(h.store).memberships.count({ openid: { $in: ['o-stranger', 'o-owner'] } })).toBe(1)
      // Free both accounts for the next round: the member leaves the test's way.
      await collections(h.store).memberships.remove({ openid: { $in: ['o-stranger', 'o-owner'] } })
    }
  })

  it('an application stored just after another with its number was approved refuses itself (no pending one beside a membership)', async () => {
    const h = await cloudHarness()
    const idNumber = fictionalIdNumber('150102', '19900101', 123)
    const first = await ok<{ id: string }>(h.callAs('o-owner', 'member', 'join', joinForm({ idNumber })))
    // The late one passed its check; the approval (and its sweep of the others) runs before its insert.
    const approveFirst = async () => void (await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: first.id })))
    const ctx = createContext(before(h.store, 'applications', 'insert', approveFirst), h.clock, await resolveCaller(h.store, { openid: 'o-late' }), h.secrets)
    const input = v.parse(contract.member.join.input, joinForm({ idNumber }))
    await expect(submitApplication(input, ctx)).rejects.toMatchObject({ code: 'ID_NUMBER_HELD' })
    expect(await joinDb(h.store).applications.find({ openid: 'o-late' }, { limit: 10 })).toEqual([expect.objectContaining({ status: 'rejected', rejectReason: SAME_ID_APPROVED_REASON })])
    expect(await joinDb(h.store).applications.count({ status: 'pending' })).toBe(0)
    // Its account is free again.
    expect(await joinDb(h.store).claims.count({ openid: 'o-late' })).toBe(0)
  })
})

describe('member.lapseApplications (daily)', () => {
  it(`lapses a pending application after ${APPLICATION_LAPSE_DAYS} days, tells its applicant, audits it, frees the account`, async () => {
    const h = await cloudHarness()
    const { stranger, owner } = await strangerThenOwner(h)
    await ok(h.callAs('demo-clerk', 'review', 'reject', { applicationId: owner, reason: '请补充单位证明' }))
    h.clock.advance((APPLICATION_LAPSE_DAYS - 1) * DAY)
    expect(await runLapse(h)).toEqual({ ok: true, data: { lapsed: 0, probesRemoved: 0 } })
    expect((await appOf(h, stranger)).status).toBe('pending')
    h.clock.advance(2 * DAY)
    expect(await runLapse(h)).toEqual({ ok: true, data: { lapsed: 1, probesRemoved: 0 } })
    expect(await appOf(h, stranger)).toMatchObject({ status: 'lapsed', decidedBy: 'system', rejectReason: expect.stringContaining('失效') })
    // A decided one stays as it was; a second run changes nothing.
    expect((await appOf(h, owner)).status).toBe('rejected')
    expect(await runLapse(h)).toEqual({ ok: true, data: { lapsed: 0, probesRemoved: 0 } })
    expect(await notesOf(h, 'o-stranger')).toEqual([expect.objectContaining({ title: '入会申请已失效' })])
    expect(await collections(h.store).audit.find({ action: 'join.lapse' }, { limit: 10 })).toEqual([expect.objectContaining({ actor: 'system', target: { collection: 'applications', id: stranger }, after: expect.objectContaining({ status: 'lapsed' }) })])
    expect(await ok(h.callAs('o-stranger', 'member', 'myApplication', {}))).toMatchObject({ application: { status: 'lapsed' } })
    // The applicant may have it deleted (我的 → 个人信息), like a rejected one.
    const deletion = await ok<{ id: string }>(h.callAs('o-stranger', 'member', 'requestRights', { idempotencyKey: 'delete-lapsed-1', type: 'delete_join', applicationId: stranger }))
    expect(await ok(h.callAs('demo-clerk', 'review', 'answerRights', { requestId: deletion.id, decision: 'confirm' }))).toMatchObject({ status: 'done' })
    expect(await joinDb(h.store).applications.get(stranger)).toBeNull()
    // The account may apply again.
    expect(await ok(h.callAs('o-stranger', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 888) })))).toMatchObject({ status: 'pending' })
  })

  it('deletes ID-number tries of the days before today, and keeps today’s', async () => {
    const h = await cloudHarness()
    const held = Array.from({ length: 3 }, (_, i) => fictionalIdNumber('150102', '19800101', 700 + i))
    for (const [i, idNumber] of held.entries()) {
      const app = await ok<{ id: string }>(h.callAs(`o-holder-${i}`, 'member', 'join', joinForm({ idNumber })))
      await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    }
    for (const idNumber of held.slice(0, 2)) expect(await h.callAs('o-prober', 'member', 'join', joinForm({ idNumber }))).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
    expect(await runLapse(h)).toEqual({ ok: true, data: { lapsed: 0, probesRemoved: 0 } })
    h.clock.advance(DAY)
    expect(await h.callAs('o-prober', 'member', 'join', joinForm({ idNumber: held[2] }))).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
    expect(await runLapse(h)).toEqual({ ok: true, data: { lapsed: 0, probesRemoved: 2 } })
    expect(await joinDb(h.store).probes.count({})).toBe(1)
    expect(ID_PROBES_PER_DAY).toBeGreaterThan(2)
  })

  it('is no action for a person, signed in or not', async () => {
    const h = await cloudHarness()
    for (const who of ['demo-worker', 'demo-city-clerk', null]) {
      expect(await h.callAs(who, 'member', 'lapseApplications', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    }
  })
})
