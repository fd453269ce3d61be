import * as v from 'valibot'
import type { JoinUnion } from '../../../domain/contract'
import { JOINABLE_LEVELS } from '../../../domain/unions'
import { CloudError } from '../../../domain/errors'
import { UnionCode } from '../../../domain/join/form'
import { parseNameCursor } from '../../../domain/paging'
import { matchesQuery, queryTerms } from '../../../domain/search'
import type { UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import type { Filter } from '../../lib/store/port'
import { findByIds, keysetOf, keysetPage, type Keyset } from '../../lib/store/read'
import { publicCode, unionByCode } from '../unions/codes'

/** The levels that take members (domain/unions.ts). */
const JOINABLE = [...JOINABLE_LEVELS]

export function acceptsMembers(union: UnionDoc): boolean {
  return union.status === 'active' && JOINABLE.includes(union.level)
}

/** What a join page says of a union that takes no members: closed (已撤销), paused, or a federation. */
export function notJoinable(union: UnionDoc): CloudError {
  if (union.status === 'closed') return new CloudError('UNION_CLOSED', `「${union.name}」已撤销，不再接收入会申请。请按名称查找其他工会，或联系上级工会`)
  if (union.status === 'active') return new CloudError('UNION_CLOSED', `「${union.name}」不直接接收会员，请选择基层工会或新业态工会联合会`)
  return new CloudError('UNION_CLOSED')
}

/**
 * The union a join code names (its id, its code today, or a code it had before: printed posters keep
 * working), or UNION_NOT_FOUND / UNION_CLOSED with a Chinese message.
 */
export async function joinableUnion(ctx: ActionContext, code: string): Promise<UnionDoc> {
  const union = await unionByCode(ctx.store, code)
  if (!union) throw new CloudError('UNION_NOT_FOUND')
  if (!acceptsMembers(union)) throw notJoinable(union)
  return union
}

/** member.unionByCode: the joinable union a code names, as the join page shows it. */
export async function joinableUnionByCode(ctx: ActionContext, code: string): Promise<JoinUnion> {
  const [union] = await describeUnions(ctx, [await joinableUnion(ctx, code)])
  return union
}

/** Describes unions for the join page, their ancestors read in one query. */
export async function describeUnions(ctx: ActionContext, unions: UnionDoc[]): Promise<JoinUnion[]> {
  const ancestorIds = [...new Set(unions.flatMap((u) => u.ancestors))]
  const above = await findByIds(ctx.db.unions, ancestorIds)
  const names = new Map(above.map((u) => [u._id, u.name]))
  return unions.map((union) => ({
    id: union._id,
    code: publicCode(union),
    name: union.name,
    level: union.level,
    parentName: union.parentId ? (names.get(union.parentId) ?? null) : null,
    path: [...union.ancestors.map((id) => names.get(id) ?? ''), union.name].filter(Boolean),
  }))
}

/** The joinable unions whose name or an ancestor's name may hold the keyword (by its terms). */
export function joinableFilter(keyword: string): Filter<UnionDoc> {
  const terms = queryTerms(keyword)
  return { level: { $in: JOINABLE }, status: 'active', ...(terms.length ? { terms: { $all: terms } } : {}) }
}

/** A union's path (its ancestors' names and its own) holds the whole keyword: the terms only narrow. */
const matchesKeyword = (keyword: string, union: JoinUnion) => !keyword || matchesQuery(keyword, ...union.path)

/** How many unions a search shows, and how many candidates (in name order) it reads for them. */
export const SEARCH_RESULTS = 20
const SEARCH_READ = 50
/** How many 新业态工会联合会 a search offers beside its results. */
export const NEWFORMS_OFFERED = 10

/**
 * Unions a person may join whose name, or an ancestor's name (the region: 新城区, 呼和浩特), holds
 * the keyword; and the 新业态工会联合会 for workers whose employer has no union. The search is one
 * indexed read on `terms` (every 2-character piece of the keyword), in name order, of at most
 * SEARCH_READ candidates whose paths are then checked for the whole keyword: what it costs does not
 * grow with the number of unions.
 */
export async function searchJoinable(ctx: ActionContext, keyword: string): Promise<{ unions: JoinUnion[]; newForms: JoinUnion[] }> {
  const [candidates, newForms] = await Promise.all([
    queryTerms(keyword).length ? ctx.db.unions.find(joinableFilter(keyword), { sort: { name: 1, _id: 1 }, limit: SEARCH_READ }) : Promise.resolve([]),
    ctx.db.unions.find({ level: 'newforms', status: 'active' }, { sort: { name: 1, _id: 1 }, limit: NEWFORMS_OFFERED }),
  ])
  const described = await describeUnions(ctx, [...candidates, ...newForms])
  const found = described.slice(0, candidates.length).filter((u) => matchesKeyword(keyword, u))
  return { unions: found.slice(0, SEARCH_RESULTS), newForms: described.slice(candidates.length) }
}

/** A page of the poster list, and where the next starts (null: no more). */
export const POSTER_PAGE_SIZE = 50
/** A page with a keyword reads at most this many candidates, then answers with what it found. */
export const POSTER_SCAN = 1_000

/** The poster list's position (domain/paging.ts), or a clear INVALID_INPUT. */
export function parsePosterCursor(cursor: string): Keyset {
  const at = parseNameCursor(cursor)
  if (!at || !v.is(UnionCode, at.id)) throw new CloudError('INVALID_INPUT', '列表位置不正确，请刷新后重试', { cursor: '列表位置不正确' })
  return at
}

const byNameThenId = (a: Keyset, b: Keyset) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const keyOf = (u: JoinUnion): Keyset => ({ value: u.name, id: u.id })

/**
 * The unions a staff member may print a join poster for, a page at a time: the joinable ones in
 * their subtrees (each root union and those below it), whose path holds the keyword if one is
 * given, ordered by name then id.
 */
export async function posterUnions(ctx: ActionContext, roots: string[], keyword = '', after: Keyset | null = null, size = POSTER_PAGE_SIZE): Promise<{ unions: JoinUnion[]; next: Keyset | null }> {
  const { unions, next } = await subtreePage(ctx, roots, { level: { $in: JOINABLE }, status: 'active' }, acceptsMembers, keyword, after, size)
  return { unions: unions.map((u) => u.view), next }
}

/**
 * A page of the unions in the caller's subtrees (each root union and those below it) that match
 * `base`, whose path holds the keyword if one is given, ordered by name then id: the poster list
 * (joinable ones) and 组织管理 (all). Those below the roots are read by keyset on the subtree (and
 * on `terms` with a keyword): a deep page costs what the first does. The roots themselves (a few,
 * kept when `rootOk` says) are merged in where their names fall.
 */
export async function subtreePage(
  ctx: ActionContext,
  roots: string[],
  base: Filter<UnionDoc>,
  rootOk: (union: UnionDoc) => boolean,
  keyword: string,
  after: Keyset | null,
  size: number,
): Promise<{ unions: Array<{ doc: UnionDoc; view: JoinUnion }>; next: Keyset | null }> {
  const terms = queryTerms(keyword)
  const filter: Filter<UnionDoc> = { ancestors: { $in: roots }, ...base, ...(terms.length ? { terms: { $all: terms } } : {}) }
  const found: Array<{ doc: UnionDoc; view: JoinUnion }> = []
  const described = async (docs: UnionDoc[]) => (await describeUnions(ctx, docs)).map((view, i) => ({ doc: docs[i], view })).filter((u) => matchesKeyword(keyword, u.view))
  let position = after
  let scanned = 0
  let exhausted = false
  // One more than the page, to know whether another page follows.
  while (found.length <= size && (!keyword || scanned < POSTER_SCAN)) {
    const want = size + 1 - found.length
    const batch = await keysetPage(ctx.db.unions, filter, 'name', position, want)
    scanned += batch.length
    found.push(...(await described(batch)))
    if (batch.length < want) {
      exhausted = true
      break
    }
    position = keysetOf(batch[batch.length - 1], 'name')
  }
  // Everything up to `bound` has been read (all of it when exhausted); the roots join within it.
  const bound = exhausted ? null : position
  const within = (k: Keyset) => (!after || byNameThenId(k, after) > 0) && (!bound || byNameThenId(k, bound) <= 0)
  const own = (await described((await findByIds(ctx.db.unions, roots)).filter(rootOk))).filter((u) => within(keyOf(u.view)))
  const merged = [...new Map([...found, ...own].map((u) => [u.view.id, u])).values()].sort((a, b) => byNameThenId(keyOf(a.view), keyOf(b.view)))
  const page = merged.slice(0, size)
  const next = merged.length > size ? keyOf(page[page.length - 1].view) : bound
  return { unions: page, next }
}
