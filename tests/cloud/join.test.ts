import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { decrypt } from '../../cloud/lib/crypto'
import type { ApplicationDoc } from '../../cloud/features/join/collections'
import { collections } from '../../cloud/lib/collections'
import { joinDb } from '../../cloud/features/join/collections'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'
import { ID_PROBES_PER_DAY } from '../../cloud/features/join/probes'

type Harness = Awaited<ReturnType<typeof cloudHarness>>

async function ok<T = Record<string, unknown>>(promise: Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(`${result.error?.code}: ${result.error?.message}`)
  return result.data as T
}

/** The same number with a check character that is not the right one. */
const wrongChecksum = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

const applications = (h: Harness) => h.store.collection<ApplicationDoc>('applications')

describe('member.unionByCode and searchUnions', () => {
  it('shows the union being joined: name, level, parent and path', async () => {
    const h = await cloudHarness()
    const union = await ok(h.callAs('demo-worker', 'member', 'unionByCode', { code: 'hhht-xc-kd' }))
    expect(v.safeParse(contract.member.unionByCode.output, union).success).toBe(true)
    expect(union).toEqual({
      id: 'hhht-xc-kd',
      code: 'hhht-xc-kd',
      name: '示例速递（演示）有限公司工会',
      level: 'grassroots',
      parentName: '新城区总工会',
      path: ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会', '示例速递（演示）有限公司工会'],
    })
  })

  it('an unknown, malformed, federation or disabled code gets a clear answer', async () => {
    const h = await cloudHarness()
    expect(await h.callAs('demo-worker', 'member', 'unionByCode', { code: 'no-such-union' })).toMatchObject({ ok: false, error: { code: 'UNION_NOT_FOUND' } })
    expect(await h.callAs('demo-worker', 'member', 'unionByCode', { code: 'HHHT%20' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { code: expect.stringContaining('工会编码') } } })
    expect(await h.callAs('demo-worker', 'member', 'unionByCode', { code: 'hhht-xc' })).toMatchObject({ ok: false, error: { code: 'UNION_CLOSED' } })
    await collections(h.store).unions.update({ _id: 'hhht-xc-hw' }, { set: { status: 'disabled' } })
    expect(await h.callAs('demo-worker', 'member', 'unionByCode', { code: 'hhht-xc-hw' })).toMatchObject({ ok: false, error: { code: 'UNION_CLOSED' } })
  })

  it('finds joinable unions by name or region, and always offers the 新业态工会联合会', async () => {
    const h = await cloudHarness()
    const byRegion = await ok<{ unions: Array<{ id: string }>; newForms: Array<{ id: string }> }>(h.callAs('demo-worker', 'member', 'searchUnions', { keyword: '回民区' }))
    expect(byRegion.unions.map((u) => u.id)).toEqual(['hhht-hm-jz'])
    expect(byRegion.newForms.map((u) => u.id)).toEqual(['hhht-xc-xyt'])
    const byName = await ok<{ unions: Array<{ id: string }> }>(h.callAs('demo-worker', 'member', 'searchUnions', { keyword: '速递' }))
    expect(byName.unions.map((u) => u.id)).toEqual(['hhht-xc-kd'])
    const none = await ok<{ unions: unknown[] }>(h.callAs('demo-worker', 'member', 'searchUnions', { keyword: '' }))
    expect(none.unions).toEqual([])
  })
})

