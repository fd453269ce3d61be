import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../server/app'
import { aidDb } from '../../cloud/features/aid/collections'
import { benefitsDb } from '../../cloud/features/benefits/collections'
import { joinDb } from '../../cloud/features/join/collections'
import { transferDb } from '../../cloud/features/transfer/collections'
import { collections } from '../../cloud/lib/collections'
import { cloudHarness } from '../helpers/cloud'
import { faultyStore } from '../helpers/faults'
import { joinForm } from '../helpers/join'
import { applicationInput, PNG } from '../helpers/aid'

/**
 * #14 item 5: every multi-step write either finishes or is cleaned up on the next try. Each case
 * lets the write run until the store fails one of its later steps (as a server killed between two
 * steps would leave it), then sends the very same request again (the same retry key) and expects
 * the finished result, with nothing doubled: one application, one coupon and one unit of stock, one
 * move, one notice, one file.
 */
async function setup() {
  let faults!: ReturnType<typeof faultyStore>
  const h = await cloudHarness('2026-11-23T08:00:00.000Z', {
    wrapStore: (store) => (faults = faultyStore(store)).store,
    logError: () => undefined,
  })
  return { ...h, faults }
}

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } }
const failed = (answer: Answer) => expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
function data<T = Record<string, unknown>>(answer: Answer): T {
  if (!answer.ok) throw new Error(`${answer.error?.code}: ${answer.error?.message}`)
  return answer.data as T
}

