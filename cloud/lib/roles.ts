import { reviewScopeOf, scopeUnions, type ReviewScope } from '../../domain/aid/review'
import { isWithin } from '../../domain/unions'
import { CloudError } from '../../domain/errors'
import type { MembershipDoc, UnionDoc } from './collections'
import { signedIn, type ActionContext, type Caller } from './context'

/**
 * Who may act on what. Staff (clerks) of a union act on it and on every union below it, never on
 * others; a 金秋助学 reviewer acts at one review level and on nothing else; merchant staff act for
 * their one merchant; members act on their own records.
 */

/** The unions the caller is staff of (each the root of a subtree they may act on). */
export function staffUnionIds(caller: Caller | null): string[] {
  return (caller?.roles ?? []).flatMap((role) => (role.kind === 'union_staff' ? [role.unionId] : []))
}

/** Where the caller reviews 金秋助学 applications, per level: as a clerk (both levels) or a reviewer (one). */
export function reviewScope(caller: Caller | null): ReviewScope {
  return reviewScopeOf(caller?.roles ?? [])
}

/** The caller's review scope, or FORBIDDEN for someone who reviews nowhere. */
export function requireReviewer(ctx: ActionContext): { scope: ReviewScope; unions: string[] } {
  const scope = reviewScope(signedIn(ctx))
  const unions = scopeUnions(scope)
  if (!unions.length) throw new CloudError('FORBIDDEN', '仅限工会工作人员或金秋助学审核人')
  return { scope, unions }
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

/** The unions the caller is a clerk of, or FORBIDDEN (reviewers and cashiers are not clerks). */
export function requireAnyStaff(ctx: ActionContext, message = '仅限工会工作人员'): string[] {
  const roots = staffUnionIds(signedIn(ctx))
  if (!roots.length) throw new CloudError('FORBIDDEN', message)
  return roots
}

/** The merchants the caller redeems for (核销员), or FORBIDDEN. */
export function requireMerchantStaff(ctx: ActionContext): string[] {
  const ids = merchantIds(signedIn(ctx))
  if (!ids.length) throw new CloudError('FORBIDDEN', '仅限商户核销员')
  return ids
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
