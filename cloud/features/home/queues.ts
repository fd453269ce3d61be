import { actsAt, scopeUnions, type ReviewLevel } from '../../../domain/aid/review'
import type { QueueCount } from '../../../domain/contract'
import { AID_COUNT_CAP, QUEUES, type QueueKind } from '../../../domain/home'
import type { ActionContext, Caller } from '../../lib/context'
import { reviewScope, staffUnionIds } from '../../lib/roles'
import { aidDb } from '../aid/collections'
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
  if (scope.levelOne.length) counts.push(aidCount(ctx, 1, scopeUnions(scope), scope))
  if (scope.levelTwo.length) counts.push(aidCount(ctx, 2, scopeUnions(scope), scope))
  return Promise.all(counts)
}

/**
 * 金秋助学 waits at level one while 'submitted' and at level two while 'verified'. Who acts at a level
 * depends on where in the path the caller's union sits (domain/aid/review.ts), which no store
 * filter says, so one bounded read under the caller's unions is checked here; past AID_COUNT_CAP
 * the count says "more" rather than reading on.
 */
async function aidCount(ctx: ActionContext, level: ReviewLevel, roots: string[], scope: ReturnType<typeof reviewScope>): Promise<QueueCount> {
  const status = level === 1 ? 'submitted' : 'verified'
  const docs = await aidDb(ctx.store).applications.find({ unionPath: { $in: roots }, status }, { limit: AID_COUNT_CAP + 1, sort: { _id: 1 } })
  const read = docs.slice(0, AID_COUNT_CAP)
  return queue(level === 1 ? 'aidOne' : 'aidTwo', read.filter((d) => actsAt(level, d.unionPath, scope)).length, docs.length > AID_COUNT_CAP)
}
