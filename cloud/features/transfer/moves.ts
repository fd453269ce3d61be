import { CloudError } from '../../../domain/errors'
import { subscribeTime } from '../../../domain/subscribe'
import { IN_FLIGHT, TRANSFER_MOVES, type TransferMove } from '../../../domain/transfer/machine'
import { signedIn, type ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { requireStaffOf } from '../../lib/roles'
import type { Filter, Patch } from '../../lib/store/port'
import { transferDb, type TransferDoc } from './collections'
import { applyClosedTransfer } from './settle'
import { tallyTransferClosed } from '../staff/tally'

const NOTICES: Record<'release' | 'accept' | 'reject', (t: TransferDoc) => { title: string; body: string }> = {
  release: () => ({ title: '转会：原工会已放行', body: '请等待转入工会接收。办结前你仍是原工会会员，各项权益不变。' }),
  accept: () => ({ title: '转会已完成', body: '你的会籍已转入新工会，会员编号和入会时间不变。' }),
  reject: (t) => ({ title: '转会未被接收', body: `转入工会驳回了你的转会申请：${t.rejectReason ?? ''}。你仍是原工会会员。` }),
}

/** The subscribe message's 结果 (at most five characters). */
const PUSH_RESULT: Record<'release' | 'accept' | 'reject', string> = { release: '已放行', accept: '已完成', reject: '未接收' }

/**
 * A transfer waiting for release whose days have passed (autoReleaseAt ≤ now) counts as released:
 * as a filter, so the queues read exactly what they will show (`due: true`) or what is still
 * waiting for the leaving union (`due: false`). The same rule as autoReleaseIfDue's.
 */
export function releaseDue(now: Date, due: boolean): Filter<TransferDoc> {
  const at = now.toISOString()
  return { status: 'pending_release', autoReleaseAt: due ? { $lte: at } : { $gt: at } }
}

/** The leaving union's silence counts as release once its days have passed. */
export async function autoReleaseIfDue(ctx: ActionContext, transfer: TransferDoc): Promise<TransferDoc> {
  if (transfer.status !== 'pending_release' || ctx.now().toISOString() < transfer.autoReleaseAt) return transfer
  const { transfers } = transferDb(ctx.store)
  await transfers.update(
    { _id: transfer._id, status: 'pending_release' },
    { set: { status: TRANSFER_MOVES.autoRelease.to, releasedAt: transfer.autoReleaseAt, releasedBy: 'auto' } },
  )
  return (await transfers.get(transfer._id)) ?? transfer
}

async function load(ctx: ActionContext, transferId: string): Promise<TransferDoc> {
  const transfer = await transferDb(ctx.store).transfers.get(transferId)
  if (!transfer) throw new CloudError('NOT_FOUND', '找不到该转会申请')
  return autoReleaseIfDue(ctx, transfer)
}

/** Who made a move: the field the move records its actor in. */
const actorField = (name: TransferMove) => (name === 'release' ? 'releasedBy' : 'closedBy')

/** The notice (and audit) key of a staff move: once per move. */
const moveKey = (name: TransferMove, transferId: string) => `transfer-${name}-${transferId}`

/** Whether every step after a move's update has run: the membership settled, and the member told (staff moves). */
async function moveFinished(ctx: ActionContext, name: TransferMove, after: TransferDoc): Promise<boolean> {
  const membership = await ctx.db.memberships.get(after.membershipId)
  const settled = IN_FLIGHT.includes(after.status) || membership?.transferId !== after._id
  return settled && (name === 'withdraw' || (await ctx.db.notifications.get(moveKey(name, after._id))) !== null)
}

/**
 * One move of the state machine as one conditional update: the filter names the status the move
 * starts from, so of two clerks acting at once exactly one succeeds; the other is told to refresh.
 * The steps after it (the membership, the audit, the notice) can each run again, so the same
 * person trying the same move again after a crash in between finishes it (cloud/lib/resume.ts);
 * once it has finished, trying it again is refused like any move from the wrong status.
 */
async function move(ctx: ActionContext, transfer: TransferDoc, name: TransferMove, patch: Patch<TransferDoc>): Promise<TransferDoc> {
  const { transfers } = transferDb(ctx.store)
  const { from, to } = TRANSFER_MOVES[name]
  const changed = await transfers.update({ _id: transfer._id, status: { $in: from } }, { set: { ...patch.set, status: to } })
  const after = (await transfers.get(transfer._id)) as TransferDoc
  const by = actorField(name)
  const again = changed === 0 && after.status === to && after[by] !== null && after[by] === patch.set?.[by] && !(await moveFinished(ctx, name, after))
  if (changed === 0 && !again) throw new CloudError('TRANSFER_STATE')
  await applyClosedTransfer(ctx, after)
  // The try whose update won counts the close, once, for the staff figures.
  if (changed) await tallyTransferClosed(ctx, after)
  return after
}

async function staffMove(ctx: ActionContext, transferId: string, name: 'release' | 'accept' | 'reject', side: 'from' | 'to', set: Partial<TransferDoc>) {
  const transfer = await load(ctx, transferId)
  // Staff of unrelated unions learn nothing: the same answer as a transfer that does not exist.
  await requireStaffOf(ctx, side === 'from' ? transfer.fromUnionId : transfer.toUnionId).catch(() => {
    throw new CloudError('NOT_FOUND', '找不到该转会申请')
  })
  const after = await move(ctx, transfer, name, { set })
  // Keyed by the move: a retry that finishes it records and tells once. A staff move starts from one status.
  const key = moveKey(name, transfer._id)
  await ctx.audit({ key, action: `transfer.${name}`, target: { collection: 'transfers', id: transfer._id }, before: { status: TRANSFER_MOVES[name].from[0] }, after: { status: after.status, ...set }, unionPath: [...transfer.fromUnionPath, ...transfer.toUnionPath] })
  const union = await ctx.db.unions.get(side === 'from' ? transfer.fromUnionId : transfer.toUnionId)
  await notify(ctx, transfer.openid, { ...NOTICES[name](after), link: '/pages/me/index', target: { kind: 'transfer', id: transfer._id }, key }, {
    topic: 'transferResult',
    fields: { result: PUSH_RESULT[name], union: union?.name, note: NOTICES[name](after).title, time: subscribeTime(ctx.now()) },
  })
  return after
}

export function release(ctx: ActionContext, transferId: string) {
  return staffMove(ctx, transferId, 'release', 'from', { releasedAt: ctx.now().toISOString(), releasedBy: signedIn(ctx).openid })
}

export function accept(ctx: ActionContext, transferId: string) {
  return staffMove(ctx, transferId, 'accept', 'to', { closedAt: ctx.now().toISOString(), closedBy: signedIn(ctx).openid })
}

export function reject(ctx: ActionContext, transferId: string, reason: string) {
  return staffMove(ctx, transferId, 'reject', 'to', { closedAt: ctx.now().toISOString(), closedBy: signedIn(ctx).openid, rejectReason: reason })
}

export async function withdraw(ctx: ActionContext, transferId: string): Promise<TransferDoc> {
  const transfer = await load(ctx, transferId)
  if (transfer.openid !== signedIn(ctx).openid) throw new CloudError('NOT_FOUND', '找不到该转会申请')
  return move(ctx, transfer, 'withdraw', { set: { closedAt: ctx.now().toISOString(), closedBy: transfer.openid } })
}
