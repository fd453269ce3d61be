import * as v from 'valibot'
import { contract, type OrgUnion } from '../../domain/contract'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { createContext, resolveCaller } from '../../cloud/lib/context'
import { collections, type UnionDoc } from '../../cloud/lib/collections'
import { joinDb } from '../../cloud/features/join/collections'
import { transferDb } from '../../cloud/features/transfer/collections'
import { unionsDb } from '../../cloud/features/unions/collections'
import { unionByCode } from '../../cloud/features/unions/codes'
import { closeUnion } from '../../cloud/features/unions/close'
import { addUnion, editUnion } from '../../cloud/features/unions/manage'
import { importUnions } from '../../cloud/features/unions/import'
import { unionTerms } from '../../cloud/features/unions/tree'
import { submitApplication } from '../../cloud/features/join/submit'
import { startTransfer } from '../../cloud/features/transfer/start'
import type { Store } from '../../cloud/lib/store/port'
import { cloudHarness } from '../helpers/cloud'
import { before } from '../helpers/rival'
import { joinForm } from '../helpers/join'
import { asRows } from '../helpers/unions'
import { wechatStub } from '../helpers/wx-fake'

/**
 * 组织管理 (the `org` function) on this run's store: a clerk adds a union below theirs, edits one in
 * their subtree, closes one; codes are unique and never given again.
 */
type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

let seq = 0
const requestId = () => `req-${++seq}-abcdefgh`

async function ok<T = OrgUnion>(promise: Promise<Answer>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data as T
}

