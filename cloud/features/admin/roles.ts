import { mayGrant, mayRevoke } from '../../../domain/admin/roles'
import type { ActionOutput, HeldRole, Role, StaffRoleItem } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { maskPhone } from '../../../domain/merchants/merchant'
import { ACTIVE_ROLE, type RoleDoc } from '../../lib/collections'
import { signedIn, type ActionContext } from '../../lib/context'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { requireAnyStaff } from '../../lib/roles'
import { keysetPage } from '../../lib/store/read'
import { adminDb } from './collections'
import { describeGrants, grantOf } from './describe'
import { displayNames } from './names'

/**
 * Roles in the tree (人员): who holds what, revoking (撤销) and stepping down (卸任). A role is
 * ended, never deleted: one conditional update sets `endedAt`, and the invitation it came from is
 * moved from 'accepted' to 'ended' first, so its link can never bring the role back (the accept
 * path finishes an interrupted accept only while the invitation is 'accepted').
 */

/** The roles of the caller's subtree, newest grant first, a page at a time; each with whether the caller may revoke it. */
export async function staffRolesPage(ctx: ActionContext, cursor: string | undefined): Promise<ActionOutput<'admin', 'staffRoles'>> {
  const clerkUnions = requireAnyStaff(ctx)
  const me = signedIn(ctx).openid
  const { roles } = ctx.db
  const rows = await keysetPage(roles, { unionPath: { $in: clerkUnions }, ...ACTIVE_ROLE }, 'grantedAt', pageStart(cursor), LIST_PAGE_SIZE + 1, -1)
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'grantedAt')
  const [placed, name] = await Promise.all([describeGrants(ctx, page.map(grantOf)), displayNames(ctx, page.flatMap((r) => [r.openid, r.grantedBy]))])
  const items: StaffRoleItem[] = page.flatMap((doc) => {
    const grant = placed(grantOf(doc))
    if (!grant) return []
    const mine = doc.openid === me
    return [
      {
        id: doc._id,
        role: grant.role,
        unionPath: grant.pathNames,
        holder: name(doc.openid),
        grantedBy: doc.grantedBy ? name(doc.grantedBy) : null,
        grantedAt: doc.grantedAt ?? null,
        mine,
        canRevoke: !mine && mayRevoke(clerkUnions, { kind: doc.kind, unionPath: grant.unionPath }),
      },
    ]
  })
  return { items, nextCursor }
}

/**
 * Ends a role in two writes without a transaction, invitation first:
 * 1. its invitation (if it came from one) 'accepted' → 'ended', so the old link is dead;
 * 2. the role, by one conditional update on "not ended yet" (of a revoke and a step-down racing,
 *    one ends it; the other is told it has ended).
 * A crash between them leaves a live role whose invitation is ended: trying again finishes it
 * (step 1 then changes nothing). Audited once, by whoever's step 2 took.
 */
async function endRole(ctx: ActionContext, role: RoleDoc, reason: 'revoked' | 'stepped_down'): Promise<{ roleId: string; endedAt: string }> {
  const { openid } = signedIn(ctx)
  const endedAt = ctx.now().toISOString()
  if (role.invitationId) {
    await adminDb(ctx.store).invitations.update({ _id: role.invitationId, status: 'accepted' }, { set: { status: 'ended', endedAt, endedBy: openid } })
  }
  const after = { endedAt, endedBy: openid, endReason: reason }
  const changed = await ctx.db.roles.update({ _id: role._id, ...ACTIVE_ROLE }, { set: after })
  if (!changed) throw new CloudError('ROLE_ENDED')
  await ctx.audit({
    action: reason === 'revoked' ? 'admin.revokeRole' : 'admin.stepDown',
    target: { collection: 'roles', id: role._id },
    before: { holder: role.openid, grant: grantOf(role), invitationId: role.invitationId ?? null },
    after: { ...after, invitationEnded: Boolean(role.invitationId) },
  })
  return { roleId: role._id, endedAt }
}

/**
 * A clerk revokes a role of their subtree, under the revocation rule (domain/admin/roles.ts):
 * clerks strictly below, reviewers and cashiers at their union or below. Never their own role
 * (stepping down is for that). A role out of reach answers as one that does not exist.
 */
export async function revokeRole(ctx: ActionContext, roleId: string) {
  const clerkUnions = requireAnyStaff(ctx, '只有工会工作人员可以撤销角色')
  const role = await ctx.db.roles.get(roleId)
  const grant = role ? (await describeGrants(ctx, [grantOf(role)]))(grantOf(role)) : null
  if (!role || !grant || !mayGrant(clerkUnions, grant.unionPath)) throw new CloudError('NOT_FOUND', '找不到这个角色')
  if (role.endedAt) throw new CloudError('ROLE_ENDED')
  if (role.openid === signedIn(ctx).openid) throw new CloudError('ROLE_NOT_REVOCABLE', '不能撤销自己的角色；如需卸任，请在“我的”中点“卸任”')
  if (!mayRevoke(clerkUnions, { kind: role.kind, unionPath: grant.unionPath })) throw new CloudError('ROLE_NOT_REVOCABLE')
  return endRole(ctx, role, 'revoked')
}

/** The holder gives up one of their own roles. Someone else's role answers as one that does not exist. */
export async function stepDown(ctx: ActionContext, roleId: string) {
  const role = await ctx.db.roles.get(roleId)
  if (!role || role.openid !== signedIn(ctx).openid) throw new CloudError('NOT_FOUND', '找不到这个角色')
  if (role.endedAt) throw new CloudError('ROLE_ENDED')
  return endRole(ctx, role, 'stepped_down')
}

/** The caller's roles for 我的: each as the app shows it, and where it comes from. */
export async function heldRoles(ctx: ActionContext): Promise<{ roles: Role[]; held: HeldRole[] }> {
  const docs = signedIn(ctx).roles
  const [placed, name] = await Promise.all([describeGrants(ctx, docs.map(grantOf)), displayNames(ctx, docs.map((r) => r.grantedBy))])
  const held: HeldRole[] = docs.flatMap((doc) => {
    const grant = placed(grantOf(doc))
    if (!grant) return []
    const merchant = grant.merchant
    return [
      {
        id: doc._id,
        role: grant.role,
        unionPath: grant.pathNames,
        grantedBy: doc.grantedBy ? name(doc.grantedBy) : null,
        grantedAt: doc.grantedAt ?? null,
        // A cashier sees their merchant's contact as anyone but union staff does: the phone masked.
        merchant: merchant ? { status: merchant.status ?? 'active', contactName: merchant.contactName ?? '', contactPhone: merchant.contactPhone ? maskPhone(merchant.contactPhone) : '' } : null,
      },
    ]
  })
  return { roles: held.map((h) => h.role), held }
}
