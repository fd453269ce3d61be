import { collections } from '../../cloud/lib/collections'
import { joinDb } from '../../cloud/features/join/collections'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'
import { wechatStub } from '../helpers/wx-fake'
import { itOn } from '../helpers/store'

/** Stands in for WeChat's servers (wxacode and cloud storage cannot run here) and counts the calls. */
function fakeWechat(failCode = false) {
  const calls = { codes: [] as Array<{ page: string; scene: string }>, uploads: [] as string[] }
  const wechat = wechatStub({
    async unlimitedCode(page, scene) {
      if (failCode) throw Object.assign(new Error('invalid page'), { errCode: 41030 })
      calls.codes.push({ page, scene })
      return Buffer.from([0x89, 0x50, 0x4e, 0x47])
    },
    async uploadFile(cloudPath) {
      calls.uploads.push(cloudPath)
      return `cloud://env-1.bucket/${cloudPath}`
    },
  })
  return { wechat, calls }
}

describe('review.joinCode (the union 小程序码)', () => {
  it('in WeChat makes the code once for the join page with the union code as scene, then serves it from the cache', async () => {
    const { wechat, calls } = fakeWechat()
    const h = await cloudHarness(undefined, { wechat })
    const first = await h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' })
    const again = await h.callAs('demo-city-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' })
    expect(first).toEqual({ ok: true, data: { fileId: 'cloud://env-1.bucket/join-codes/hhht-xc-kd.png' } })
    expect(again).toEqual(first)
    expect(calls.codes).toEqual([{ page: '/features/join/pages/entry/index', scene: 'hhht-xc-kd' }])
    expect(calls.uploads).toEqual(['join-codes/hhht-xc-kd.png'])
  })

  itOn('nedb', 'the embedded home has no 小程序码', 'answers null in the embedded home, where the web poster draws the web link instead', async () => {
    const h = await cloudHarness()
    expect(await h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' })).toEqual({ ok: true, data: { fileId: null } })
  })

  it('refuses staff of another subtree, non-staff, and unions that take no members; caches nothing on a WeChat failure', async () => {
    const { wechat, calls } = fakeWechat()
    const h = await cloudHarness(undefined, { wechat })
    expect(await h.callAs('demo-hm-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs('demo-member', 'review', 'joinCode', { unionId: 'hhht-xc-kd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc' })).toMatchObject({ ok: false, error: { code: 'UNION_CLOSED' } })
    expect(await h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'Bad Code!' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(calls.codes).toEqual([])

    const failing = await cloudHarness(undefined, { wechat: fakeWechat(true).wechat, logError: () => undefined })
    expect(await failing.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' })).toMatchObject({ ok: false, error: { code: 'WECHAT_UNAVAILABLE' } })
    expect(await joinDb(failing.store).codes.count({})).toBe(0)
  })
})

describe('review.setAutoApprove', () => {
  it('staff switch a union to approve at once: the poster list shows it, the next application is approved, the change is audited', async () => {
    const h = await cloudHarness()
    expect(await h.callAs('demo-clerk', 'review', 'setAutoApprove', { unionId: 'hhht-xc-kd', autoApprove: true })).toEqual({ ok: true, data: { unionId: 'hhht-xc-kd', autoApprove: true } })
    const list = await h.callAs('demo-clerk', 'review', 'posterUnions', {})
    const unions = (list as { data: { unions: Array<{ id: string; autoApprove: boolean }> } }).data.unions
    expect(unions.find((u) => u.id === 'hhht-xc-kd')?.autoApprove).toBe(true)
    expect(unions.filter((u) => u.id !== 'hhht-xc-kd').every((u) => !u.autoApprove)).toBe(true)

    const joined = await h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 321) }))
    expect(joined).toMatchObject({ ok: true, data: { status: 'approved' } })
    expect(await collections(h.store).audit.find({ action: 'join.setAutoApprove' }, { limit: 1000 })).toEqual([
      expect.objectContaining({ actor: 'demo-clerk', target: { collection: 'joinSettings', id: 'hhht-xc-kd' }, before: { autoApprove: false }, after: { autoApprove: true } }),
    ])

    await h.callAs('demo-clerk', 'review', 'setAutoApprove', { unionId: 'hhht-xc-kd', autoApprove: false })
    const next = await h.callAs('o-next', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 322) }))
    expect(next).toMatchObject({ ok: true, data: { status: 'pending' } })
  })

  it('staff of another subtree cannot change it, and a missing choice is a clear error; nothing changes', async () => {
    const h = await cloudHarness()
    expect(await h.callAs('demo-hm-clerk', 'review', 'setAutoApprove', { unionId: 'hhht-xc-kd', autoApprove: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs('demo-clerk', 'review', 'setAutoApprove', { unionId: 'hhht-xc-kd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { autoApprove: expect.stringContaining('缺少') } } })
    expect(await h.callAs('demo-clerk', 'review', 'setAutoApprove', { unionId: 'hhht-xc-kd', autoApprove: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { autoApprove: '请选择是否自动通过' } } })
    expect(await joinDb(h.store).settings.count({ autoApprove: true })).toBe(0)
    expect(await collections(h.store).audit.count({ action: 'join.setAutoApprove' })).toBe(0)
  })
})
