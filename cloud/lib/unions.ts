import type { UnionSummary } from '../../domain/contract'
import type { UnionDoc } from './collections'
import type { ActionContext } from './context'
import { findByIds } from './store/read'

export function unionSummary(union: UnionDoc): UnionSummary {
  return { id: union._id, name: union.name, level: union.level }
}

/** Names from the top of the tree down to this union. */
export async function unionPathNames(ctx: ActionContext, union: UnionDoc): Promise<string[]> {
  if (!union.ancestors.length) return [union.name]
  const above = await findByIds(ctx.db.unions, union.ancestors)
  const byId = new Map(above.map((u) => [u._id, u.name]))
  return [...union.ancestors.map((id) => byId.get(id) ?? ''), union.name].filter(Boolean)
}
