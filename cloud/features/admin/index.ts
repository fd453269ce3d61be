import type { FeatureHandlers } from '../../lib/dispatch'
import { firstAdminInvite } from './first-admin'
import { acceptInvitation, viewInvitation } from './invitations'
import { revokeRole, staffRolesPage, stepDown } from './roles'
import { cancelInvitation, invitableUnions, invitationsPage, inviteToRole } from './staff-invitations'

/**
 * Roles by invitation: the deploy's first administrator, accepting an invitation, clerks inviting
 * to roles in their subtree and revoking them, and stepping down.
 */
export { ADMIN_COLLECTIONS as collections } from './collections'

export const admin = {
  firstAdminInvite: ({ force }, ctx) => firstAdminInvite(ctx, force),
  invitation: ({ token }, ctx) => viewInvitation(ctx, token),
  acceptInvitation: ({ token }, ctx) => acceptInvitation(ctx, token),
  invite: (input, ctx) => inviteToRole(ctx, input),
  invitations: ({ cursor }, ctx) => invitationsPage(ctx, cursor),
  cancelInvitation: ({ id }, ctx) => cancelInvitation(ctx, id),
  staffRoles: ({ cursor }, ctx) => staffRolesPage(ctx, cursor),
  revokeRole: ({ roleId }, ctx) => revokeRole(ctx, roleId),
  stepDown: ({ roleId }, ctx) => stepDown(ctx, roleId),
  subtreeUnions: ({ keyword, cursor }, ctx) => invitableUnions(ctx, keyword, cursor),
} satisfies FeatureHandlers<'admin'>
