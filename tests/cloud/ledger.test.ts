import type { AuditDoc, NotificationDoc, RoleDoc } from '../../cloud/lib/collections'
import { dispatch } from '../../cloud/lib/dispatch'
import { functions } from '../../cloud/functions'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { cloudHarness } from '../helpers/cloud'
import { applicationInput, code, exportedCsv, ok, visitAndVerify } from '../helpers/aid'
import { joinForm } from '../helpers/join'
import { wechatStub } from '../helpers/wx-fake'
import { describeOn } from '../helpers/store'
import { EXPORT_KEPT_MS, exportFiles } from '../../cloud/lib/exportFiles'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
const DAY = 24 * 3600 * 1000

/** A join application by `openid` to `unionId`, with its own fictional ID number. */
async function apply(h: Harness, openid: string, unionId = 'hhht-xc-kd', seq = 123, over: Record<string, unknown> = {}) {
  const region = unionId.startsWith('hhht-hm') ? '150103' : '150102'
  return ok(await h.callAs(openid, 'member', 'join', joinForm({ unionId, idNumber: fictionalIdNumber(region, '19900101', seq), ...over })))
}

const log = async (h: Harness, who: string, input: Record<string, unknown> = {}) => ok(await h.callAs(who, 'review', 'auditLog', input))

describe('review.auditLog (台账 · 操作记录)', () => {
  it('shows who did what to which object, by name, to the clerks of the unions above it and to nobody else', async () => {
    const h = await cloudHarness()
    const app = await apply(h, 'o-xc-1')
    ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    const mine = await log(h, 'demo-clerk')
    expect(mine.items[0]).toMatchObject({ actorName: '赵干事（演示）', action: 'join.approve', actionName: '通过入会申请', object: { kind: 'applications', kindName: '入会申请', id: app.id } })
    expect(mine.items[0].changes).toEqual(expect.arrayContaining([{ field: '状态', before: '待审核', after: '已通过' }]))
    // The city's clerk (above) sees it; 回民区's clerk (another subtree) never does.
    expect((await log(h, 'demo-city-clerk')).items.map((i: { id: string }) => i.id)).toContain(mine.items[0].id)
    expect((await log(h, 'demo-hm-clerk')).items).toEqual([])
    // No openid and no ID number anywhere in the answer.
    const text = JSON.stringify(mine)
    expect(text).not.toMatch(/demo-clerk|o-xc-1/)
    expect(text).not.toContain(fictionalIdNumber('150102', '19900101', 123))
    // Members and strangers are refused.
    expect(code(await h.callAs('demo-member', 'review', 'auditLog', {}))).toBe('FORBIDDEN')
  })

  it('filters by person, action, object and date', async () => {
    const h = await cloudHarness()
    const a = await apply(h, 'o-xc-1')
    const b = await apply(h, 'o-xc-2', 'hhht-xc-hw', 45)
    ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: a.id }))
    h.clock.advance(2 * DAY)
    ok(await h.callAs('demo-city-clerk', 'review', 'reject', { applicationId: b.id, reason: '材料不全' }))
    const ids = (out: { items: Array<{ object: { id: string } }> }) => out.items.map((i) => i.object.id)
    expect(ids(await log(h, 'demo-city-clerk', { actorName: '孙干事（演示）' }))).toEqual([b.id])
    expect(ids(await log(h, 'demo-city-clerk', { actorName: '没有这个人' }))).toEqual([])
    expect(ids(await log(h, 'demo-city-clerk', { action: 'join.approve' }))).toEqual([a.id])
    expect(ids(await log(h, 'demo-city-clerk', { objectKind: 'applications', objectId: b.id }))).toEqual([b.id])
    // 2026-11-23 (China) holds the approval only; the reject came two days later.
    expect(ids(await log(h, 'demo-city-clerk', { from: '2026-11-23', to: '2026-11-23' }))).toEqual([a.id])
    expect(ids(await log(h, 'demo-city-clerk', { from: '2026-11-25' }))).toEqual([b.id])
    expect(code(await h.callAs('demo-city-clerk', 'review', 'auditLog', { from: '2026-11-25', to: '2026-11-23' }))).toBe('INVALID_INPUT')
    expect(code(await h.callAs('demo-city-clerk', 'review', 'auditLog', { from: '2026-02-30' }))).toBe('INVALID_INPUT')
  })

  it('pages newest first without repeats; entries with no union (and old ones with no path) only for the root’s clerks', async () => {
    const h = await cloudHarness()
    const audit = h.store.collection<AuditDoc>('audit')
    const at = (i: number) => new Date(Date.parse('2026-11-20T00:00:00.000Z') + i * 60_000).toISOString()
    await audit.insertMany(Array.from({ length: 120 }, (_, i): AuditDoc => ({ _id: `e-${String(i).padStart(3, '0')}`, at: at(i), actor: 'demo-clerk', action: 'org.edit', target: { collection: 'unions', id: 'hhht-xc' }, before: null, after: null, unionPath: ['nmg', 'hhht', 'hhht-xc'] })))
    await audit.insert({ _id: 'unplaced', at: at(200), actor: 'system', action: 'admin.revokeRole', target: { collection: 'roles', id: 'r' }, before: null, after: null, unionPath: ['-'] })
    await audit.insert({ _id: 'old', at: at(201), actor: 'system', action: 'admin.revokeRole', target: { collection: 'roles', id: 'r' }, before: null, after: null })
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await log(h, 'demo-clerk', cursor ? { cursor } : {})
      seen.push(...page.items.map((i: { id: string }) => i.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toHaveLength(120)
    expect(seen[0]).toBe('e-119')
    expect(new Set(seen).size).toBe(120)
    await h.store.collection<RoleDoc>('roles').insert({ _id: 'role-root', openid: 'o-root-clerk', kind: 'union_staff', unionId: 'nmg' })
    expect(seen).not.toContain('unplaced')
    expect(seen).not.toContain('old')
    const root = await log(h, 'o-root-clerk')
    expect(root.items.slice(0, 3).map((i: { id: string }) => i.id)).toEqual(['old', 'unplaced', 'e-119'])
    expect(root.items[0]).toMatchObject({ actorName: '系统' })
  })
})

