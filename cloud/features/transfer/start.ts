import type { ActionParsed } from '../../../src/domain/contract'
import { CloudError } from '../../../src/domain/errors'
import { autoReleaseAt, DEFAULT_RELEASE_DAYS } from '../../../src/domain/transfer/machine'
import { signedIn, type ActionContext } from '../../lib/context'
import { requireActiveMember, unionPathOf } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import { transferDb, type TransferDoc } from './collections'
import { settleMembership } from './settle'

/** What must hold before a transfer can start: an active member, free, moving to another live union. */
export async function checkTarget(ctx: ActionContext, toUnionId: string) {
  const membership = await settleMembership(ctx, await requireActiveMember(ctx))
  const [from, to] = await Promise.all([ctx.db.unions.get(membership.unionId), ctx.db.unions.get(toUnionId)])
  if (!to || to.status !== 'active') throw new CloudError('UNION_NOT_FOUND')
  if (!from) throw new CloudError('INTERNAL', '会籍所在工会不存在，请联系工会')
  if (to._id === from._id) throw new CloudError('TRANSFER_SAME_UNION')
  if (membership.transferId) throw new CloudError('TRANSFER_IN_PROGRESS')
  return { membership, from, to }
}

/**
 * A member starts a transfer. One in flight at a time: the membership is taken for this transfer by
 * one conditional update (`transferId` absent → set), so two starts at once cannot both succeed.
 */
export async function startTransfer(ctx: ActionContext, input: ActionParsed<'transfer', 'start'>): Promise<TransferDoc> {
  const { openid } = signedIn(ctx)
  const { transfers } = transferDb(ctx.store)
  const idempotency = `${openid}:${input.idempotencyKey}`
  const [retried] = await transfers.find({ idempotency }, { limit: 1 })
  if (retried) return retried

  const { membership, from, to } = await checkTarget(ctx, input.toUnionId)

  const now = ctx.now().toISOString()
  const doc: TransferDoc = {
    _id: ctx.newId(),
    openid,
    membershipId: membership._id,
    fromUnionId: from._id,
    fromUnionPath: unionPathOf(from),
    toUnionId: to._id,
    toUnionPath: unionPathOf(to),
    reason: input.reason,
    reasonText: input.reasonText || null,
    newEmployer: input.newEmployer,
    jobType: input.jobType,
    status: 'pending_release',
    createdAt: now,
    autoReleaseAt: autoReleaseAt(now, from.transferReleaseDays ?? DEFAULT_RELEASE_DAYS),
    releasedAt: null,
    releasedBy: null,
    closedAt: null,
    closedBy: null,
    rejectReason: null,
    idempotency,
  }
  try {
    await transfers.insert(doc)
  } catch (error) {
    // The same submission, sent twice at once: the first one stands.
    if (error instanceof DuplicateKeyError) {
      const [first] = await transfers.find({ idempotency }, { limit: 1 })
      if (first) return first
    }
    throw error
  }
  const taken = await ctx.db.memberships.update({ _id: membership._id, status: 'active', transferId: { $exists: false } }, { set: { transferId: doc._id } })
  if (taken === 0) {
    await transfers.remove({ _id: doc._id })
    throw new CloudError('TRANSFER_IN_PROGRESS')
  }
  return doc
}
