import type { Handlers } from '../lib/dispatch'
import { firstAdminInvite } from '../features/admin/first-admin'
import { acceptInvitation, viewInvitation } from '../features/admin/invitations'
import { revokeRole, staffRolesPage, stepDown } from '../features/admin/roles'
import { cancelInvitation, invitationsPage, inviteToRole } from '../features/admin/staff-invitations'
import { requireAnyStaff } from '../lib/roles'
import { POSTER_PAGE_SIZE, parsePosterCursor, subtreePage } from '../features/join/unions'
import { merchantsPage, saveMerchant, setMerchantStatus } from '../features/merchants/manage'
import { nameCursor } from '../../src/domain/paging'

/**
 * Administration: the deploy's first administrator, accepting an invitation, clerks inviting to
 * roles in their subtree and revoking them, stepping down, and the subtree's merchants.
 */
export const adminHandlers: Handlers<'admin'> = {
  firstAdminInvite: ({ force }, ctx) => firstAdminInvite(ctx, force),

  invitation: ({ token }, ctx) => viewInvitation(ctx, token),

  acceptInvitation: ({ token }, ctx) => acceptInvitation(ctx, token),

  invite: (input, ctx) => inviteToRole(ctx, input),

  invitations: ({ cursor }, ctx) => invitationsPage(ctx, cursor),

  cancelInvitation: ({ id }, ctx) => cancelInvitation(ctx, id),

  staffRoles: ({ cursor }, ctx) => staffRolesPage(ctx, cursor),

  revokeRole: ({ roleId }, ctx) => revokeRole(ctx, roleId),

  stepDown: ({ roleId }, ctx) => stepDown(ctx, roleId),

  async subtreeUnions({ keyword, cursor }, ctx) {
    const roots = requireAnyStaff(ctx)
    // Every open union of the subtree (a federation too): people are invited to any of them.
    const open = (u: { status: string }) => u.status === 'active'
    const { unions, next } = await subtreePage(ctx, roots, { status: 'active' }, open, keyword ?? '', cursor ? parsePosterCursor(cursor) : null, POSTER_PAGE_SIZE)
    return { unions: unions.map((u) => u.view), nextCursor: next ? nameCursor(next) : null }
  },

  merchants: ({ includeClosed, cursor }, ctx) => merchantsPage(ctx, includeClosed, cursor),

  saveMerchant: (input, ctx) => saveMerchant(ctx, input),

  setMerchantStatus: ({ id, status }, ctx) => setMerchantStatus(ctx, id, status),
}
