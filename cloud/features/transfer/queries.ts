import type { ActionContext } from '../../lib/context'
import { signedIn } from '../../lib/context'
import { activeMembership, requireAnyStaff } from '../../lib/roles'
import { unionSummary } from '../../lib/unions'
import { transferDb, type TransferDoc } from './collections'
import { autoReleaseIfDue, releaseDue } from './moves'
import { settleMembership } from './settle'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import type { Filter } from '../../lib/store/port'
import { findByIds, keysetPageOfAny, readAll } from '../../lib/store/read'

/**
 * A clerk's queue, oldest first, a page at a time by (createdAt, _id), with how many wait on that
 * side in all. Outgoing = waiting for their subtree to release; incoming = waiting for their subtree
 * to accept, including those whose leaving union let the days lapse (released here, on reading, as
 * every read of a transfer does). Each side is read as filters that select exactly what it shows,
 * so no page comes back short and nothing is read only to be dropped; the port has no $or, so the
 * incoming side is two filters merged (keysetPageOfAny). One query for all the clerk's roots (an
 * array field matches `$in` when it holds any of them): a transfer under two roots is read once.
 * createdAt never changes, so the cursor stays a fixed position: a transfer decided or released
 * meanwhile leaves or joins a side without shifting the others.
 */
export async function queue(ctx: ActionContext, side: 'outgoing' | 'incoming', cursor?: string) {
  const roots = requireAnyStaff(ctx)
  const { transfers } = transferDb(ctx.store)
  const now = ctx.now()
  const shown: Array<Filter<TransferDoc>> =
    side === 'outgoing'
      ? [{ fromUnionPath: { $in: roots }, ...releaseDue(now, false) }]
      : [
          { toUnionPath: { $in: roots }, status: 'pending_accept' },
          { toUnionPath: { $in: roots }, ...releaseDue(now, true) },
        ]
  const [rows, counts] = await Promise.all([
    keysetPageOfAny(transfers, shown, 'createdAt', pageStart(cursor), LIST_PAGE_SIZE + 1),
    Promise.all(shown.map((filter) => transfers.count(filter))),
  ])
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'createdAt')
  const docs = await Promise.all(page.map((doc) => autoReleaseIfDue(ctx, doc)))
  // Only a transfer changed by someone else between the read and now (withdrawn, decided) drops out here.
  const wanted = side === 'outgoing' ? 'pending_release' : 'pending_accept'
  return { items: docs.filter((d) => d.status === wanted), nextCursor, total: counts.reduce((a, b) => a + b, 0) }
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
