import type { JoinUnion } from '../../../domain/contract'
import type { UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { requireStaffOf, unionPathOf } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import { cachedMiniCode } from '../../lib/miniCode'
import { joinDb } from './collections'
import { nameCursor } from '../../../domain/paging'
import { acceptsMembers, describeUnions, notJoinable, parsePosterCursor, posterUnions } from './unions'
import { publicCode } from '../unions/codes'
import { findByIds } from '../../lib/store/read'

/** The page a 小程序码 opens; its `scene` is the union's code (at most 32 characters, as UnionCode allows). */
export const JOIN_PAGE = '/features/join/pages/entry/index'

/** A union the caller is staff of (or above) that takes members; anything else answers FORBIDDEN (or UNION_CLOSED, saying why). */
async function staffJoinableUnion(ctx: ActionContext, unionId: string): Promise<UnionDoc> {
  const union = await requireStaffOf(ctx, unionId)
  if (!acceptsMembers(union)) throw notJoinable(union)
  return union
}

/**
 * A page of the unions staff print posters for (keyword and cursor as review.posterUnions takes
 * them), each with whether it approves applications at once.
 */
export async function posterUnionsWithSettings(ctx: ActionContext, roots: string[], keyword?: string, cursor?: string, unionId?: string): Promise<{ unions: Array<JoinUnion & { autoApprove: boolean }>; nextCursor: string | null }> {
  // One union, as the list would give it (组织管理 opens the poster of the union it just added).
  const { unions, next } = unionId ? { unions: await describeUnions(ctx, [await staffJoinableUnion(ctx, unionId)]), next: null } : await posterUnions(ctx, roots, keyword ?? '', cursor ? parsePosterCursor(cursor) : null)
  const settings = await findByIds(joinDb(ctx.store).settings, unions.map((u) => u.id))
  const auto = new Set(settings.filter((s) => s.autoApprove).map((s) => s._id))
  return { unions: unions.map((u) => ({ ...u, autoApprove: auto.has(u.id) })), nextCursor: next ? nameCursor(next) : null }
}

/**
 * In WeChat: the 小程序码 of the union's code today (its scene), made by wxacode.getUnlimited on
 * first request and kept in cloud storage under that code (the API is rate-limited and a code's
 * picture never changes). A union whose code changed gets a new one; the old one, already printed,
 * still opens the union's join page. In the embedded home there is no such service: null, and the
 * web poster draws a QR of the web join link instead.
 */
export async function joinCode(ctx: ActionContext, unionId: string): Promise<{ fileId: string | null }> {
  const union = await staffJoinableUnion(ctx, unionId)
  if (!ctx.wechat) return { fileId: null }
  return { fileId: await cachedMiniCode(ctx, ctx.wechat, joinDb(ctx.store).codes, JOIN_PAGE, publicCode(union), 'join-codes') }
}

/** Sets whether the union's join applications are approved at once; audited. */
export async function setAutoApprove(ctx: ActionContext, unionId: string, autoApprove: boolean): Promise<{ unionId: string; autoApprove: boolean }> {
  const union = await staffJoinableUnion(ctx, unionId)
  const { settings } = joinDb(ctx.store)
  const before = (await settings.get(union._id))?.autoApprove ?? false
  if (before !== autoApprove) {
    const changed = await settings.update({ _id: union._id }, { set: { autoApprove } })
    if (changed === 0) {
      try {
        await settings.insert({ _id: union._id, autoApprove })
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error
        await settings.update({ _id: union._id }, { set: { autoApprove } })
      }
    }
    await ctx.audit({ action: 'join.setAutoApprove', target: { collection: 'joinSettings', id: union._id }, before: { autoApprove: before }, after: { autoApprove }, unionPath: unionPathOf(union) })
  }
  return { unionId: union._id, autoApprove }
}
