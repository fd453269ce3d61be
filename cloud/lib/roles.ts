import { isWithin } from '../../src/domain/unions'
import { CloudError } from '../../src/domain/errors'
import type { MembershipDoc, UnionDoc } from './collections'
import { signedIn, type ActionContext, type Caller } from './context'

/**
 * Who may act on what. Staff of a union act on it and on every union below it, never on others;
 * merchant staff act for their one merchant; members act on their own records.
 */

/** The unions the caller is staff of (each the root of a subtree they may act on). */
export function staffUnionIds(caller: Caller | null): string[] {
  return (caller?.roles ?? []).flatMap((role) => (role.kind === 'union_staff' ? [role.unionId] : []))
}

export function merchantIds(caller: Caller | null): string[] {
  return (caller?.roles ?? []).flatMap((role) => (role.kind === 'merchant_staff' ? [role.merchantId] : []))
}

/**
 * Every union above this one, then itself. Store it on a record a union owns (an application, an
 * offer, a station), so `{ unionPath: staffUnionId }` finds a whole subtree's records in one query.
 */
export function unionPathOf(union: Pick<UnionDoc, '_id' | 'ancestors'>): string[] {
  return [...union.ancestors, union._id]
}

export function isStaffOf(caller: Caller | null, union: Pick<UnionDoc, '_id' | 'ancestors'>): boolean {
  return staffUnionIds(caller).some((root) => isWithin({ id: union._id, ancestors: union.ancestors }, root))
}

/** Loads the union and checks the caller is staff of it or of a union above it. */
export async function requireStaffOf(ctx: ActionContext, unionId: string): Promise<UnionDoc> {
  const union = await ctx.db.unions.get(unionId)
  // An unknown union and a union out of reach answer alike: staff learn nothing about other subtrees.
  if (!union || !isStaffOf(ctx.caller, union)) throw new CloudError('FORBIDDEN')
  return union
}

export function requireAnyStaff(ctx: ActionContext): string[] {
  const roots = staffUnionIds(signedIn(ctx))
  if (!roots.length) throw new CloudError('FORBIDDEN', '仅限工会工作人员')
  return roots
}

export function requireMerchantStaff(ctx: ActionContext, merchantId: string): void {
  if (!merchantIds(signedIn(ctx)).includes(merchantId)) throw new CloudError('FORBIDDEN')
}

export async function activeMembership(ctx: ActionContext, openid: string): Promise<MembershipDoc | null> {
  const [membership] = await ctx.db.memberships.find({ openid, status: 'active' }, { limit: 1 })
  return membership ?? null
}

/** The caller's active membership, or NOT_MEMBER (the app then shows how to join). */
export async function requireActiveMember(ctx: ActionContext): Promise<MembershipDoc> {
  const membership = await activeMembership(ctx, signedIn(ctx).openid)
  if (!membership) throw new CloudError('NOT_MEMBER')
  return membership
}
