import type { RoleGrant } from '../../lib/collections'
import type { CollectionIndexes, Doc, Store } from '../../lib/store/port'

/**
 * A one-time invitation (邀请) to hold a role. `_id` is the keyed hash of its token
 * (`invitationId`): the token itself is never stored, so reading this collection (or a backup of it)
 * lets nobody accept an invitation.
 *
 * Its life: open → accepted (one conditional update, unexpired, records who), or open → cancelled
 * (by the inviter or a clerk who could revoke the role). Accepting then inserts the role with `_id`
 * `roleIdOf(invitation)`: a crash between the two is finished when the same person accepts again,
 * and only while the invitation is 'accepted' — so whatever ends such a role (a clerk revoking it,
 * its holder stepping down: cloud/features/admin/roles.ts) first moves its invitation on from
 * 'accepted' to 'ended', or the person could take the role back with the old link.
 */
export interface InvitationDoc extends Doc {
  /** What accepting grants: the role document it becomes, without whose it is. */
  grant: RoleGrant
  /**
   * The union the grant belongs to (a merchant's union for a cashier), its ancestors first:
   * `{ unionPath: staffUnionId }` finds a subtree's invitations (#16's list of who accepted).
   */
  unionPath: string[]
  /** The inviter's openid, or 'system' for the deploy's first-administrator invitation. */
  invitedBy: string
  status: 'open' | 'accepted' | 'cancelled' | 'ended'
  createdAt: string
  expiresAt: string
  acceptedBy: string | null
  acceptedAt: string | null
  /** Who cancelled it (an openid) and when. */
  cancelledBy?: string
  cancelledAt?: string
  /** When its role ended (revoked or given up), and by whom (an openid). */
  endedAt?: string
  endedBy?: string
}

export const adminDb = (store: Store) => ({
  invitations: store.collection<InvitationDoc>('invitations'),
})

export const ADMIN_COLLECTIONS: CollectionIndexes = {
  // A subtree's invitations newest first (邀请记录, a page at a time), and an inviter's.
  invitations: [{ fields: ['unionPath', 'createdAt', '_id'] }, { fields: ['invitedBy'] }],
}