describe('a write cut between its steps finishes on the retry with the same key', () => {
  it('join: the claims were written, the application was not', async () => {
    const h = await setup()
    const input = joinForm()
    h.faults.crashAt('applications', 'insert')
    failed(await h.callAs('demo-worker', 'member', 'join', input))
    expect(h.faults.fired).toBe(1)
    h.faults.restart()
    // The locks are there, the application is not: today's "申请正在提交" forever.
    expect(await joinDb(h.store).claims.count({ applicationId: { $exists: true } })).toBeGreaterThan(0)

    const app = data<{ id: string; status: string }>(await h.callAs('demo-worker', 'member', 'join', input))
    expect(app.status).toBe('pending')
    expect(await joinDb(h.store).applications.count({ openid: 'demo-worker' })).toBe(1)
    // One lock, the account's, for this application (a pending application does not lock its ID number: #14 item 4).
    expect(await joinDb(h.store).claims.count({ applicationId: app.id })).toBe(1)
    expect(data<{ id: string }>(await h.callAs('demo-worker', 'member', 'join', input)).id).toBe(app.id)
  })

  it('join approval: the ID number was locked, the membership was not', async () => {
    const h = await setup()
    const app = data<{ id: string }>(await h.callAs('demo-worker', 'member', 'join', joinForm()))
    h.faults.crashAt('memberships', 'insert')
    failed(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    expect(h.faults.fired).toBe(1)
    h.faults.restart()
    // Approved, its ID number locked, no membership: the same clerk's retry finishes it.
    expect(await joinDb(h.store).claims.count({ applicationId: app.id, status: 'member' })).toBe(1)
    const done = data<{ status: string; memberNo: string | null }>(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    expect(done.status).toBe('approved')
    expect(done.memberNo).toBeTruthy()
    expect(await collections(h.store).memberships.count({ openid: 'demo-worker' })).toBe(1)
    expect(await joinDb(h.store).claims.find({}, { limit: 10 })).toEqual([expect.objectContaining({ applicationId: app.id, status: 'member' })])
  })

  it('join with approval at once: the application was stored, the approval was cut', async () => {
    const h = await setup()
    await joinDb(h.store).settings.insert({ _id: 'hhht-xc-kd', autoApprove: true })
    const input = joinForm()
    h.faults.crashAt('memberships', 'insert')
    failed(await h.callAs('demo-worker', 'member', 'join', input))
    expect(h.faults.fired).toBe(1)
    h.faults.restart()

    const app = data<{ status: string; memberNo: string | null }>(await h.callAs('demo-worker', 'member', 'join', input))
    expect(app).toMatchObject({ status: 'approved' })
    expect(app.memberNo).toBeTruthy()
    expect(await collections(h.store).memberships.count({ openid: 'demo-worker' })).toBe(1)
    expect(await joinDb(h.store).applications.count({ openid: 'demo-worker' })).toBe(1)
  })

  it('coupon claim: the unit was taken, the coupon was not written (the last unit)', async () => {
    const h = await setup()
    const offers = benefitsDb(h.store).offers
    await offers.update({ _id: 'offer-bianmin-mian' }, { set: { stock: 1 } })
    const input = { offerId: 'offer-bianmin-mian', idempotencyKey: 'claim-once-1234' }
    h.faults.crashAt('coupons', 'insert')
    failed(await h.callAs('demo-member', 'benefits', 'claim', input))
    expect(h.faults.fired).toBe(1)
    h.faults.restart()
    expect((await offers.get('offer-bianmin-mian'))?.stock).toBe(0)

    const coupon = data<{ id: string }>(await h.callAs('demo-member', 'benefits', 'claim', input))
    expect(await benefitsDb(h.store).coupons.count({ openid: 'demo-member', offerId: 'offer-bianmin-mian' })).toBe(1)
    const offer = await offers.get('offer-bianmin-mian')
    expect(offer?.stock).toBe(0)
    expect(offer?.holds ?? {}).toEqual({})
    expect(data<{ id: string }>(await h.callAs('demo-member', 'benefits', 'claim', input)).id).toBe(coupon.id)
  })

  it('transfer start: the transfer was written, the membership was not taken', async () => {
    const h = await setup()
    const input = { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'employee', idempotencyKey: 'move-once-1234' }
    h.faults.crashAt('memberships', 'update')
    failed(await h.callAs('demo-member', 'transfer', 'start', input))
    expect(h.faults.fired).toBe(1)
    h.faults.restart()

    const started = data<{ id: string }>(await h.callAs('demo-member', 'transfer', 'start', input))
    const [membership] = await collections(h.store).memberships.find({ openid: 'demo-member' }, { limit: 1 })
    expect(membership.transferId).toBe(started.id)
    expect(await transferDb(h.store).transfers.count({ openid: 'demo-member' })).toBe(1)
  })

  it('transfer completion: the transfer was closed, the membership was not moved', async () => {
    const h = await setup()
    const start = { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'employee', idempotencyKey: 'move-done-1234' }
    const started = data<{ id: string }>(await h.callAs('demo-member', 'transfer', 'start', start))
    data(await h.callAs('demo-clerk', 'transfer', 'release', { transferId: started.id }))
    h.faults.crashAt('memberships', 'update')
    failed(await h.callAs('demo-hm-clerk', 'transfer', 'accept', { transferId: started.id }))
    expect(h.faults.fired).toBe(1)
    h.faults.restart()

    expect(data(await h.callAs('demo-hm-clerk', 'transfer', 'accept', { transferId: started.id }))).toMatchObject({ status: 'completed' })
    const [membership] = await collections(h.store).memberships.find({ openid: 'demo-member' }, { limit: 1 })
    expect(membership.unionId).toBe('hhht-hm-jz')
    expect(membership.transferId).toBeUndefined()
    expect(await collections(h.store).audit.count({ action: 'transfer.accept', 'target.id': started.id })).toBe(1)
    expect(await collections(h.store).notifications.count({ openid: 'demo-member', title: '转会已完成' })).toBe(1)
    // Anyone else trying the same move is still told it has moved on.
    expect(await h.callAs('demo-clerk', 'transfer', 'accept', { transferId: started.id })).toMatchObject({ ok: false })
  })

  it('aid submission: the application was stored, the notice was not', async () => {
    const h = await setup()
    const input = await applicationInput(h.store, 'demo-member')
    h.faults.crashAt('notifications', 'insert')
    failed(await h.callAs('demo-member', 'aid', 'submit', input))
    expect(h.faults.fired).toBe(1)
    h.faults.restart()

    const app = data<{ id: string }>(await h.callAs('demo-member', 'aid', 'submit', input))
    expect(await aidDb(h.store).applications.count({ owner: 'demo-member' })).toBe(1)
    expect(await collections(h.store).notifications.count({ openid: 'demo-member', title: '助学申请已提交' })).toBe(1)
    expect(data<{ id: string }>(await h.callAs('demo-member', 'aid', 'submit', input)).id).toBe(app.id)
    expect(await collections(h.store).notifications.count({ openid: 'demo-member', title: '助学申请已提交' })).toBe(1)
  })

  it('upload registration (local home): the file was written, its record was not', async () => {
    const h = await setup()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-'))
    const server = createApp({ store: h.store, clock: h.clock, secrets: h.secrets, sessionTtlMs: 3600_000, maxBodyBytes: 64 * 1024, demo: true, webRoot: null, uploadDir: dir })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const { token } = (await (await fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'member' }) })).json()) as { token: string }
      const upload = () => fetch(`${base}/api/upload`, { method: 'POST', headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${token}` }, body: new Uint8Array(PNG) })
      h.faults.crashAt('files', 'insert')
      expect((await upload()).status).toBe(500)
      expect(h.faults.fired).toBe(1)
      h.faults.restart()

      const again = await upload()
      expect(again.status).toBe(200)
      const { data: file } = (await again.json()) as { data: { fileId: string } }
      expect(await aidDb(h.store).files.count({ owner: 'demo-member' })).toBe(1)
      expect(await aidDb(h.store).files.get(file.fileId)).toMatchObject({ owner: 'demo-member', type: 'image/png' })
      // One file on disk: the cut try left nothing behind.
      expect(fs.readdirSync(dir)).toEqual([file.fileId])
    } finally {
      await new Promise((resolve) => server.close(resolve))
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
