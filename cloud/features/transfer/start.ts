import type { ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { autoReleaseAt, DEFAULT_RELEASE_DAYS, IN_FLIGHT } from '../../../domain/transfer/machine'
import { signedIn, type ActionContext } from '../../lib/context'
import { requireActiveMember, unionPathOf } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import type { UnionDoc } from '../../lib/collections'
import { unionByCode } from '../unions/codes'
import { transferDb, type TransferDoc } from './collections'
import { settleMembership } from './settle'

const closedTarget = (union: UnionDoc) => new CloudError('UNION_CLOSED', `「${union.name}」已撤销，不能转入。请选择其他工会`)

/** What must hold before a transfer can start: an active member, free, moving to another live union. */
export async function checkTarget(ctx: ActionContext, toUnionId: string) {
  const membership = await settleMembership(ctx, await requireActiveMember(ctx))
  // By its code as the poster carries it (an earlier code too), or its id.
  const [from, to] = await Promise.all([ctx.db.unions.get(membership.unionId), unionByCode(ctx.store, toUnionId)])
  if (to?.status === 'closed') throw closedTarget(to)
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
  // An earlier try may have died before taking the membership: finish that step (cloud/lib/resume.ts).
  if (retried) return IN_FLIGHT.includes(retried.status) ? holdMembership(ctx, retried) : retried

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
  // A close of the receiving union that began after the check counts transfers in flight only once
  // the union is closed: either it sees this one (and is refused) or this read sees it closed.
  const target = await ctx.db.unions.get(to._id)
  if (target?.status !== 'active') {
    await transfers.remove({ _id: doc._id })
    throw target?.status === 'closed' ? closedTarget(target) : new CloudError('UNION_NOT_FOUND')
  }
  return holdMembership(ctx, doc)
}

/** Takes the membership for the transfer (or finds it taken by an earlier try); held by another, the transfer goes. */
async function holdMembership(ctx: ActionContext, doc: TransferDoc): Promise<TransferDoc> {
  const taken = await ctx.db.memberships.update({ _id: doc.membershipId, status: 'active', transferId: { $exists: false } }, { set: { transferId: doc._id } })
  if (taken > 0 || (await ctx.db.memberships.get(doc.membershipId))?.transferId === doc._id) return doc
  await transferDb(ctx.store).transfers.remove({ _id: doc._id })
  throw new CloudError('TRANSFER_IN_PROGRESS')
}