async function refused(promise: Promise<Answer>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  const result = await promise
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`)
  return result.error
}

const addInput = (over: Record<string, unknown> = {}) => ({ parentId: 'hhht-xc', level: 'grassroots', name: '示例物流（演示）有限公司工会', regionCode: '150102', code: 'hhht-xc-wl', idempotencyKey: requestId(), ...over })

/** The fields of a union a clerk can see change, read from the store. */
const stored = async (h: Harness, id: string) => (await collections(h.store).unions.get(id)) as UnionDoc
const audits = async (h: Harness, action: string) => (await collections(h.store).audit.find({ action }, { limit: 100 })).sort((a, b) => (a.at < b.at ? -1 : 1))

function org(h: Harness) {
  return {
    add: (who: string, over: Record<string, unknown> = {}) => h.callAs(who, 'org', 'add', addInput(over)) as Promise<Answer>,
    edit: (who: string, unionId: string, fields: { name: string; regionCode: string; code: string }) => h.callAs(who, 'org', 'edit', { unionId, ...fields }) as Promise<Answer>,
    close: (who: string, unionId: string) => h.callAs(who, 'org', 'close', { unionId }) as Promise<Answer>,
    check: (who: string, unionId: string) => h.callAs(who, 'org', 'closeCheck', { unionId }) as Promise<Answer>,
    list: (who: string, data: Record<string, unknown> = {}) => h.callAs(who, 'org', 'list', data) as Promise<Answer>,
  }
}

/** A context as the dispatcher makes one, for calling a step with a small page or time budget. */
async function contextOf(h: Harness, openid: string, store: Store = h.store) {
  return createContext(store, h.clock, await resolveCaller(h.store, { openid }), h.secrets)
}

describe('org.add', () => {
  it('a county clerk adds each level allowed below a county; each is stored in the tree with its search terms, and audited', async () => {
    const h = await cloudHarness()
    const o = org(h)
    const levels = [
      { level: 'street', name: '示例柳岸街道工会（演示）', code: 'hhht-xc-la' },
      { level: 'industry', name: '新城区示例餐饮行业工会联合会（演示）', code: 'hhht-xc-cy' },
      { level: 'newforms', name: '新城区示例网约车新业态工会联合会（演示）', code: 'hhht-xc-wyc' },
      { level: 'grassroots', name: '示例物流（演示）有限公司工会', code: 'hhht-xc-wl' },
    ]
    for (const l of levels) {
      const added = await ok(o.add('demo-clerk', l))
      expect(v.safeParse(contract.org.add.output, added).success).toBe(true)
      expect(added).toMatchObject({ id: l.code, code: l.code, name: l.name, level: l.level, parentId: 'hhht-xc', parentName: '新城区总工会', status: 'active', own: false, pending: null })
      expect(added.path).toEqual(['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会', l.name])
      const doc = await stored(h, l.code)
      expect(doc).toMatchObject({ ancestors: ['nmg', 'hhht', 'hhht-xc'], regionCode: '150102', createdBy: 'demo-clerk' })
      expect([...doc.terms].sort()).toEqual(unionTerms(l.name, ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会']).sort())
    }
    // Below the new street union: its grassroots unions.
    expect(await ok(o.add('demo-clerk', { parentId: 'hhht-xc-la', code: 'hhht-xc-la-1', name: '示例柳岸社区（演示）工会' }))).toMatchObject({ parentName: '示例柳岸街道工会（演示）' })
    const entries = await audits(h, 'org.add')
    expect(entries).toHaveLength(5)
    const street = entries.find((e) => e.target.id === 'hhht-xc-la')
    expect(street).toMatchObject({ actor: 'demo-clerk', at: '2026-11-23T08:00:00.000Z', target: { collection: 'unions', id: 'hhht-xc-la' }, before: null })
    expect(street?.after).toMatchObject({ name: '示例柳岸街道工会（演示）', level: 'street', parentId: 'hhht-xc', regionCode: '150102', code: 'hhht-xc-la' })
  })

  it('refuses a level that may not sit below the parent, a region outside it, and bad input; nothing is written, the code stays free', async () => {
    const h = await cloudHarness()
    const o = org(h)
    const county = await refused(o.add('demo-clerk', { level: 'county', code: 'hhht-xc-x' }))
    expect(county).toMatchObject({ code: 'INVALID_INPUT', fields: { level: '「新城区总工会」下只能设：乡镇（街道）工会、行业工会联合会、新业态工会联合会、基层工会' } })
    const belowGrassroots = await refused(o.add('demo-clerk', { parentId: 'hhht-xc-kd', code: 'hhht-xc-x' }))
    expect(belowGrassroots.fields?.level).toBe('「示例速递（演示）有限公司工会」是基层工会，下面不能再设工会')
    expect((await refused(o.add('demo-clerk', { regionCode: '150103', code: 'hhht-xc-x' }))).fields).toEqual({ regionCode: '须与上级「新城区总工会」相同：150102' })
    expect((await refused(o.add('demo-city-clerk', { parentId: 'hhht', level: 'county', regionCode: '150203', code: 'hhht-x' }))).fields).toEqual({ regionCode: '须在上级「呼和浩特市总工会」的地区内：以 1501 开头' })
    expect((await refused(o.add('demo-clerk', { code: 'Bad Code' }))).code).toBe('INVALID_INPUT')
    expect((await refused(o.add('demo-clerk', { code: '-x' }))).fields?.code).toBe('工会编码不能以“-”开头或结尾')
    expect((await refused(o.add('demo-clerk', { name: '  ' }))).fields?.name).toBe('请填写工会名称')
    expect((await refused(o.add('demo-clerk', { level: 'village' }))).fields?.level).toBe('请选择工会类别')
    expect(await collections(h.store).unions.get('hhht-xc-x')).toBeNull()
    expect(await unionsDb(h.store).codes.count({})).toBe(0)
    expect(await audits(h, 'org.add')).toEqual([])
    // The code refused with the bad row is still free.
    expect(await ok(o.add('demo-clerk', { code: 'hhht-xc-x' }))).toMatchObject({ id: 'hhht-xc-x' })
  })

  it('staff act only in their own subtree: a 回民区 clerk cannot add under 新城区; members, merchants and workers cannot add at all', async () => {
    const h = await cloudHarness()
    const o = org(h)
    expect((await refused(o.add('demo-hm-clerk', { code: 'hhht-xc-hm' }))).code).toBe('FORBIDDEN')
    expect((await refused(o.add('demo-clerk', { parentId: 'hhht-hm', regionCode: '150103', code: 'hhht-hm-xc' }))).code).toBe('FORBIDDEN')
    expect((await refused(o.add('demo-clerk', { parentId: 'hhht', level: 'county', regionCode: '150104', code: 'hhht-up' }))).code).toBe('FORBIDDEN')
    for (const who of ['demo-member', 'demo-merchant', 'demo-worker']) expect((await refused(o.add(who))).code).toBe('FORBIDDEN')
    expect((await refused(o.add('demo-clerk', { parentId: 'no-such-union' }))).code).toBe('FORBIDDEN')
    expect(await unionsDb(h.store).codes.count({})).toBe(0)
    // The city's clerk adds under 新城区, which is in the city's subtree.
    expect(await ok(o.add('demo-city-clerk', { code: 'hhht-xc-city' }))).toMatchObject({ parentId: 'hhht-xc' })
  })

  it('a code already in use is refused: a seeded union, a union added in the app, a code taken by a code change', async () => {
    const h = await cloudHarness()
    const o = org(h)
    const taken = await refused(o.add('demo-clerk', { code: 'hhht-xc-kd' }))
    expect(taken).toMatchObject({ code: 'UNION_CODE_TAKEN', fields: { code: 'hhht-xc-kd 已被使用，请换一个' } })
    expect(taken.message).toContain('撤销或改码后的旧编码也不再分配')
    await ok(o.add('demo-clerk', { code: 'hhht-xc-wl' }))
    expect((await refused(o.add('demo-hm-clerk', { parentId: 'hhht-hm', regionCode: '150103', code: 'hhht-xc-wl' }))).code).toBe('UNION_CODE_TAKEN')
    // Upper-case is the same code.
    expect((await refused(o.add('demo-clerk', { code: 'HHHT-XC-WL' }))).code).toBe('UNION_CODE_TAKEN')
    await ok(o.edit('demo-clerk', 'hhht-xc-wl', { name: '示例物流（演示）有限公司工会', regionCode: '150102', code: 'xc-wuliu' }))
    expect((await refused(o.add('demo-clerk', { code: 'xc-wuliu' }))).code).toBe('UNION_CODE_TAKEN')
    // The three seeded ones and the one added.
    expect(await collections(h.store).unions.count({ parentId: 'hhht-xc' })).toBe(4)
  })

  it('ten clerks adding one code at the same instant make exactly one union', async () => {
    const h = await cloudHarness()
    const o = org(h)
    const clerks = ['demo-clerk', 'demo-city-clerk']
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => o.add(clerks[i % 2], { code: 'hhht-xc-race', name: `示例抢注${i}（演示）工会` })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(9).fill('UNION_CODE_TAKEN'))
    expect(await collections(h.store).unions.get('hhht-xc-race')).not.toBeNull()
    expect(await unionsDb(h.store).codes.count({})).toBe(1)
    expect(await audits(h, 'org.add')).toHaveLength(1)
  })

  it('the same form sent again (its request id) is the same union, also after a try that stopped between its writes', async () => {
    const h = await cloudHarness()
    const o = org(h)
    const input = addInput({ code: 'hhht-xc-again' })
    const [a, b] = await Promise.all([ok(h.callAs('demo-clerk', 'org', 'add', input)), ok(h.callAs('demo-clerk', 'org', 'add', input))])
    expect(a).toEqual(b)
    expect(await ok(h.callAs('demo-clerk', 'org', 'add', input))).toEqual(a)
    expect(await audits(h, 'org.add')).toHaveLength(1)
    // A try that took the code and died before the union: the same form finishes it, anyone else is refused.
    await unionsDb(h.store).codes.insert({ _id: 'hhht-xc-half', unionId: 'hhht-xc-half', reservedAt: '2026-11-23T08:00:00.000Z', reservedBy: 'demo-clerk', requestId: 'req-half-abcdefgh' })
    expect((await refused(o.add('demo-city-clerk', { code: 'hhht-xc-half' }))).code).toBe('UNION_CODE_TAKEN')
    expect((await refused(o.add('demo-clerk', { code: 'hhht-xc-half' }))).code).toBe('UNION_CODE_TAKEN')
    expect(await ok(o.add('demo-clerk', { code: 'hhht-xc-half', idempotencyKey: 'req-half-abcdefgh' }))).toMatchObject({ id: 'hhht-xc-half', status: 'active' })
  })

  it('a new union takes an application at once, and prints its poster: listed, found by id, its 小程序码 made for its code', async () => {
    const codes: Array<{ page: string; scene: string }> = []
    const wechat = wechatStub({
      async unlimitedCode(page, scene) {
        codes.push({ page, scene })
        return Buffer.from([0x89, 0x50, 0x4e, 0x47])
      },
      uploadFile: async (cloudPath) => `cloud://env-1.bucket/${cloudPath}`,
    })
    const h = await cloudHarness(undefined, { wechat })
    await ok(org(h).add('demo-clerk', { code: 'hhht-xc-wl' }))
    const posters = await ok<{ unions: Array<{ id: string; code: string }> }>(h.callAs('demo-clerk', 'review', 'posterUnions', { keyword: '物流' }))
    expect(posters.unions.map((u) => u.id)).toEqual(['hhht-xc-wl'])
    const one = await ok<{ unions: Array<{ id: string; code: string; autoApprove: boolean }>; nextCursor: null }>(h.callAs('demo-clerk', 'review', 'posterUnions', { unionId: 'hhht-xc-wl' }))
    expect(one).toEqual({ unions: [expect.objectContaining({ id: 'hhht-xc-wl', code: 'hhht-xc-wl', name: '示例物流（演示）有限公司工会', autoApprove: false })], nextCursor: null })
    expect((await refused(h.callAs('demo-hm-clerk', 'review', 'posterUnions', { unionId: 'hhht-xc-wl' }) as Promise<Answer>)).code).toBe('FORBIDDEN')
    expect(await ok(h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-wl' }))).toEqual({ fileId: 'cloud://env-1.bucket/join-codes/hhht-xc-wl.png' })
    expect(codes).toEqual([{ page: '/features/join/pages/entry/index', scene: 'hhht-xc-wl' }])

    expect(await ok(h.callAs('demo-worker', 'member', 'unionByCode', { code: 'hhht-xc-wl' }))).toMatchObject({ id: 'hhht-xc-wl', code: 'hhht-xc-wl', parentName: '新城区总工会' })
    const app = await ok<{ status: string; union: { id: string } }>(h.callAs('demo-worker', 'member', 'join', joinForm({ unionId: 'hhht-xc-wl', idNumber: fictionalIdNumber('150102', '19920304', 311) })))
    expect(app).toMatchObject({ status: 'pending', union: { id: 'hhht-xc-wl' } })
    // Its clerks (and the city's) find it in their queue.
    const queue = await ok<{ items: Array<{ union: { id: string } }> }>(h.callAs('demo-city-clerk', 'review', 'queue', {}))
    expect(queue.items.map((i) => i.union.id)).toContain('hhht-xc-wl')
  })
})

