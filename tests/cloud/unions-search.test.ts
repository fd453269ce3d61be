import * as v from 'valibot'
import { NEWFORMS_OFFERED, POSTER_PAGE_SIZE, SEARCH_RESULTS, searchJoinable } from '../../cloud/features/join/unions'
import { collections, type RoleDoc, type UnionDoc } from '../../cloud/lib/collections'
import { createContext } from '../../cloud/lib/context'
import { readAll } from '../../cloud/lib/store/read'
import { contract } from '../../domain/contract'
import { matchesQuery } from '../../domain/search'
import { cloudHarness } from '../helpers/cloud'
import { recordingReads } from '../helpers/store'
import { byNameThenId, districtCode, districtName, districtRegion, fictionalUnionTree, importAll, pathsOf, PROVINCE } from '../helpers/unions'

/**
 * Union search at scale, on this run's store: the demo tree plus ~3,000 generated fictional unions
 * (tests/helpers/unions.ts), every answer compared with a brute-force scan of all of them.
 */
type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Listed = { id: string; name: string; path: string[] }
type PosterPage = { unions: Listed[]; nextCursor: string | null }

const JOINABLE = ['grassroots', 'newforms', 'street']

let h: Harness
let docs: UnionDoc[]
let paths: Map<string, string[]>

const ROLES: RoleDoc[] = [
  { _id: 'role-sl-province', openid: 'sl-province-clerk', kind: 'union_staff', unionId: PROVINCE },
  { _id: 'role-sl-district', openid: 'sl-district-clerk', kind: 'union_staff', unionId: districtCode(0, 0) },
  // A street takes members itself: its own poster comes with those of the unions below it.
  { _id: 'role-sl-street', openid: 'sl-street-clerk', kind: 'union_staff', unionId: `${districtCode(1, 2)}-s1` },
  // Three roles: a district, a street inside it (nested), and a street elsewhere.
  { _id: 'role-sl-multi-1', openid: 'sl-multi-clerk', kind: 'union_staff', unionId: districtCode(2, 3) },
  { _id: 'role-sl-multi-2', openid: 'sl-multi-clerk', kind: 'union_staff', unionId: `${districtCode(2, 3)}-s0` },
  { _id: 'role-sl-multi-3', openid: 'sl-multi-clerk', kind: 'union_staff', unionId: `${districtCode(4, 1)}-s2` },
]

beforeAll(async () => {
  h = await cloudHarness()
  await importAll(h.store, fictionalUnionTree())
  await collections(h.store).roles.insertMany(ROLES)
  docs = await readAll(collections(h.store).unions, {}, 10_000)
  paths = pathsOf(docs)
}, 180_000)

const joinable = (d: UnionDoc) => d.status === 'active' && JOINABLE.includes(d.level)
const sorted = (list: UnionDoc[]) => list.map((d) => ({ id: d._id, name: d.name })).sort(byNameThenId).map((u) => u.id)
const matching = (keyword: string) => (d: UnionDoc) => !keyword || matchesQuery(keyword, ...paths.get(d._id)!)

async function search(keyword: string) {
  const result = await h.callAs('demo-worker', 'member', 'searchUnions', { keyword })
  if (!result.ok) throw new Error(result.error.message)
  expect(v.safeParse(contract.member.searchUnions.output, result.data).success).toBe(true)
  return result.data as { unions: Listed[]; newForms: Listed[] }
}

describe('member.searchUnions over ~3,000 unions', () => {
  it('has the generated tree: about 3,000 unions, each with ancestors and terms', () => {
    expect(docs.length).toBeGreaterThan(2_900)
    const direct = docs.find((d) => d._id === `${districtCode(3, 4)}-g8`)!
    expect(direct.ancestors).toEqual([PROVINCE, 'sl-c3', districtCode(3, 4)])
    const underStreet = docs.find((d) => d._id === `${districtCode(3, 4)}-g7`)!
    expect(underStreet.ancestors).toEqual([PROVINCE, 'sl-c3', districtCode(3, 4), `${districtCode(3, 4)}-s1`])
    // Its own name's pieces, and those of every name above it (北塘, 桥头 from 示例北塘桥头区总工会（演示）).
    expect(underStreet.terms).toEqual(expect.arrayContaining(['北塘', '桥头', '二道', '示例', '省总']))
  })

  const keywords: Array<[string, string]> = [
    ['a district (region) name: the unions under its federation', districtRegion(0, 0)],
    ['a city name', '西岭市'],
    ['a street by its own name: the street and the unions under it', '南浦湖滨区二道街道'],
    ["a company union's own name, in many districts", '速递明远'],
    ['one character', '递'],
    ['two characters', '保安'],
    ['a longer keyword: a whole name', '示例东川河口区二道街道工会（演示）'],
    ['the demo tree by region', '新城区'],
    ['pieces that are all there, but never together in one name', '区总工会（演示）有限'],
    ['nothing', '不存在的工会名称'],
  ]

  it.each(keywords)('by %s (%s): exactly the first joinable matches by name, as a full scan finds them', async (_what, keyword) => {
    const found = await search(keyword)
    const expected = sorted(docs.filter((d) => joinable(d) && matching(keyword)(d)))
    expect(found.unions.map((u) => u.id)).toEqual(expected.slice(0, SEARCH_RESULTS))
    for (const u of found.unions) expect(u.path).toEqual(paths.get(u.id))
  })

  it('a region finds what is under it, and only that', async () => {
    const found = await search(districtRegion(0, 0))
    expect(found.unions).toHaveLength(SEARCH_RESULTS)
    for (const u of found.unions) expect(u.path).toContain(districtName(0, 0))
    expect((await search('回民区')).unions.map((u) => u.id)).toEqual(['hhht-hm-jz'])
  })

  it('checks the whole keyword on what the terms find: pieces found apart are no match', async () => {
    const keyword = '区总工会（演示）有限'
    const { store, reads } = recordingReads(h.store)
    const found = await searchJoinable(createContext(store, h.clock, null, h.secrets), keyword)
    expect(reads.find((r) => 'terms' in r.filter)!.returned).toBeGreaterThan(0)
    expect(found.unions).toEqual([])
  })

  it('always offers the first 新业态工会联合会 by name', async () => {
    const expected = sorted(docs.filter((d) => d.level === 'newforms' && d.status === 'active')).slice(0, NEWFORMS_OFFERED)
    expect((await search('速递')).newForms.map((u) => u.id)).toEqual(expected)
    expect(await search('')).toMatchObject({ unions: [], newForms: expect.any(Array) })
  })

  it('costs a few small reads whatever the number of unions: one indexed find on terms, the 新业态 list, the names above', async () => {
    for (const keyword of ['递', districtRegion(2, 1), '示例东川河口区二道街道工会（演示）']) {
      const { store, reads } = recordingReads(h.store)
      await searchJoinable(createContext(store, h.clock, null, h.secrets), keyword)
      const unionReads = reads.filter((r) => r.collection === 'unions')
      expect(unionReads.length).toBeLessThanOrEqual(3)
      expect(unionReads.filter((r) => 'terms' in r.filter)).toHaveLength(1)
      // The searches read at most 50; the rest reads names by id.
      expect(unionReads.every((r) => r.limit <= 50 || '_id' in r.filter)).toBe(true)
      expect(unionReads.reduce((n, r) => n + r.returned, 0)).toBeLessThan(150)
    }
  })
})

