import { ensureIndexes } from '../../cloud/functions/schema'
import { addMissingTerms } from '../../cloud/features/unions/backfill'
import { importUnions } from '../../cloud/features/unions/import'
import { unionTerms } from '../../cloud/features/unions/tree'
import { collections, type UnionDoc } from '../../cloud/lib/collections'
import type { Collection, Doc, Filter, Patch, Store } from '../../cloud/lib/store/port'
import { readAll } from '../../cloud/lib/store/read'
import { parseCsv, parseJsonRows } from '../../scripts/lib/read-rows'
import { STORE_KIND, testStore } from '../helpers/store'
import { asRows, toCsv, type UnionRecord } from '../helpers/unions'

/**
 * npm run import:unions' logic (cloud/features/unions/import.ts) on this run's store: the embedded
 * one, or WeChat's (the adapter on the real SDK over the stand-in server), which --cloud writes to.
 */
const TREE: UnionRecord[] = [
  { code: 'sx', name: '示例省总工会（演示）', level: 'province', parentCode: '', regionCode: '980000', status: '' },
  { code: 'sx-c', name: '示例云港市总工会（演示）', level: 'city', parentCode: 'sx', regionCode: '980100', status: 'active' },
  { code: 'sx-c-d', name: '示例云港东湖区总工会（演示）', level: '县级总工会', parentCode: 'sx-c', regionCode: '980101', status: 'active' },
  { code: 'sx-c-d-s', name: '示例东湖区柳岸街道工会（演示）', level: 'street', parentCode: 'sx-c-d', regionCode: '980101', status: 'active' },
  { code: 'sx-c-d-s-g1', name: '示例快运（演示）有限公司工会', level: 'grassroots', parentCode: 'sx-c-d-s', regionCode: '980101', status: 'active' },
  { code: 'sx-c-d-g2', name: '示例保洁（演示）服务中心工会', level: '基层工会', parentCode: 'sx-c-d', regionCode: '980101', status: '停用' },
  { code: 'sx-c-e', name: '示例云港西山区总工会（演示）', level: 'county', parentCode: 'sx-c', regionCode: '980102', status: 'active' },
]

async function fresh(): Promise<{ store: Store; server: ReturnType<typeof testStore>['server'] }> {
  const { store, server } = testStore()
  await ensureIndexes(store)
  return { store, server }
}

const all = async (store: Store) => (await readAll(collections(store).unions, {}, 10_000)).sort((a, b) => (a._id < b._id ? -1 : 1))
const one = async (store: Store, id: string) => (await collections(store).unions.get(id)) as UnionDoc
/** What was sent to WeChat's database that writes (the stand-in's log); null on the embedded store. */
const writes = (server: ReturnType<typeof testStore>['server']) => server?.log.filter((r) => /insertDocument|modifyDocument|removeDocument/.test(r.action)).length ?? null

