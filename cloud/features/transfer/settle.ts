import type { MembershipDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { transferDb, type TransferDoc } from './collections'

/**
 * Moves or frees the membership once its transfer has closed. Accepting is two updates (the
 * transfer, then the membership); if the second never ran, the next read of the membership finishes
 * it. Idempotent: each update is conditional on the membership still naming this transfer.
 */
export async function applyClosedTransfer(ctx: ActionContext, transfer: TransferDoc): Promise<void> {
  const held = { _id: transfer.membershipId, transferId: transfer._id }
  if (transfer.status === 'completed') {
    await ctx.db.memberships.update(held, { set: { unionId: transfer.toUnionId }, unset: ['transferId'] })
  } else if (transfer.status === 'rejected' || transfer.status === 'withdrawn') {
    await ctx.db.memberships.update(held, { unset: ['transferId'] })
  }
}

export async function settleMembership(ctx: ActionContext, membership: MembershipDoc): Promise<MembershipDoc> {
  if (!membership.transferId) return membership
  const transfer = await transferDb(ctx.store).transfers.get(membership.transferId)
  if (!transfer || transfer.status === 'pending_release' || transfer.status === 'pending_accept') return membership
  await applyClosedTransfer(ctx, transfer)
  return (await ctx.db.memberships.get(membership._id)) ?? membership
}