describe('review.setServiceDays (办理时限)', () => {
  it('sets a union’s days within 1–30, audited; out of range or out of reach changes nothing', async () => {
    const h = await cloudHarness()
    const set = await h.callAs('demo-clerk', 'review', 'setServiceDays', { unionId: 'hhht-xc', days: { join: 5 } })
    expect(ok(set)).toMatchObject({ days: { join: 5, transferOut: 3 }, own: { join: 5 } })
    for (const join of [0, 31, 2.5]) {
      const bad = await h.callAs('demo-clerk', 'review', 'setServiceDays', { unionId: 'hhht-xc', days: { join } })
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/办理时限/) } })
    }
    expect(code(await h.callAs('demo-hm-clerk', 'review', 'setServiceDays', { unionId: 'hhht-xc', days: { join: 9 } }))).toBe('FORBIDDEN')
    expect(ok(await h.callAs('demo-city-clerk', 'review', 'serviceDays', { unionId: 'hhht-xc' })).days.join).toBe(5)
    expect((await log(h, 'demo-clerk', { action: 'ledger.serviceDays' })).items).toHaveLength(1)
  })
})

describe('review.sendDigest (每日待办摘要)', () => {
  const run = (h: Harness, wechat = h.wx?.wechat ?? null) =>
    dispatch('review', functions.review, { action: 'sendDigest', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat })
  const digests = (h: Harness, openid: string) => h.store.collection<NotificationDoc>('notifications').find({ openid, title: '今日待办' }, { limit: 100 })

  it('tells each clerk once a day what waits in their own subtree; nothing to a clerk with nothing waiting', async () => {
    const h = await cloudHarness('2026-11-23T01:00:00.000Z') // Monday 09:00 China
    expect(await run(h)).toEqual({ ok: true, data: { sent: 0 } })
    await apply(h, 'o-xc-1')
    expect(await run(h)).toEqual({ ok: true, data: { sent: 2 } })
    expect((await digests(h, 'demo-clerk'))[0].body).toMatch(/^新收到 1 件，即将超时 0 件，已超时 0 件/)
    expect(await digests(h, 'demo-city-clerk')).toHaveLength(1)
    expect(await digests(h, 'demo-hm-clerk')).toEqual([])
    // The timer fires again the same day: nobody hears twice.
    expect(await run(h)).toEqual({ ok: true, data: { sent: 0 } })
    expect(await digests(h, 'demo-clerk')).toHaveLength(1)
    // Thursday 09:00: three working days have passed since Monday 09:00 — overdue.
    h.clock.advance(3 * DAY)
    expect(await run(h)).toEqual({ ok: true, data: { sent: 2 } })
    const [latest] = (await digests(h, 'demo-clerk')).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    expect(latest.body).toMatch(/^新收到 0 件，即将超时 0 件，已超时 1 件/)
  })

  it('counts against the deciding union’s own days: with 5 days the same item is only soon', async () => {
    const h = await cloudHarness('2026-11-23T01:00:00.000Z')
    ok(await h.callAs('demo-clerk', 'review', 'setServiceDays', { unionId: 'hhht-xc-kd', days: { join: 5 } }))
    await apply(h, 'o-xc-1')
    h.clock.advance(4 * DAY) // Friday: 4 working days in, the 5th ends Monday
    expect(await run(h)).toEqual({ ok: true, data: { sent: 2 } })
    expect((await digests(h, 'demo-clerk'))[0].body).toMatch(/即将超时 1 件，已超时 0 件/)
  })

  it('counts 金秋助学 at each one’s review level: level one while it waits to be verified, level two after', async () => {
    const h = await cloudHarness('2026-11-23T01:00:00.000Z') // Monday 09:00 China
    // A 金秋助学 reviewer at level two of the city (no clerk's role) hears of level two only.
    await h.store.collection<RoleDoc>('roles').insert({ _id: 'role-aid-2', openid: 'o-aid-two', kind: 'aid_reviewer', unionId: 'hhht', level: 2 })
    const app = ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    // Only an aid application waits: 新城区's clerk verifies it (level one); the city has nothing yet.
    expect(await run(h)).toEqual({ ok: true, data: { sent: 1 } })
    expect((await digests(h, 'demo-clerk'))[0].body).toBe('新收到 1 件，即将超时 0 件，已超时 0 件，共 1 件待办理（其中金秋助学 1 件）。')
    for (const nobody of ['demo-city-clerk', 'demo-hm-clerk', 'o-aid-two']) expect(await digests(h, nobody)).toEqual([])
    // Verified on Tuesday, it waits at level two: the city's clerk and its level-two reviewer hear of it, 新城区 no more.
    h.clock.advance(DAY)
    ok(await visitAndVerify(h, app.id))
    expect(await run(h)).toEqual({ ok: true, data: { sent: 2 } })
    for (const who of ['demo-city-clerk', 'o-aid-two']) expect((await digests(h, who))[0].body).toMatch(/^新收到 1 件.*（其中金秋助学 1 件）。$/)
    expect(await digests(h, 'demo-clerk')).toHaveLength(1)
    expect(await digests(h, 'demo-hm-clerk')).toEqual([])
  })

  it('in WeChat also sends the staffDigest subscribe message', async () => {
    const h = await cloudHarness('2026-11-23T01:00:00.000Z')
    await apply(h, 'o-hm-1', 'hhht-hm-jz', 77)
    const pushes: unknown[][] = []
    const wechat = wechatStub({ sendSubscribe: async (...args) => (pushes.push(args), true) })
    expect(await run(h, wechat)).toEqual({ ok: true, data: { sent: 2 } })
    expect(pushes.map((p) => [p[0], p[1]]).sort()).toEqual([['demo-city-clerk', 'staffDigest'], ['demo-hm-clerk', 'staffDigest']])
  })
})

