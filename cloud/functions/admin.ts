import type { Handlers } from '../lib/dispatch'
import { firstAdminInvite } from '../features/admin/first-admin'
import { acceptInvitation, viewInvitation } from '../features/admin/invitations'

/** Roles by invitation: the deploy's first administrator, and accepting an invitation. */
export const adminHandlers: Handlers<'admin'> = {
  firstAdminInvite: ({ force }, ctx) => firstAdminInvite(ctx, force),

  invitation: ({ token }, ctx) => viewInvitation(ctx, token),

  acceptInvitation: ({ token }, ctx) => acceptInvitation(ctx, token),
}
