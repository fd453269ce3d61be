import type { QueueCount } from '../../../domain/contract'
import { QUEUES, type QueueKind } from '../../../domain/home'
import type { ActionContext, Caller } from '../../lib/context'
import { reviewScope, staffUnionIds } from '../../lib/roles'
import { aidDb } from '../aid/collections'
import { waitingAt } from '../aid/levels'
import { joinDb } from '../join/collections'
import { rightsDb } from '../rights/collections'
import { transferDb } from '../transfer/collections'
import { releaseDue } from '../transfer/moves'

const queue = (kind: QueueKind, count: number, more = false): QueueCount => ({ kind, ...QUEUES[kind], count, more })

/**
 * How many items wait in each of the caller's queues, counted with the same filters as the queue
 * pages themselves (review.queue, transfer.queue, review.rightsQueue, aid.reviewList), so 首页 and
 * the page it opens agree. Every filter starts from the caller's own unions: a clerk never counts
 * another subtree's items. Someone who is neither clerk nor reviewer has no queues.
 */
export async function queuesOf(ctx: ActionContext, caller: Caller): Promise<QueueCount[]> {
  const roots = staffUnionIds(caller)
  const scope = reviewScope(caller)
  const now = ctx.now()
  const counts: Array<Promise<QueueCount>> = []
  if (roots.length) {
    const { transfers } = transferDb(ctx.store)
    const inRoots = { $in: roots }
    counts.push(
      joinDb(ctx.store).applications.count({ unionPath: inRoots, status: 'pending' }).then((n) => queue('join', n)),
      transfers.count({ fromUnionPath: inRoots, ...releaseDue(now, false) }).then((n) => queue('transferOut', n)),
      Promise.all([transfers.count({ toUnionPath: inRoots, status: 'pending_accept' }), transfers.count({ toUnionPath: inRoots, ...releaseDue(now, true) })]).then(([a, b]) => queue('transferIn', a + b)),
      rightsDb(ctx.store).requests.count({ unionPath: inRoots, status: 'pending' }).then((n) => queue('rights', n)),
    )
  }
  // 金秋助学 waits at level one while 'submitted' and at level two while 'verified': counted on the
  // reviewing unions stored on each application (cloud/features/aid/levels.ts), exactly the caller's.
  const { applications } = aidDb(ctx.store)
  for (const level of [1, 2] as const) {
    const waiting = waitingAt(level, scope)
    if (waiting) counts.push(applications.count(waiting).then((n) => queue(level === 1 ? 'aidOne' : 'aidTwo', n)))
  }
  return Promise.all(counts)
}