describe(`import:unions on ${STORE_KIND}`, () => {
  it('imports a good CSV: the tree with ancestors and search terms, levels and statuses in either spelling', async () => {
    const { store } = await fresh()
    const report = await importUnions(store, parseCsv(toCsv(TREE)))
    expect(report).toEqual({ applied: true, inserted: 7, updated: 0, unchanged: 0, followed: 0, rejected: [] })
    const g1 = await one(store, 'sx-c-d-s-g1')
    expect(g1).toMatchObject({ name: '示例快运（演示）有限公司工会', level: 'grassroots', parentId: 'sx-c-d-s', ancestors: ['sx', 'sx-c', 'sx-c-d', 'sx-c-d-s'], regionCode: '980101', status: 'active' })
    expect(g1.terms.sort()).toEqual(unionTerms(g1.name, ['示例省总工会（演示）', '示例云港市总工会（演示）', '示例云港东湖区总工会（演示）', '示例东湖区柳岸街道工会（演示）']).sort())
    expect(await one(store, 'sx-c-d')).toMatchObject({ level: 'county', ancestors: ['sx', 'sx-c'] })
    expect(await one(store, 'sx-c-d-g2')).toMatchObject({ level: 'grassroots', status: 'disabled' })
    expect(await one(store, 'sx')).toMatchObject({ parentId: null, ancestors: [], status: 'active' })
  })

  it('reads JSON too, and takes a parent already in the store', async () => {
    const { store } = await fresh()
    await importUnions(store, asRows(TREE.slice(0, 3)))
    const json = JSON.stringify([{ code: 'sx-c-d-x', name: '示例东湖区新业态工会联合会（演示）', level: 'newforms', parentCode: 'sx-c-d', regionCode: 980101, status: null }], null, 2)
    expect(await importUnions(store, parseJsonRows(json))).toMatchObject({ applied: true, inserted: 1 })
    expect(await one(store, 'sx-c-d-x')).toMatchObject({ ancestors: ['sx', 'sx-c', 'sx-c-d'], status: 'active', regionCode: '980101' })
  })

  it('lists every bad row with its line and reasons, and then changes nothing', async () => {
    const { store, server } = await fresh()
    await importUnions(store, asRows(TREE))
    const before = await all(store)
    const sent = writes(server)
    const bad = (code: string, over: Partial<UnionRecord>): UnionRecord => ({ code, name: '示例工会（演示）', level: 'grassroots', parentCode: 'sx-c-d', regionCode: '980101', status: 'active', ...over })
    const rows = [
      bad('sx-ok', {}), // line 2: fine on its own, but the file is refused as a whole
      bad('a'.repeat(33), {}), // 3
      bad('Sx_Bad%', {}), // 4
      bad('sx-no-parent', { parentCode: 'sx-nowhere' }), // 5
      bad('sx-level', { level: 'mayor' }), // 6
      bad('sx-region', { regionCode: '98010' }), // 7
      bad('sx-region2', { regionCode: '98O101' }), // 8
      bad('sx-name', { name: '  ' }), // 9
      bad('sx-status', { status: 'closed' }), // 10
      bad('sx-self', { parentCode: 'sx-self' }), // 11
      bad('sx-ok', { name: '示例重复（演示）' }), // 12
      bad('sx-many', { level: '', regionCode: '', parentCode: 'sx-gone' }), // 13
      bad('sx-child', { parentCode: 'sx-level' }), // 14: its parent's own row is refused; nothing more to say
    ]
    const report = await importUnions(store, asRows(rows))
    expect(report.applied).toBe(false)
    expect(report.rejected.map((r) => [r.line, r.code, r.reasons.join('；')])).toEqual([
      [3, 'a'.repeat(33), '工会编码：工会编码不超过 32 个字符'],
      [4, 'Sx_Bad%', '工会编码：工会编码只包含小写字母、数字和“-”'],
      [5, 'sx-no-parent', '上级工会不存在（文件和库中都没有）：sx-nowhere'],
      [6, 'sx-level', '未知的工会层级：mayor'],
      [7, 'sx-region', '行政区划代码须为 6 位数字：98010'],
      [8, 'sx-region2', '行政区划代码须为 6 位数字：98O101'],
      [9, 'sx-name', '名称须为 1–60 个字（不换行）'],
      [10, 'sx-status', '状态须为 active（启用）或 disabled（停用）：closed'],
      [11, 'sx-self', '上级工会不能是它自己'],
      [12, 'sx-ok', '工会编码重复：第 2 行已有 sx-ok'],
      [13, 'sx-many', '未知的工会层级：（空）；行政区划代码须为 6 位数字：（空）；上级工会不存在（文件和库中都没有）：sx-gone'],
    ])
    expect(await all(store)).toEqual(before)
    if (server) expect(writes(server)).toBe(sent)
  })

  it('refuses a cycle, within the file or through the store, and changes nothing', async () => {
    const { store } = await fresh()
    await importUnions(store, asRows(TREE))
    const before = await all(store)
    const loop = await importUnions(store, asRows([
      { code: 'sx-p', name: '示例甲（演示）', level: 'county', parentCode: 'sx-q', regionCode: '980101', status: '' },
      { code: 'sx-q', name: '示例乙（演示）', level: 'county', parentCode: 'sx-p', regionCode: '980101', status: '' },
      { code: 'sx-r', name: '示例丙（演示）', level: 'grassroots', parentCode: 'sx-q', regionCode: '980101', status: '' },
    ]))
    expect(loop.rejected.map((r) => [r.line, r.reasons])).toEqual([
      [2, ['上级关系成环：sx-p → sx-q → sx-p']],
      [3, ['上级关系成环：sx-q → sx-p → sx-q']],
      [4, ['上级工会处在成环的上级关系中：sx-p → sx-q → sx-p']],
    ])
    // The district moved under its own street, which is stored below it.
    const moved = await importUnions(store, asRows([{ ...TREE[2], parentCode: 'sx-c-d-s' }]))
    expect(moved).toMatchObject({ applied: false, rejected: [{ line: 2, code: 'sx-c-d', reasons: ['上级关系成环：sx-c-d → sx-c-d-s → sx-c-d'] }] })
    expect(await all(store)).toEqual(before)
  })

  it('re-importing the same file changes nothing; a changed row changes only what differs, and leaves other fields', async () => {
    const { store, server } = await fresh()
    await importUnions(store, asRows(TREE))
    await collections(store).unions.update({ _id: 'sx-c-d-s-g1' }, { set: { transferReleaseDays: 7 } })
    const before = await all(store)
    const sent = writes(server)
    expect(await importUnions(store, parseCsv(toCsv(TREE)))).toEqual({ applied: true, inserted: 0, updated: 0, unchanged: 7, followed: 0, rejected: [] })
    expect(await all(store)).toEqual(before)
    if (server) expect(writes(server)).toBe(sent)

    const changed = TREE.map((r) => (r.code === 'sx-c-d-s-g1' ? { ...r, regionCode: '980109', status: 'disabled' } : r))
    expect(await importUnions(store, asRows(changed))).toMatchObject({ inserted: 0, updated: 1, unchanged: 6, followed: 0 })
    expect(await one(store, 'sx-c-d-s-g1')).toEqual({ ...before.find((d) => d._id === 'sx-c-d-s-g1'), regionCode: '980109', status: 'disabled', transferReleaseDays: 7 })
    if (server) {
      const { updateRequests } = await import('../stand-ins/cloudbase-db/requests')
      expect(updateRequests(server, 'unions').slice(-1)).toEqual([{ collection: 'unions', query: { _id: 'sx-c-d-s-g1' }, data: { $set: { regionCode: '980109', status: 'disabled' } }, multi: true }])
    }
  })

  it('a renamed or moved union takes its stored descendants along: their ancestors and terms follow', async () => {
    const { store } = await fresh()
    await importUnions(store, asRows(TREE))
    // Only the district is in the file: renamed to a shorter name.
    const renamed = await importUnions(store, asRows([{ ...TREE[2], name: '示例临江区总工会（演示）' }]))
    expect(renamed).toMatchObject({ applied: true, updated: 1, followed: 3 })
    for (const id of ['sx-c-d-s', 'sx-c-d-s-g1', 'sx-c-d-g2']) {
      const doc = await one(store, id)
      expect(doc.terms).toEqual(expect.arrayContaining(['临江']))
      // 港东 was only in the district's old name (示例云港东湖区总工会).
      expect(doc.terms).not.toContain('港东')
    }
    // The street (with its company union) moves to the other district.
    const moved = await importUnions(store, asRows([{ ...TREE[3], parentCode: 'sx-c-e', name: '示例西山区柳岸街道工会（演示）' }]))
    expect(moved).toMatchObject({ applied: true, updated: 1, followed: 1 })
    expect(await one(store, 'sx-c-d-s')).toMatchObject({ parentId: 'sx-c-e', ancestors: ['sx', 'sx-c', 'sx-c-e'] })
    const g1 = await one(store, 'sx-c-d-s-g1')
    expect(g1.ancestors).toEqual(['sx', 'sx-c', 'sx-c-e', 'sx-c-d-s'])
    expect(g1.terms).toEqual(expect.arrayContaining(['西山']))
    expect(g1.terms).not.toContain('临江')
    expect(await collections(store).unions.count({ ancestors: 'sx-c-d' })).toBe(1)
  })

  it('an import stopped half-way is finished by running it again', async () => {
    const { store } = await fresh()
    await importUnions(store, asRows(TREE))
    const file = asRows([{ ...TREE[2], name: '示例临江区总工会（演示）' }])
    // The run stops while the district's descendants follow it (at its company union): the district
    // itself is written last, so the next run still sees it differ and makes them follow again.
    const failing: Store = {
      ...store,
      collection<T extends Doc>(name: string): Collection<T> {
        const inner = store.collection<T>(name)
        return { ...inner, update: async (filter: Filter<T>, patch: Patch<T>) => ((filter as { _id?: string })._id === 'sx-c-d-s-g1' ? Promise.reject(new Error('network down')) : inner.update(filter, patch)) }
      },
    }
    await expect(importUnions(failing, file)).rejects.toThrow('network down')
    expect((await one(store, 'sx-c-d')).name).toBe('示例云港东湖区总工会（演示）')
    expect(await importUnions(store, file)).toMatchObject({ applied: true, updated: 1 })
    expect((await one(store, 'sx-c-d')).name).toBe('示例临江区总工会（演示）')
    expect((await one(store, 'sx-c-d-s-g1')).terms).toEqual(expect.arrayContaining(['临江']))
  })

  it('unions stored before search terms existed get them at the local server’s start, nothing else changing', async () => {
    const { store } = await fresh()
    await importUnions(store, asRows(TREE))
    const imported = await all(store)
    await collections(store).unions.update({ status: 'active' }, { unset: ['terms'] })
    expect(await collections(store).unions.count({ terms: { $exists: false } })).toBe(6)
    expect(await addMissingTerms(store)).toBe(6)
    expect(await all(store)).toEqual(imported)
    expect(await addMissingTerms(store)).toBe(0)
  })
})