/** Every page of one clerk's poster list (with a keyword, if given). */
async function allPages(openid: string, keyword?: string) {
  const pages: PosterPage[] = []
  for (let cursor: string | null | undefined; cursor !== null; ) {
    const result = await h.callAs(openid, 'review', 'posterUnions', { ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) })
    if (!result.ok) throw new Error(result.error.message)
    expect(v.safeParse(contract.review.posterUnions.output, result.data).success).toBe(true)
    const page = result.data as PosterPage
    pages.push(page)
    cursor = page.nextCursor
    if (pages.length > 200) throw new Error('paging does not end')
  }
  return pages
}

function subtree(roots: string[], keyword = '') {
  return sorted(docs.filter((d) => roots.some((r) => d._id === r || d.ancestors.includes(r)) && joinable(d) && matching(keyword)(d)))
}

describe('review.posterUnions pages through the staff subtree', () => {
  const cases: Array<[string, string, string[], string | undefined]> = [
    ['a province clerk, everything', 'sl-province-clerk', [PROVINCE], undefined],
    ['a province clerk, a district', 'sl-province-clerk', [PROVINCE], districtRegion(5, 4)],
    ['a province clerk, a company name', 'sl-province-clerk', [PROVINCE], '速递'],
    ['a district clerk, everything', 'sl-district-clerk', [districtCode(0, 0)], undefined],
    ['a district clerk, another district (none)', 'sl-district-clerk', [districtCode(0, 0)], districtRegion(0, 1)],
    ['a street clerk (the street itself takes members)', 'sl-street-clerk', [`${districtCode(1, 2)}-s1`], undefined],
    ['a clerk with nested and separate roles', 'sl-multi-clerk', [districtCode(2, 3), `${districtCode(4, 1)}-s2`], undefined],
    ['a clerk with nested and separate roles, by street name', 'sl-multi-clerk', [districtCode(2, 3), `${districtCode(4, 1)}-s2`], '街道'],
  ]

  // A province clerk's ~2,700 unions are 55 pages: on the stand-in server (which scans every document for each read) that takes a while.
  it.each(cases)('%s: every union of the subtree exactly once, in name order, 50 a page, nothing outside', async (_what, openid, roots, keyword) => {
    const pages = await allPages(openid, keyword)
    const ids = pages.flatMap((p) => p.unions.map((u) => u.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(subtree(roots, keyword))
    pages.slice(0, -1).forEach((p) => expect(p.unions).toHaveLength(POSTER_PAGE_SIZE))
    expect(pages[pages.length - 1].unions.length).toBeLessThanOrEqual(POSTER_PAGE_SIZE)
  }, 120_000)

  it('a deep page costs what the first does', async () => {
    const first = await h.callAs('sl-province-clerk', 'review', 'posterUnions', {})
    const cursor = (first as { data: PosterPage }).data.nextCursor!
    const { store, reads } = recordingReads(h.store)
    const { posterUnions, parsePosterCursor } = await import('../../cloud/features/join/unions')
    const ctx = createContext(store, h.clock, null, h.secrets)
    await posterUnions(ctx, [PROVINCE], '', parsePosterCursor(cursor))
    expect(reads.reduce((n, r) => n + r.returned, 0)).toBeLessThan(POSTER_PAGE_SIZE * 3)
  })

  it('refuses a cursor it did not make, and callers who are not staff', async () => {
    expect(await h.callAs('sl-province-clerk', 'review', 'posterUnions', { cursor: 'no cursor' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.callAs('sl-province-clerk', 'review', 'posterUnions', { keyword: 'x'.repeat(31) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.callAs('demo-worker', 'review', 'posterUnions', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