describe('org.edit', () => {
  async function streetWithTwo(h: Harness) {
    const o = org(h)
    await ok(o.add('demo-clerk', { parentId: 'hhht-xc', level: 'street', code: 'xc-s', name: '示例街道工会（演示）' }))
    await ok(o.add('demo-clerk', { parentId: 'xc-s', code: 'xc-s-1', name: '示例甲社区（演示）工会' }))
    await ok(o.add('demo-clerk', { parentId: 'xc-s', code: 'xc-s-2', name: '示例乙社区（演示）工会' }))
  }

  it('a new name changes the search terms of the union and of every union below; search finds them by it', async () => {
    const h = await cloudHarness()
    const o = org(h)
    await streetWithTwo(h)
    const edited = await ok(o.edit('demo-clerk', 'xc-s', { name: '示例柳岸街道工会（演示）', regionCode: '150102', code: 'xc-s' }))
    expect(edited).toMatchObject({ id: 'xc-s', name: '示例柳岸街道工会（演示）', pending: null })
    const above = ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会']
    expect([...(await stored(h, 'xc-s')).terms].sort()).toEqual(unionTerms('示例柳岸街道工会（演示）', above).sort())
    for (const [id, name] of [['xc-s-1', '示例甲社区（演示）工会'], ['xc-s-2', '示例乙社区（演示）工会']]) {
      const doc = await stored(h, id)
      expect([...doc.terms].sort()).toEqual(unionTerms(name, [...above, '示例柳岸街道工会（演示）']).sort())
      expect(doc.follow).toBeUndefined()
    }
    const found = await ok<{ unions: Array<{ id: string; path: string[] }> }>(h.callAs('demo-worker', 'member', 'searchUnions', { keyword: '柳岸' }))
    // The street union takes members too.
    expect(found.unions.map((u) => u.id).sort()).toEqual(['xc-s', 'xc-s-1', 'xc-s-2'])
    expect(found.unions.find((u) => u.id === 'xc-s-1')?.path).toContain('示例柳岸街道工会（演示）')
    const entry = (await audits(h, 'org.edit'))[0]
    expect(entry).toMatchObject({ actor: 'demo-clerk', target: { collection: 'unions', id: 'xc-s' }, before: { name: '示例街道工会（演示）', code: 'xc-s' }, after: { name: '示例柳岸街道工会（演示）', code: 'xc-s' } })
  })

  it('the unions below follow a page at a time; a call whose time is up leaves the rest to org.finish', async () => {
    const h = await cloudHarness()
    await streetWithTwo(h)
    const ctx = await contextOf(h, 'demo-clerk')
    const first = await editUnion(ctx, { unionId: 'xc-s', name: '示例柳岸街道工会（演示）', regionCode: '150102', code: 'xc-s' }, { budgetMs: 0, pageSize: 1 })
    expect(first.pending).toBe('follow')
    expect((await stored(h, 'xc-s')).follow).toEqual({ after: 'xc-s-1' })
    expect((await stored(h, 'xc-s-1')).terms).toContain('柳岸')
    expect((await stored(h, 'xc-s-2')).terms).not.toContain('柳岸')
    const listed = await ok<{ items: OrgUnion[] }>(org(h).list('demo-clerk', { keyword: 'xc-s' }))
    expect(listed.items[0]).toMatchObject({ id: 'xc-s', pending: 'follow' })
    expect(await ok(h.callAs('demo-clerk', 'org', 'finish', { unionId: 'xc-s' }))).toMatchObject({ pending: null })
    expect((await stored(h, 'xc-s-2')).terms).toContain('柳岸')
    expect((await stored(h, 'xc-s')).follow).toBeUndefined()
  })

  it('a region code stays inside the parent’s; the edit is one conditional update (a stale one is told to refresh)', async () => {
    const h = await cloudHarness()
    const o = org(h)
    expect((await refused(o.edit('demo-clerk', 'hhht-xc-kd', { name: '示例速递（演示）有限公司工会', regionCode: '150103', code: 'hhht-xc-kd' }))).fields).toEqual({ regionCode: '须与上级「新城区总工会」相同：150102' })
    expect(await ok(o.edit('demo-city-clerk', 'hhht-xc', { name: '新城区总工会', regionCode: '150105', code: 'hhht-xc' }))).toMatchObject({ regionCode: '150105' })
    // The clerk of 新城区 edits their own union too.
    expect(await ok(o.edit('demo-clerk', 'hhht-xc', { name: '新城区总工会', regionCode: '150102', code: 'hhht-xc' }))).toMatchObject({ regionCode: '150102', own: true })
    expect((await refused(o.edit('demo-hm-clerk', 'hhht-xc-kd', { name: '改', regionCode: '150102', code: 'hhht-xc-kd' }))).code).toBe('FORBIDDEN')
    // Two clerks at once: the one whose read is stale is told to refresh and changes nothing.
    const rival = async () => void (await collections(h.store).unions.update({ _id: 'hhht-xc-kd' }, { set: { regionCode: '150102', name: '示例速递（演示）有限公司工会（他人改）' } }))
    const ctx = await contextOf(h, 'demo-clerk', before(h.store, 'unions', 'update', rival))
    await expect(editUnion(ctx, { unionId: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会（新）', regionCode: '150102', code: 'hhht-xc-kd' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await stored(h, 'hhht-xc-kd')).name).toBe('示例速递（演示）有限公司工会（他人改）')
    expect(await audits(h, 'org.edit')).toHaveLength(2)
  })

  it('a new code: the poster and links carry it, the union keeps its id and everything under it; the old code still finds it and is never given again', async () => {
    const codes: string[] = []
    const wechat = wechatStub({
      async unlimitedCode(_page, scene) {
        codes.push(scene)
        return Buffer.from([0x89, 0x50, 0x4e, 0x47])
      },
      uploadFile: async (cloudPath) => `cloud://env-1.bucket/${cloudPath}`,
      sendSubscribe: async () => false,
    })
    const h = await cloudHarness(undefined, { wechat })
    const o = org(h)
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19920304', 312) })))
    await ok(h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' }))

    const edited = await ok(o.edit('demo-clerk', 'hhht-xc-kd', { name: '示例速递（演示）有限公司工会', regionCode: '150102', code: 'xc-sudi' }))
    expect(edited).toMatchObject({ id: 'hhht-xc-kd', code: 'xc-sudi' })
    expect((await audits(h, 'org.edit'))[0]).toMatchObject({ before: { code: 'hhht-xc-kd' }, after: { code: 'xc-sudi' } })
    // Both codes find the union; the join page shows today's.
    for (const code of ['xc-sudi', 'hhht-xc-kd']) expect(await ok(h.callAs('demo-worker', 'member', 'unionByCode', { code }))).toMatchObject({ id: 'hhht-xc-kd', code: 'xc-sudi' })
    expect((await unionByCode(h.store, 'xc-sudi'))?._id).toBe('hhht-xc-kd')
    // The poster: a new 小程序码 for the new code; the one already printed stays as it was.
    expect(await ok(h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' }))).toEqual({ fileId: 'cloud://env-1.bucket/join-codes/xc-sudi.png' })
    expect(codes).toEqual(['hhht-xc-kd', 'xc-sudi'])
    expect((await joinDb(h.store).codes.get('hhht-xc-kd'))?.fileId).toBe('cloud://env-1.bucket/join-codes/hhht-xc-kd.png')
    // Applications, memberships and queues under the subtree are found as before.
    const queue = await ok<{ items: Array<{ id: string }> }>(h.callAs('demo-clerk', 'review', 'queue', {}))
    expect(queue.items.map((i) => i.id)).toContain(app.id)
    expect(await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))).toMatchObject({ status: 'approved' })
    expect(await ok(h.callAs('demo-member', 'member', 'profile', {}))).toMatchObject({ membership: { union: { id: 'hhht-xc-kd' } } })
    // A member elsewhere transfers into it by either code.
    await collections(h.store).memberships.insert({ _id: 'ms-hm', openid: 'o-hm', unionId: 'hhht-hm-jz', memberNo: '150103000001', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
    for (const toUnionId of ['xc-sudi', 'hhht-xc-kd']) expect(await ok(h.callAs('o-hm', 'transfer', 'preview', { toUnionId }))).toMatchObject({ toUnion: { id: 'hhht-xc-kd' } })
    // Neither code can be taken by another union, in the app or by an import.
    expect((await refused(o.add('demo-clerk', { code: 'hhht-xc-kd' }))).code).toBe('UNION_CODE_TAKEN')
    expect((await refused(o.add('demo-clerk', { code: 'xc-sudi' }))).code).toBe('UNION_CODE_TAKEN')
    expect((await refused(o.edit('demo-clerk', 'hhht-xc-hw', { name: '新城区示例环卫服务中心（演示）工会', regionCode: '150102', code: 'xc-sudi' }))).code).toBe('UNION_CODE_TAKEN')
    const report = await importUnions(h.store, asRows([{ code: 'xc-sudi', name: '示例导入（演示）工会', level: 'grassroots', parentCode: 'hhht-xc', regionCode: '150102', status: '' }]))
    expect(report.applied).toBe(false)
    expect(report.rejected[0].reasons[0]).toContain('工会编码已被使用')
    // Changed again: every code it had still finds it; going back to its first code is allowed.
    await ok(o.edit('demo-clerk', 'hhht-xc-kd', { name: '示例速递（演示）有限公司工会', regionCode: '150102', code: 'xc-sd' }))
    for (const code of ['xc-sudi', 'hhht-xc-kd', 'xc-sd']) expect((await unionByCode(h.store, code))?._id).toBe('hhht-xc-kd')
    expect(await ok(o.edit('demo-clerk', 'hhht-xc-kd', { name: '示例速递（演示）有限公司工会', regionCode: '150102', code: 'hhht-xc-kd' }))).toMatchObject({ code: 'hhht-xc-kd' })
    expect((await stored(h, 'hhht-xc-kd')).code).toBeUndefined()
    // A changed code follows the rules for new codes.
    expect((await refused(o.edit('demo-clerk', 'hhht-xc-kd', { name: '示例速递（演示）有限公司工会', regionCode: '150102', code: 'x' }))).fields).toEqual({ code: '工会编码至少 2 个字符' })
  })
})

describe('org.close', () => {
  it('is refused while applications wait, transfers are in flight, or unions below are open, naming what blocks it; nothing changes', async () => {
    const h = await cloudHarness()
    const o = org(h)
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19920304', 313) })))
    const blocked = await refused(o.close('demo-clerk', 'hhht-xc-kd'))
    expect(blocked).toEqual({ code: 'UNION_CLOSE_BLOCKED', message: '「示例速递（演示）有限公司工会」暂不能撤销：1 份入会申请待审核。请在“入会审核”中处理完申请后再撤销。' })
    expect(await ok(o.check('demo-clerk', 'hhht-xc-kd'))).toEqual({ members: 1, pendingApplications: 1, transfersInFlight: 0, openChildren: 0, openChildNames: [], blocked: blocked.message })
    expect(await stored(h, 'hhht-xc-kd')).toMatchObject({ status: 'active' })
    expect((await stored(h, 'hhht-xc-kd')).closing).toBeUndefined()
    await ok(h.callAs('demo-clerk', 'review', 'reject', { applicationId: app.id, reason: '请到新单位的工会申请' }))

    // A member transferring out: in flight.
    const t = await ok<{ id: string }>(h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'employee', idempotencyKey: 'close-test-key-1' }))
    expect((await refused(o.close('demo-clerk', 'hhht-xc-kd'))).message).toContain('1 笔转会正在办理')
    // …and into 回民区's union: that one is blocked too.
    expect((await refused(o.close('demo-city-clerk', 'hhht-hm-jz'))).message).toContain('1 笔转会正在办理')
    await ok(h.callAs('demo-member', 'transfer', 'withdraw', { transferId: t.id }))

    // Open unions below: named.
    await ok(o.add('demo-city-clerk', { code: 'xc-a', name: '示例甲（演示）工会' }))
    const parentBlocked = await refused(o.close('demo-city-clerk', 'hhht-xc'))
    expect(parentBlocked.message).toBe('「新城区总工会」暂不能撤销：下级还有 4 个工会未撤销（新城区新业态工会联合会、新城区示例环卫服务中心（演示）工会、示例甲（演示）工会 等）。请先撤销下级工会后再撤销。')
    expect(await audits(h, 'org.close')).toEqual([])
  })

  it('a union is closed from above: not by its own clerk, nor the root; not outside the subtree', async () => {
    const h = await cloudHarness()
    const o = org(h)
    expect(await refused(o.close('demo-clerk', 'hhht-xc'))).toMatchObject({ code: 'FORBIDDEN', message: '工会由上级工会撤销：你任职的工会不能由你自己撤销' })
    expect((await refused(o.close('demo-city-clerk', 'nmg'))).code).toBe('FORBIDDEN')
    expect((await refused(o.close('demo-hm-clerk', 'hhht-xc-kd'))).code).toBe('FORBIDDEN')
    expect((await refused(o.close('demo-member', 'hhht-xc-kd'))).code).toBe('FORBIDDEN')
  })

  it('closes a union with members: they are told to transfer (a link to the transfer page), it takes no joins, transfers in or unions below, and says it is closed', async () => {
    const h = await cloudHarness()
    const o = org(h)
    const closed = await ok(o.close('demo-clerk', 'hhht-xc-kd'))
    expect(v.safeParse(contract.org.close.output, closed).success).toBe(true)
    expect(closed).toMatchObject({ id: 'hhht-xc-kd', status: 'closed', pending: null, membersNotified: 1, closedAt: '2026-11-23T08:00:00.000Z' })
    const doc = await stored(h, 'hhht-xc-kd')
    expect(doc).toMatchObject({ status: 'closed', closedBy: 'demo-clerk', membersNotified: 1 })
    expect(doc.closing).toBeUndefined()
    // Nothing deleted: the membership stays, with its number.
    expect(await ok(h.callAs('demo-member', 'member', 'profile', {}))).toMatchObject({ membership: { union: { id: 'hhht-xc-kd' }, memberNo: '150102000001' } })
    const notes = await ok<{ items: Array<{ title: string; body: string; link: string }> }>(h.callAs('demo-member', 'member', 'notifications', {}))
    expect(notes.items).toEqual([expect.objectContaining({ title: '所在工会已撤销，请办理转会', link: '/features/transfer/pages/start/index' })])
    expect(notes.items[0].body).toContain('「示例速递（演示）有限公司工会」已于2026年11月23日撤销')
    const entry = (await audits(h, 'org.close'))[0]
    expect(entry).toMatchObject({ actor: 'demo-clerk', target: { collection: 'unions', id: 'hhht-xc-kd' }, before: { status: 'active' }, after: { status: 'closed', closedAt: '2026-11-23T08:00:00.000Z', members: 1 } })

    // The join page and the join action say it is closed.
    const page = await refused(h.callAs('demo-worker', 'member', 'unionByCode', { code: 'hhht-xc-kd' }) as Promise<Answer>)
    expect(page).toMatchObject({ code: 'UNION_CLOSED', message: '「示例速递（演示）有限公司工会」已撤销，不再接收入会申请。请按名称查找其他工会，或联系上级工会' })
    expect((await refused(h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19920304', 314) })) as Promise<Answer>)).code).toBe('UNION_CLOSED')
    expect(await joinDb(h.store).applications.count({ unionId: 'hhht-xc-kd' })).toBe(0)
    // No poster; not among the poster's unions; not found by search.
    expect((await refused(h.callAs('demo-clerk', 'review', 'joinCode', { unionId: 'hhht-xc-kd' }) as Promise<Answer>)).code).toBe('UNION_CLOSED')
    const posters = await ok<{ unions: Array<{ id: string }> }>(h.callAs('demo-clerk', 'review', 'posterUnions', {}))
    expect(posters.unions.map((u) => u.id)).not.toContain('hhht-xc-kd')
    const found = await ok<{ unions: Array<{ id: string }> }>(h.callAs('demo-worker', 'member', 'searchUnions', { keyword: '速递' }))
    expect(found.unions.map((u) => u.id)).not.toContain('hhht-xc-kd')
    // No transfers in (a member of 回民区 moving here).
    await collections(h.store).memberships.insert({ _id: 'ms-hm', openid: 'demo-worker', unionId: 'hhht-hm-jz', memberNo: '150103000001', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
    expect(await refused(h.callAs('demo-worker', 'transfer', 'preview', { toUnionId: 'hhht-xc-kd' }) as Promise<Answer>)).toMatchObject({ code: 'UNION_CLOSED', message: '「示例速递（演示）有限公司工会」已撤销，不能转入。请选择其他工会' })
    // No unions below, no edits; listed as closed; its code never given again.
    expect((await refused(o.add('demo-clerk', { parentId: 'hhht-xc-kd', code: 'kd-x' }))).code).toBe('UNION_CLOSED')
    expect((await refused(o.edit('demo-clerk', 'hhht-xc-kd', { name: '改名', regionCode: '150102', code: 'hhht-xc-kd' }))).code).toBe('UNION_CLOSED')
    expect((await ok<{ items: OrgUnion[] }>(o.list('demo-clerk', { keyword: '速递' }))).items).toEqual([expect.objectContaining({ id: 'hhht-xc-kd', status: 'closed' })])
    expect((await refused(o.add('demo-clerk', { code: 'hhht-xc-kd' }))).code).toBe('UNION_CODE_TAKEN')
    // Its members may transfer out.
    expect(await ok(h.callAs('demo-member', 'transfer', 'start', { toUnionId: 'hhht-xc-hw', reason: 'job_change', newEmployer: '示例环卫（演示）', jobType: 'employee', idempotencyKey: 'after-close-key-1' }))).toMatchObject({ status: 'pending_release' })
    // Closing again answers as it is; a re-import does not open it again.
    expect(await ok(o.close('demo-clerk', 'hhht-xc-kd'))).toMatchObject({ status: 'closed' })
    const report = await importUnions(h.store, asRows([
      { code: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots', parentCode: 'hhht-xc', regionCode: '150102', status: 'active' },
      { code: 'kd-below', name: '示例（演示）工会', level: 'grassroots', parentCode: 'hhht-xc-kd', regionCode: '150102', status: 'active' },
    ]))
    expect(report.rejected).toEqual([{ line: 3, code: 'kd-below', reasons: ['上级工会已撤销：hhht-xc-kd，其下不能再有未撤销的工会'] }])
    expect(await importUnions(h.store, asRows([{ code: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots', parentCode: 'hhht-xc', regionCode: '150102', status: 'active' }]))).toMatchObject({ applied: true, unchanged: 1 })
    expect((await stored(h, 'hhht-xc-kd')).status).toBe('closed')
    expect(await audits(h, 'org.close')).toHaveLength(1)
  })

  it('closes the unions below first, then the one above', async () => {
    const h = await cloudHarness()
    const o = org(h)
    await ok(o.add('demo-clerk', { parentId: 'hhht-xc', level: 'street', code: 'xc-s', name: '示例街道工会（演示）' }))
    await ok(o.add('demo-clerk', { parentId: 'xc-s', code: 'xc-s-1', name: '示例甲社区（演示）工会' }))
    expect((await refused(o.close('demo-clerk', 'xc-s'))).message).toContain('下级还有 1 个工会未撤销（示例甲社区（演示）工会）')
    await ok(o.close('demo-clerk', 'xc-s-1'))
    expect(await ok(o.close('demo-clerk', 'xc-s'))).toMatchObject({ status: 'closed', membersNotified: 0 })
  })

  it('tells members a page at a time; a call whose time is up is finished by org.finish, and nobody is told twice', async () => {
    const h = await cloudHarness()
    const { memberships } = collections(h.store)
    for (let i = 1; i <= 5; i++) await memberships.insert({ _id: `ms-many-${i}`, openid: `o-many-${i}`, unionId: 'hhht-xc-hw', memberNo: `15010290000${i}`, joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
    const ctx = await contextOf(h, 'demo-clerk')
    const first = await closeUnion(ctx, 'hhht-xc-hw', { budgetMs: 0, pageSize: 2 })
    expect(first).toMatchObject({ status: 'closed', pending: 'notify', membersNotified: 2 })
    // Meanwhile it already refuses joins.
    expect((await refused(h.callAs('demo-worker', 'member', 'unionByCode', { code: 'hhht-xc-hw' }) as Promise<Answer>)).code).toBe('UNION_CLOSED')
    // A retry of the close (or the list's 继续) goes on from where it stopped.
    expect(await closeUnion(ctx, 'hhht-xc-hw', { budgetMs: 0, pageSize: 2 })).toMatchObject({ pending: 'notify', membersNotified: 4 })
    expect(await ok(h.callAs('demo-clerk', 'org', 'finish', { unionId: 'hhht-xc-hw' }))).toMatchObject({ pending: null, membersNotified: 5 })
    const { notifications } = collections(h.store)
    expect(await notifications.count({ title: '所在工会已撤销，请办理转会' })).toBe(5)
    for (let i = 1; i <= 5; i++) expect(await notifications.count({ openid: `o-many-${i}` })).toBe(1)
    expect(await audits(h, 'org.close')).toHaveLength(1)
  })

  it('a close that finds something started after its first look gives the union back its status', async () => {
    const h = await cloudHarness()
    // A close that died in its check (closed, not yet counted) while an application came in before it closed.
    await collections(h.store).unions.update({ _id: 'hhht-xc-hw' }, { set: { status: 'closed', closedAt: '2026-11-23T08:00:00.000Z', closedBy: 'demo-clerk', closing: { stage: 'check', statusBefore: 'active', after: '', notified: 0 } } })
    const form = joinForm({ unionId: 'hhht-xc-hw', idNumber: fictionalIdNumber('150102', '19920304', 315) })
    await collections(h.store).unions.update({ _id: 'hhht-xc-hw' }, { set: { status: 'active' } })
    const app = await ok<{ id: string }>(h.callAs('demo-worker', 'member', 'join', form))
    await collections(h.store).unions.update({ _id: 'hhht-xc-hw' }, { set: { status: 'closed' } })
    expect((await refused(h.callAs('demo-clerk', 'org', 'finish', { unionId: 'hhht-xc-hw' }) as Promise<Answer>)).code).toBe('UNION_CLOSE_BLOCKED')
    const doc = await stored(h, 'hhht-xc-hw')
    expect(doc.status).toBe('active')
    expect(doc.closing).toBeUndefined()
    expect(doc.closedAt).toBeUndefined()
    expect(await ok(h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))).toMatchObject({ status: 'approved' })
  })

  it('a join, a transfer in, or an add below that arrives as the union closes is taken back, never left in the closed union', async () => {
    const h = await cloudHarness()
    const closeNow = (id: string) => async () => {
      await collections(h.store).unions.update({ _id: id }, { set: { status: 'closed', closedAt: '2026-11-23T08:00:00.000Z', closedBy: 'demo-city-clerk' } })
    }
    // The join: the union closes between its check and its insert.
    const joinCtx = await contextOf(h, 'demo-worker', before(h.store, 'applications', 'insert', closeNow('hhht-xc-hw')))
    const input = v.parse(contract.member.join.input, joinForm({ unionId: 'hhht-xc-hw', idNumber: fictionalIdNumber('150102', '19920304', 316) }))
    await expect(submitApplication(input, joinCtx)).rejects.toMatchObject({ code: 'UNION_CLOSED' })
    expect(await joinDb(h.store).applications.count({ unionId: 'hhht-xc-hw', status: 'pending' })).toBe(0)
    expect(await joinDb(h.store).claims.count({})).toBe(0)
    // The transfer in: the receiving union closes between its check and its insert.
    const transferCtx = await contextOf(h, 'demo-member', before(h.store, 'transfers', 'insert', closeNow('hhht-hm-jz')))
    const start = v.parse(contract.transfer.start.input, { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'employee', idempotencyKey: 'race-key-12345' })
    await expect(startTransfer(transferCtx, start)).rejects.toMatchObject({ code: 'UNION_CLOSED' })
    expect(await transferDb(h.store).transfers.count({})).toBe(0)
    expect((await collections(h.store).memberships.get('ms-demo-member'))?.transferId).toBeUndefined()
    // The add: the parent closes between its check and the insert; the new union is closed too.
    const addCtx = await contextOf(h, 'demo-city-clerk', before(h.store, 'unions', 'insert', closeNow('hhht-xc-xyt')))
    await expect(addUnion(addCtx, v.parse(contract.org.add.input, addInput({ parentId: 'hhht-xc-xyt', code: 'xyt-1' })))).rejects.toMatchObject({ code: 'UNION_CLOSED' })
    expect(await stored(h, 'xyt-1')).toMatchObject({ status: 'closed' })
    expect((await audits(h, 'org.add'))[0]).toMatchObject({ actor: 'demo-city-clerk', target: { id: 'xyt-1' }, after: { status: 'closed' } })
  })
})

describe('codes and the importer', () => {
  it('the importer takes a new union’s code as the app does: a re-run goes on with its own, the app may not take it, and it may not take the app’s', async () => {
    const h = await cloudHarness()
    const row = { code: 'xc-imported', name: '示例导入（演示）工会', level: 'grassroots', parentCode: 'hhht-xc', regionCode: '150102', status: '' }
    expect(await importUnions(h.store, asRows([row]))).toMatchObject({ applied: true, inserted: 1 })
    expect(await unionsDb(h.store).codes.get('xc-imported')).toMatchObject({ unionId: 'xc-imported', reservedBy: 'import' })
    // A run that stopped after taking the code and before the union: the next run finishes it.
    await unionsDb(h.store).codes.insert({ _id: 'xc-stopped', unionId: 'xc-stopped', reservedAt: '2026-11-23T08:00:00.000Z', reservedBy: 'import' })
    expect(await importUnions(h.store, asRows([row, { ...row, code: 'xc-stopped', name: '示例续导（演示）工会' }]))).toMatchObject({ applied: true, inserted: 1, unchanged: 1 })
    expect((await refused(org(h).add('demo-clerk', { code: 'xc-stopped' }))).code).toBe('UNION_CODE_TAKEN')
    // A code an add took (its union not written yet) is not the importer's.
    await unionsDb(h.store).codes.insert({ _id: 'xc-adding', unionId: 'xc-adding', reservedAt: '2026-11-23T08:00:00.000Z', reservedBy: 'demo-clerk', requestId: 'req-adding-abcdefgh' })
    expect((await importUnions(h.store, asRows([{ ...row, code: 'xc-adding' }]))).rejected[0].reasons[0]).toContain('工会编码已被使用')
  })
})

describe('org.list', () => {
  it('lists the whole subtree by name, 50 a page, closed ones too; finds by name, region or code; nothing outside', async () => {
    const h = await cloudHarness()
    const o = org(h)
    for (let i = 0; i < 55; i++) await ok(o.add('demo-clerk', { code: `xc-g${String(i).padStart(2, '0')}`, name: `示例（演示）工会${String(i).padStart(2, '0')}` }))
    await ok(o.close('demo-clerk', 'xc-g00'))
    const first = await ok<{ items: OrgUnion[]; nextCursor: string | null }>(o.list('demo-clerk'))
    expect(v.safeParse(contract.org.list.output, first).success).toBe(true)
    expect(first.items).toHaveLength(50)
    expect(first.nextCursor).not.toBeNull()
    const second = await ok<{ items: OrgUnion[]; nextCursor: string | null }>(o.list('demo-clerk', { cursor: first.nextCursor }))
    expect(second.nextCursor).toBeNull()
    const all = [...first.items, ...second.items]
    // 新城区 itself, its 3 seeded unions and the 55 added.
    expect(all).toHaveLength(59)
    expect(new Set(all.map((u) => u.id)).size).toBe(59)
    expect(all.find((u) => u.id === 'hhht-xc')).toMatchObject({ own: true })
    expect(all.find((u) => u.id === 'xc-g00')).toMatchObject({ status: 'closed' })
    expect(all.some((u) => u.id.startsWith('hhht-hm'))).toBe(false)
    const byName = await ok<{ items: OrgUnion[] }>(o.list('demo-clerk', { keyword: '环卫' }))
    expect(byName.items.map((u) => u.id)).toEqual(['hhht-xc-hw'])
    expect((await ok<{ items: OrgUnion[] }>(o.list('demo-clerk', { keyword: 'xc-g07' }))).items.map((u) => u.id)).toEqual(['xc-g07'])
    expect((await ok<{ items: OrgUnion[] }>(o.list('demo-hm-clerk', { keyword: 'xc-g07' }))).items).toEqual([])
    expect((await refused(o.list('demo-worker'))).code).toBe('FORBIDDEN')
    expect((await refused(o.list('demo-clerk', { cursor: 'nonsense' }))).code).toBe('INVALID_INPUT')
  })
})