describe('review.exportLedger (台账导出)', () => {
  it('exports the subtree’s joins with IDs masked and formulas defused, and audits the export', async () => {
    const h = await cloudHarness()
    await apply(h, 'o-xc-1', 'hhht-xc-kd', 123, { employer: '=HYPERLINK("http://x","点")' })
    await apply(h, 'o-hm-1', 'hhht-hm-jz', 77)
    const out = ok(await h.callAs('demo-clerk', 'review', 'exportLedger', { kind: 'joins', from: '2026-11-01', to: '2026-11-30' }))
    expect(out.rows).toBe(1)
    expect(out.filename).toBe('入会台账-2026-11-01至2026-11-30.csv')
    const csv = exportedCsv(h, out)
    const [header, row] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(header).toMatch(/^申请编号,工会,姓名,身份证号/)
    expect(csv).not.toContain(fictionalIdNumber('150102', '19900101', 123))
    expect(row).toContain(",150102********1230,")
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""点"")"`)
    expect(csv).not.toContain('示例建筑')
    // Nothing outside the dates.
    expect(ok(await h.callAs('demo-clerk', 'review', 'exportLedger', { kind: 'joins', to: '2026-11-22' })).rows).toBe(0)
    const entries = (await log(h, 'demo-city-clerk', { action: 'ledger.export' })).items
    expect(entries).toHaveLength(2)
    expect(entries[1]).toMatchObject({ actorName: '赵干事（演示）', actionName: '导出台账' })
    expect(code(await h.callAs('demo-member', 'review', 'exportLedger', { kind: 'joins' }))).toBe('FORBIDDEN')
  })

  it('exports members (with the approved application’s masked ID) and transfers of the subtree', async () => {
    const h = await cloudHarness()
    const app = await apply(h, 'o-xc-1')
    ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    const members = exportedCsv(h, ok(await h.callAs('demo-clerk', 'review', 'exportLedger', { kind: 'members' }))).split('\r\n')
    expect(members[0]).toBe('\uFEFF会员编号,工会,姓名,身份证号,就业形态,入会时间')
    expect(members.some((line) => line.startsWith('150102000001,'))).toBe(true)
    expect(members.find((line) => line.includes('张三'))).toContain(",150102********1230,")
    expect(ok(await h.callAs('demo-hm-clerk', 'review', 'exportLedger', { kind: 'members' })).rows).toBe(0)
    const transfers = exportedCsv(h, ok(await h.callAs('demo-clerk', 'review', 'exportLedger', { kind: 'transfers' })))
    expect(transfers).toMatch(/^\uFEFF转会编号,转出工会,转入工会/)
  })
})

describeOn('wx', 'a 台账 export is a file in cloud storage', () => {
  it('goes to exports/ledger/, is recorded like 金秋助学’s exports, and the same daily job deletes it a day later', async () => {
    const h = await cloudHarness()
    await apply(h, 'o-xc-1')
    const out = ok(await h.callAs('demo-clerk', 'review', 'exportLedger', { kind: 'joins' }))
    expect(out.csv).toBeNull()
    expect(new URL(out.url!).pathname).toMatch(/^\/exports\/ledger\/[^/]+\.csv$/)
    expect(await exportFiles(h.store).count({ fileId: { $ne: null } })).toBe(1)
    h.clock.advance(EXPORT_KEPT_MS + 1000)
    const purge = await dispatch('aid', functions.aid, { action: 'purgeExports', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat: h.wx!.wechat })
    expect(purge).toMatchObject({ ok: true, data: { removed: 1 } })
    expect(h.wx!.storage.size).toBe(0)
    expect(await exportFiles(h.store).count({})).toBe(0)
  })
})
