import type { ActionContext } from '../../lib/context'
import { findByIds } from '../../lib/store/read'

/** How the deploy's first-administrator invitation names its inviter. */
export const SYSTEM_NAME = '首次部署'

/**
 * People's display names for staff lists (who invited, who accepted, who holds a role), read in one
 * query: lists show names, never openids. 'system' is the deploy.
 */
export async function displayNames(ctx: ActionContext, openids: ReadonlyArray<string | null | undefined>): Promise<(openid: string) => string> {
  const ids = [...new Set(openids.filter((id): id is string => Boolean(id) && id !== 'system'))]
  const people = await findByIds(ctx.db.people, ids)
  const names = new Map(people.map((p) => [p._id, p.displayName]))
  return (openid) => (openid === 'system' ? SYSTEM_NAME : (names.get(openid) ?? '微信用户'))
}