describe('member.join', () => {
  it('stores a pending application with the ID number encrypted, hashed and masked', async () => {
    const h = await cloudHarness()
    const form = joinForm()
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    expect(v.safeParse(contract.member.join.output, app).success).toBe(true)
    expect(app).toMatchObject({ status: 'pending', union: { id: 'hhht-xc-kd' }, idMasked: `150102********${form.idNumber.slice(14)}`, gender: 'male', birthDate: '1990-01-01', rejectReason: null, memberNo: null })
    expect(JSON.stringify(app)).not.toContain(form.idNumber)
    const [doc] = await applications(h).find({}, { limit: 1000 })
    expect(JSON.stringify(doc)).not.toContain(form.idNumber)
    expect(decrypt(h.secrets.dataKey, doc.idCipher)).toBe(form.idNumber)
    expect(doc.unionPath).toEqual(['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'])
    expect(await h.callAs('demo-worker', 'member', 'myApplication', {})).toMatchObject({ ok: true, data: { application: { id: app.id, status: 'pending' } } })
  })

  it.each([
    ['an over-long name', { name: '张'.repeat(31) }, 'name', '姓名不能超过 30 个字'],
    ['emoji in the name', { name: '张三😀' }, 'name', '姓名只能包含'],
    ['letters in the ID number', { idNumber: '15010219900101ABCD' }, 'idNumber', '身份证号只能包含数字'],
    ['emoji in the ID number', { idNumber: '1501021990010112😀' }, 'idNumber', '身份证号只能包含数字'],
    ['a wrong checksum', { idNumber: wrongChecksum(fictionalIdNumber('150102', '19900101', 123)) }, 'idNumber', '校验位'],
    ['an impossible date', { idNumber: fictionalIdNumber('150102', '19900230', 123) }, 'idNumber', '出生日期无效'],
    ['an unknown region', { idNumber: fictionalIdNumber('990102', '19900101', 123) }, 'idNumber', '地区代码'],
    ['a future birth date', { idNumber: fictionalIdNumber('150102', '20300101', 123) }, 'idNumber', '晚于今天'],
    ['someone under 16', { idNumber: fictionalIdNumber('150102', '20101124', 123) }, 'idNumber', '未满 16 周岁'],
    ['a 10-digit phone', { phone: '1380013800' }, 'phone', '手机号应为 11 位'],
    ['an unknown 民族', { ethnicity: '火星族' }, 'ethnicity', '请选择民族'],
    ['a missing 户籍类型', { hukou: undefined }, 'hukou', '户籍类型'],
    ['an unknown 就业形态', { employment: 'astronaut' }, 'employment', '就业形态'],
    ['no employer', { employer: '  ' }, 'employer', '工作单位'],
    ['a missing personal-information consent', { consentPersonal: false }, 'consentPersonal', '个人信息'],
    ['a missing sensitive-information consent', { consentSensitive: undefined }, 'consentSensitive', '敏感个人信息'],
    ['a union code that does not exist', { unionId: 'no-such-union' }, null, null],
  ])('refuses %s with a message naming the field, storing nothing', async (_what, overrides, field, message) => {
    const h = await cloudHarness()
    const result = await h.callAs('demo-worker', 'member', 'join', joinForm(overrides))
    if (field) {
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: expect.stringContaining(message ?? '') } } })
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'UNION_NOT_FOUND' } })
    }
    expect(await applications(h).count({})).toBe(0)
    expect(await h.store.collection('joinClaims').count({})).toBe(0)
  })

  it('turns 16 on the birthday (today from the injected clock, China time)', async () => {
    const h = await cloudHarness('2026-11-23T16:30:00.000Z') // 2026-11-24 00:30 in China
    expect(await h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '20101124', 123) }))).toMatchObject({ ok: true })
  })

  it('a union that is not a grassroots union refuses applications', async () => {
    const h = await cloudHarness()
    expect(await h.callAs('demo-worker', 'member', 'join', joinForm({ unionId: 'hhht-xc' }))).toMatchObject({ ok: false, error: { code: 'UNION_CLOSED' } })
    expect(await applications(h).count({})).toBe(0)
  })

  it('a member is pointed to 转会, by their account and by their ID number', async () => {
    const h = await cloudHarness()
    const result = await h.callAs('demo-member', 'member', 'join', joinForm())
    expect(result).toMatchObject({ ok: false, error: { code: 'ALREADY_MEMBER', message: expect.stringContaining('转会') } })
    const form = joinForm()
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    // From another account the ID number's answer names no membership (#14).
    const again = await h.callAs('o-other-phone', 'member', 'join', joinForm({ idNumber: form.idNumber }))
    expect(again).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
    expect(await applications(h).count({})).toBe(1)
  })

  it('an approval under way (application approved, its ID number locked, no membership yet) already counts as a membership', async () => {
    const h = await cloudHarness()
    const form = joinForm()
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    const stored = (await joinDb(h.store).applications.get(app.id))!
    await joinDb(h.store).applications.update({ _id: app.id }, { set: { status: 'approved' } })
    await joinDb(h.store).claims.insert({ _id: stored.idHash, openid: 'demo-worker', applicationId: app.id, unionId: stored.unionId, status: 'member', createdAt: stored.submittedAt, lockId: 'lock-1' })
    expect(await h.callAs('o-other-phone', 'member', 'join', joinForm({ idNumber: form.idNumber }))).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
    // Only this application's locks remain (its ID number and its account); the refused one left none.
    expect(await joinDb(h.store).claims.find({}, { limit: 1000 })).toEqual([expect.objectContaining({ applicationId: app.id }), expect.objectContaining({ applicationId: app.id })])
  })

  it('a pending application elsewhere is named to its own account, and does not hold the ID number against another; the same submission twice is one application', async () => {
    const h = await cloudHarness()
    const form = joinForm()
    const first = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    const retry = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    expect(retry.id).toBe(first.id)
    const elsewhere = await h.callAs('demo-worker', 'member', 'join', joinForm({ unionId: 'hhht-xc-xyt' }))
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'APPLICATION_PENDING', message: expect.stringContaining('示例速递（演示）有限公司工会') } })
    // Another account with the same ID number is not locked out (#14 item 4): the clerk decides.
    const otherAccount = await h.callAs('o-other-phone', 'member', 'join', joinForm({ unionId: 'hhht-xc-xyt', idNumber: form.idNumber }))
    expect(otherAccount).toMatchObject({ ok: true, data: { status: 'pending' } })
    expect(await applications(h).count({})).toBe(2)
  })

  it('20 parallel joins with one ID number from 4 accounts make one application per account', async () => {
    const h = await cloudHarness()
    const idNumber = fictionalIdNumber('150102', '19880808', 457)
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => h.callAs(`o-phone-${i % 4}`, 'member', 'join', joinForm({ idNumber, unionId: i % 2 ? 'hhht-xc-kd' : 'hhht-xc-xyt' }))))
    expect(results.filter((r) => r.ok)).toHaveLength(4)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'APPLICATION_PENDING')).toBe(true)
    for (let i = 0; i < 4; i++) expect(await applications(h).count({ openid: `o-phone-${i}` })).toBe(1)
  })

  it('one account sending different ID numbers at the same instant gets one pending application', async () => {
    const h = await cloudHarness()
    const forms = Array.from({ length: 10 }, (_, i) => joinForm({ idNumber: fictionalIdNumber('150102', '19880808', 500 + i) }))
    const results = await Promise.all(forms.map((form) => h.callAs('demo-worker', 'member', 'join', form)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(9).fill('APPLICATION_PENDING'))
    expect(await applications(h).count({ openid: 'demo-worker' })).toBe(1)
    // The losers' ID numbers are free again: another account may use one of them at once.
    const loser = forms[results.findIndex((r) => !r.ok)]
    expect(await h.callAs('o-other-phone', 'member', 'join', { ...loser, idempotencyKey: 'other-phone-0001' })).toMatchObject({ ok: true })
  })

  it('after a rejection the same account may apply again, with another ID number too', async () => {
    const h = await cloudHarness()
    const first = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19880808', 600) })))
    await ok(h.callAs('demo-clerk', 'review', 'reject', { applicationId: first.id, reason: '身份证号与本人不符' }))
    const second = await h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19880808', 601), idempotencyKey: 'second-try-0001' }))
    expect(second).toMatchObject({ ok: true, data: { status: 'pending' } })
  })

  it('20 parallel sends of one submission (a flaky network) answer with the one application', async () => {
    const h = await cloudHarness()
    const form = joinForm()
    const results = await Promise.all(Array.from({ length: 20 }, () => h.callAs('demo-worker', 'member', 'join', form)))
    const ids = new Set(results.map((r) => (r.ok ? (r.data as { id: string }).id : r.error.code)))
    expect([...ids]).toHaveLength(1)
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await applications(h).count({})).toBe(1)
  })

  it('a union set to approve automatically makes a member at once', async () => {
    const h = await cloudHarness()
    await joinDb(h.store).settings.insert({ _id: 'hhht-xc-xyt', autoApprove: true })
    const app = await ok(h.callAs('demo-worker', 'member', 'join', joinForm({ unionId: 'hhht-xc-xyt' })))
    expect(app).toMatchObject({ status: 'approved', memberNo: expect.stringMatching(/^150102\d{6}$/) })
    expect(await h.callAs('demo-worker', 'member', 'profile', {})).toMatchObject({ ok: true, data: { membership: { union: { id: 'hhht-xc-xyt' } } } })
    expect(await collections(h.store).audit.count({ action: 'join.autoApprove' })).toBe(1)
  })

  it('needs a signed-in caller', async () => {
    const h = await cloudHarness()
    expect(await h.callAs(null, 'member', 'join', joinForm())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('review', () => {
  async function pendingFrom(h: Harness, openid: string, overrides: Record<string, unknown> = {}) {
    return ok<{ id: string }>(h.callAs(openid, 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', Math.floor(Math.random() * 999)), ...overrides })))
  }

  it('staff see the pending applications of their subtree, oldest first, with the wait', async () => {
    const h = await cloudHarness()
    const a = await pendingFrom(h, 'o-a', { idNumber: fictionalIdNumber('150102', '19900101', 11) })
    h.clock.advance(90 * 60 * 1000)
    const b = await pendingFrom(h, 'o-b', { unionId: 'hhht-xc-xyt', idNumber: fictionalIdNumber('150102', '19900101', 12) })
    h.clock.advance(5 * 60 * 1000)
    const c = await pendingFrom(h, 'o-c', { unionId: 'hhht-hm-jz', idNumber: fictionalIdNumber('150102', '19900101', 13) })
    const queue = await ok<{ items: Array<{ id: string; waited: string; waitedMinutes: number; idMasked: string }>; nextCursor: string | null; total: number }>(h.callAs('demo-clerk', 'review', 'queue', {}))
    expect(v.safeParse(contract.review.queue.output, queue).success).toBe(true)
    expect(queue.items.map((i) => i.id)).toEqual([a.id, b.id])
    expect([queue.nextCursor, queue.total]).toEqual([null, 2])
    expect(queue.items.map((i) => i.waited)).toEqual(['1 小时', '5 分钟'])
    expect(queue.items[0].idMasked).toMatch(/^150102\*{8}\d{3}[\dX]$/)
    const city = await ok<{ items: Array<{ id: string }> }>(h.callAs('demo-city-clerk', 'review', 'queue', {}))
    expect(city.items.map((i) => i.id)).toEqual([a.id, b.id, c.id])
    const hm = await ok<{ items: Array<{ id: string }> }>(h.callAs('demo-hm-clerk', 'review', 'queue', {}))
    expect(hm.items.map((i) => i.id)).toEqual([c.id])
    expect(await h.callAs('demo-worker', 'review', 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs('demo-merchant', 'review', 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('approving assigns a unique member number and a membership of the shared shape, audited and notified', async () => {
    const h = await cloudHarness()
    const app = await pendingFrom(h, 'demo-worker')
    const approved = await ok<{ memberNo: string }>(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    expect(approved).toMatchObject({ status: 'approved', memberNo: '150102000002' }) // 000001 is the demo member's
    const [membership] = await collections(h.store).memberships.find({ openid: 'demo-worker' }, { limit: 1000 })
    expect(Object.keys(membership).sort()).toEqual(['_id', 'joinedAt', 'memberNo', 'openid', 'status', 'unionId'])
    expect(membership).toMatchObject({ unionId: 'hhht-xc-kd', memberNo: '150102000002', status: 'active', joinedAt: '2026-11-23T08:00:00.000Z' })
    expect(await collections(h.store).audit.find({ 'target.id': app.id }, { limit: 1000 })).toEqual([expect.objectContaining({ actor: 'demo-clerk', action: 'join.approve', before: { status: 'pending' } })])
    const notes = await ok<{ items: Array<{ title: string; body: string }> }>(h.callAs('demo-worker', 'member', 'notifications', {}))
    expect(notes.items).toEqual([expect.objectContaining({ title: '入会申请已通过', body: expect.stringContaining('150102000002') })])
    expect(await h.callAs('demo-worker', 'member', 'profile', {})).toMatchObject({ ok: true, data: { membership: { memberNo: '150102000002' } } })
    expect(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } })
  })

  it('two clerks approving at once: one succeeds, one membership', async () => {
    const h = await cloudHarness()
    const app = await pendingFrom(h, 'demo-worker')
    const results = await Promise.all([h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }), h.callAs('demo-city-clerk', 'review', 'approve', { applicationId: app.id })])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'ALREADY_DECIDED' } })
    expect(await collections(h.store).memberships.count({ openid: 'demo-worker' })).toBe(1)
  })

  it('approving many at once gives each a different number', async () => {
    const h = await cloudHarness()
    const apps = []
    for (let i = 0; i < 12; i++) apps.push(await pendingFrom(h, `o-p${i}`, { idNumber: fictionalIdNumber('150102', '19900101', 100 + i) }))
    const results = await Promise.all(apps.map((a, i) => h.callAs(i % 2 ? 'demo-clerk' : 'demo-city-clerk', 'review', 'approve', { applicationId: a.id })))
    const numbers = results.map((r) => (r.ok ? (r.data as { memberNo: string }).memberNo : r.error.code))
    expect(new Set(numbers).size).toBe(12)
    expect(numbers.every((n) => /^150102\d{6}$/.test(n))).toBe(true)
  })

  it('staff of another union can neither see nor act', async () => {
    const h = await cloudHarness()
    const app = await pendingFrom(h, 'demo-worker')
    expect(await h.callAs('demo-hm-clerk', 'review', 'approve', { applicationId: app.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.callAs('demo-hm-clerk', 'review', 'reject', { applicationId: app.id, reason: '信息不全' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.callAs('demo-worker', 'review', 'approve', { applicationId: app.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.callAs('demo-merchant', 'review', 'reject', { applicationId: app.id, reason: '信息不全' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await applications(h).find({}, { limit: 1000 })).toEqual([expect.objectContaining({ status: 'pending' })])
    expect(await collections(h.store).audit.count({})).toBe(0)
  })

  it('a rejection needs a reason the applicant sees; they correct and resubmit', async () => {
    const h = await cloudHarness()
    const form = joinForm({ employer: '不清楚' })
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    expect(await h.callAs('demo-clerk', 'review', 'reject', { applicationId: app.id, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: expect.stringContaining('原因') } } })
    const rejected = await ok(h.callAs('demo-clerk', 'review', 'reject', { applicationId: app.id, reason: '工作单位请填写全称' }))
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '工作单位请填写全称' })
    expect(await h.callAs('demo-worker', 'member', 'myApplication', {})).toMatchObject({ ok: true, data: { application: { status: 'rejected', rejectReason: '工作单位请填写全称' } } })
    expect(await collections(h.store).audit.count({ action: 'join.reject', 'target.id': app.id })).toBe(1)
    const notes = await ok<{ items: Array<{ body: string }> }>(h.callAs('demo-worker', 'member', 'notifications', {}))
    expect(notes.items[0].body).toContain('工作单位请填写全称')
    expect(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } })

    h.clock.advance(60_000)
    const again = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', { ...form, idempotencyKey: 'resubmit-0001', employer: '示例速递（演示）有限公司' }))
    expect(again.id).not.toBe(app.id)
    expect(await h.callAs('demo-worker', 'member', 'myApplication', {})).toMatchObject({ ok: true, data: { application: { id: again.id, status: 'pending' } } })
  })
})

describe('member card', () => {
  it('shows name, union, number, join date, masked ID and a token that carries ids, the union and the name masked', async () => {
    const h = await cloudHarness()
    const form = joinForm()
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    const card = await ok<{ token: string; idMasked: string }>(h.callAs('demo-worker', 'member', 'card', {}))
    expect(v.safeParse(contract.member.card.output, card).success).toBe(true)
    expect(card).toMatchObject({ name: '张三', union: { id: 'hhht-xc-kd' }, memberNo: '150102000002', idMasked: `150102********${form.idNumber.slice(14)}` })
    const claims = JSON.parse(Buffer.from(card.token.split('.')[0], 'base64url').toString('utf8'))
    expect(Object.keys(claims).sort()).toEqual(['exp', 'k', 'kid', 'm', 'n', 'u'])
    expect(claims).toMatchObject({ n: '张*', u: '示例速递（演示）有限公司工会' })
    expect(card.token).not.toContain(form.idNumber)

    const verified = await ok(h.callAs('demo-merchant', 'member', 'verifyCard', { token: card.token }))
    expect(verified).toEqual({ valid: true, union: { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots' }, memberNo: '150102000002', status: 'active', maskedName: '张*', checkedAt: h.clock.now().toISOString() })
    expect(await h.callAs('demo-member', 'member', 'verifyCard', { token: card.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs('demo-merchant', 'member', 'verifyCard', { token: `${card.token.slice(0, -2)}xx` })).toMatchObject({ ok: false, error: { code: 'CARD_INVALID' } })
    h.clock.advance(6 * 60 * 1000)
    expect(await h.callAs('demo-clerk', 'member', 'verifyCard', { token: card.token })).toMatchObject({ ok: false, error: { code: 'CARD_INVALID', message: expect.stringContaining('过期') } })
  })

  it('the demo member (joined before online joining) has a card without an ID number; a worker has none', async () => {
    const h = await cloudHarness()
    expect(await h.callAs('demo-member', 'member', 'card', {})).toMatchObject({ ok: true, data: { name: '李会员（演示）', memberNo: '150102000001', idMasked: null } })
    expect(await h.callAs('demo-worker', 'member', 'card', {})).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
  })
})

describe('review.posterUnions (staff join QR)', () => {
  it('lists the joinable unions of the staff subtree only', async () => {
    const h = await cloudHarness()
    const xc = await ok<{ unions: Array<{ id: string }> }>(h.callAs('demo-clerk', 'review', 'posterUnions', {}))
    expect(v.safeParse(contract.review.posterUnions.output, xc).success).toBe(true)
    expect(xc.unions.map((u) => u.id).sort()).toEqual(['hhht-xc-hw', 'hhht-xc-kd', 'hhht-xc-xyt'])
    const hm = await ok<{ unions: Array<{ id: string }> }>(h.callAs('demo-hm-clerk', 'review', 'posterUnions', {}))
    expect(hm.unions.map((u) => u.id)).toEqual(['hhht-hm-jz'])
    expect(await h.callAs('demo-worker', 'review', 'posterUnions', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

// #14 item 3: someone else's ID number tells nothing about where or whether its holder applied.
describe('join: another account’s ID number', () => {
  it('names no union and no membership to anyone but the account that holds it; a pending number is no answer at all', async () => {
    const h = await cloudHarness()
    const pending = joinForm()
    await ok(h.callAs('demo-worker', 'member', 'join', pending))
    const member = joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 321) })
    const app = await ok<{ id: string }>(h.callAs('demo-newcomer', 'member', 'join', member))
    await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    const asMember = await h.callAs('o-prober', 'member', 'join', joinForm({ unionId: 'hhht-xc-xyt', idNumber: member.idNumber }))
    expect(asMember).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
    expect((asMember as { error: { message: string } }).error.message).not.toMatch(/工会」|示例速递|会员|审核/)
    // A number only pending elsewhere is accepted like any other (#14 item 4): nothing says someone else applied.
    const asPending = await ok<Record<string, unknown>>(h.callAs('o-prober', 'member', 'join', joinForm({ unionId: 'hhht-xc-xyt', idNumber: pending.idNumber })))
    const fresh = await ok<Record<string, unknown>>(h.callAs('o-fresh', 'member', 'join', joinForm({ unionId: 'hhht-xc-xyt', idNumber: fictionalIdNumber('150102', '19900101', 654) })))
    const shape = (view: Record<string, unknown>) => ({ ...view, id: 'x', idMasked: 'x', birthDate: 'x', gender: 'x' })
    expect(shape(asPending)).toEqual(shape(fresh))
    // The holder still hears where their own application is.
    expect(await h.callAs('demo-worker', 'member', 'join', joinForm({ unionId: 'hhht-xc-xyt', idNumber: pending.idNumber }))).toMatchObject({ ok: false, error: { code: 'APPLICATION_PENDING', message: expect.stringContaining('示例速递') } })
  })

  it('an account may try only a few ID numbers that others hold, each day', async () => {
    const h = await cloudHarness()
    const held = Array.from({ length: ID_PROBES_PER_DAY + 1 }, (_, i) => fictionalIdNumber('150102', '19800101', 700 + i))
    for (const [i, idNumber] of held.entries()) {
      const app = await ok<{ id: string }>(h.callAs(`o-holder-${i}`, 'member', 'join', joinForm({ idNumber })))
      await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    }
    for (const idNumber of held.slice(0, ID_PROBES_PER_DAY)) {
      expect(await h.callAs('o-prober', 'member', 'join', joinForm({ idNumber }))).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
    }
    // The same one again is not a new try; the next new one is refused without looking.
    expect(await h.callAs('o-prober', 'member', 'join', joinForm({ idNumber: held[0] }))).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_HELD' } })
    expect(await h.callAs('o-prober', 'member', 'join', joinForm({ idNumber: held[ID_PROBES_PER_DAY] }))).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    const free = joinForm({ idNumber: fictionalIdNumber('150102', '19800101', 799) })
    expect(await h.callAs('o-prober', 'member', 'join', free)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await applications(h).count({ openid: 'o-prober' })).toBe(0)
    // A day later the account may try again.
    h.clock.advance(24 * 3600_000)
    await ok(h.callAs('o-prober', 'member', 'join', free))
  })
})
