import type { JoinUnion, UnionLevel } from '../../../src/domain/contract'
import { CloudError } from '../../../src/domain/errors'
import type { UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { findByIds, readAll } from '../../lib/store/read'

/**
 * Members belong to one grassroots union; a worker without one at the employer joins the local
 * 新业态工会联合会 or the residence-area (乡镇/街道) union. Federations above take no members.
 */
const JOINABLE: UnionLevel[] = ['grassroots', 'newforms', 'street']

export function acceptsMembers(union: UnionDoc): boolean {
  return union.status === 'active' && JOINABLE.includes(union.level)
}

/** The union a join code names, or UNION_NOT_FOUND / UNION_CLOSED with a Chinese message. */
export async function joinableUnion(ctx: ActionContext, code: string): Promise<UnionDoc> {
  const union = await ctx.db.unions.get(code)
  if (!union) throw new CloudError('UNION_NOT_FOUND')
  if (!acceptsMembers(union)) throw new CloudError('UNION_CLOSED', union.status === 'active' ? `「${union.name}」不直接接收会员，请选择基层工会或新业态工会联合会` : undefined)
  return union
}

/** Describes unions for the join page, their ancestors read in one query. */
export async function describeUnions(ctx: ActionContext, unions: UnionDoc[]): Promise<JoinUnion[]> {
  const ancestorIds = [...new Set(unions.flatMap((u) => u.ancestors))]
  const above = await findByIds(ctx.db.unions, ancestorIds)
  const names = new Map(above.map((u) => [u._id, u.name]))
  return unions.map((union) => ({
    id: union._id,
    name: union.name,
    level: union.level,
    parentName: union.parentId ? (names.get(union.parentId) ?? null) : null,
    path: [...union.ancestors.map((id) => names.get(id) ?? ''), union.name].filter(Boolean),
  }))
}

/**
 * Unions a person may join whose name, or an ancestor's name (the region: 新城区, 呼和浩特), holds
 * the keyword; and the 新业态工会联合会 for workers whose employer has no union. The store has no
 * text search, so the joinable unions are read (at most 500) and filtered here.
 */
export async function searchJoinable(ctx: ActionContext, keyword: string): Promise<{ unions: JoinUnion[]; newForms: JoinUnion[] }> {
  const joinable = await ctx.db.unions.find({ level: { $in: JOINABLE }, status: 'active' }, { limit: 500 })
  const described = await describeUnions(ctx, joinable)
  const matches = keyword ? described.filter((u) => u.path.some((name) => name.includes(keyword))) : []
  return { unions: matches.slice(0, 20), newForms: described.filter((u) => u.level === 'newforms').slice(0, 10) }
}

/** The unions a staff member may print a join poster for: joinable ones in their subtrees. */
export async function posterUnions(ctx: ActionContext, roots: string[]): Promise<JoinUnion[]> {
  const [below, own] = await Promise.all([readAll(ctx.db.unions, { ancestors: { $in: roots } }, 5000), findByIds(ctx.db.unions, roots)])
  const joinable = [...own, ...below].filter(acceptsMembers)
  const unique = [...new Map(joinable.map((u) => [u._id, u])).values()]
  return describeUnions(ctx, unique)
}
