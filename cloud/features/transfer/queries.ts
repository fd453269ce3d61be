import type { ActionContext } from '../../lib/context'
import { signedIn } from '../../lib/context'
import { activeMembership, requireAnyStaff } from '../../lib/roles'
import { unionSummary } from '../../lib/unions'
import { transferDb, type TransferDoc } from './collections'
import { autoReleaseIfDue } from './moves'
import { settleMembership } from './settle'
import { findByIds, readAll } from '../../lib/store/read'

const QUEUE_LIMIT = 200

/**
 * A clerk's queue, oldest first: outgoing = waiting for their subtree to release; incoming = waiting
 * for their subtree to accept (including those the leaving union let lapse, released on reading).
 */
export async function queue(ctx: ActionContext, side: 'outgoing' | 'incoming'): Promise<TransferDoc[]> {
  const roots = requireAnyStaff(ctx)
  const { transfers } = transferDb(ctx.store)
  const found = new Map<string, TransferDoc>()
  for (const root of roots) {
    const docs =
      side === 'outgoing'
        ? await transfers.find({ fromUnionPath: root, status: 'pending_release' }, { sort: { createdAt: 1 }, limit: QUEUE_LIMIT })
        : await transfers.find({ toUnionPath: root, status: { $in: ['pending_release', 'pending_accept'] } }, { sort: { createdAt: 1 }, limit: QUEUE_LIMIT })
    for (const doc of docs) found.set(doc._id, await autoReleaseIfDue(ctx, doc))
  }
  const wanted = side === 'outgoing' ? 'pending_release' : 'pending_accept'
  return [...found.values()].filter((d) => d.status === wanted).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** The member's transfer in flight, their last closed one, and each union they belonged to, with dates. */
export async function mine(ctx: ActionContext) {
  const { openid } = signedIn(ctx)
  const membership = await activeMembership(ctx, openid)
  if (membership) await settleMembership(ctx, membership)
  // One member's transfers over a working life: a few; refused rather than half-read past 1,000.
  const all = (await readAll(transferDb(ctx.store).transfers, { openid }, 1000)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
  const docs = await Promise.all(all.map((d) => autoReleaseIfDue(ctx, d)))
  const current = docs.find((d) => d.status === 'pending_release' || d.status === 'pending_accept') ?? null
  const closed = docs.filter((d) => d.closedAt).sort((a, b) => String(a.closedAt).localeCompare(String(b.closedAt)) || a.createdAt.localeCompare(b.createdAt))
  const last = closed.length ? closed[closed.length - 1] : null

  const history: Array<{ unionId: string; from: string; to: string | null }> = []
  if (membership) {
    const moves = docs.filter((d) => d.status === 'completed')
    let unionId = moves.length ? moves[0].fromUnionId : membership.unionId
    let since = membership.joinedAt
    for (const m of moves) {
      history.push({ unionId, from: since, to: m.closedAt })
      unionId = m.toUnionId
      since = m.closedAt as string
    }
    history.push({ unionId, from: since, to: null })
  }
  const unions = await findByIds(ctx.db.unions, history.map((h) => h.unionId))
  const byId = new Map(unions.map((u) => [u._id, unionSummary(u)]))
  return {
    current,
    last,
    history: history.flatMap((h) => {
      const union = byId.get(h.unionId)
      return union ? [{ union, from: h.from, to: h.to }] : []
    }),
  }
}
