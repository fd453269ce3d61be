import { LAPSE_REASON, lapseCutoff } from '../../../domain/join/lapse'
import { chinaToday } from '../../../domain/time'
import type { ActionContext } from '../../lib/context'
import { closeApplication } from './close'
import { joinDb } from './collections'

/** One run closes at most this many (batches of BATCH): a backlog larger than that lapses over the next days. */
const BATCH = 100
const MOST_PER_RUN = 2000

/**
 * member.lapseApplications, daily (#14 item 4): a pending application nobody decided within
 * APPLICATION_LAPSE_DAYS lapses: its applicant is told and may apply again, the audit records it.
 * A clerk's decision made meanwhile wins (closeApplication's conditional update). The same job
 * deletes the ID-number tries of days before today: they only count within their China day.
 */
export async function lapseApplications(ctx: ActionContext): Promise<{ lapsed: number; probesRemoved: number }> {
  const { applications, probes } = joinDb(ctx.store)
  const stale = { status: 'pending' as const, submittedAt: { $lt: lapseCutoff(ctx.now()) } }
  let lapsed = 0
  for (let read = 0; read < MOST_PER_RUN; read += BATCH) {
    const batch = await applications.find(stale, { sort: { submittedAt: 1 }, limit: BATCH })
    for (const app of batch) {
      const closed = await closeApplication(ctx, app, { status: 'lapsed', from: 'pending', reason: LAPSE_REASON, decidedBy: 'system', audit: 'join.lapse', title: '入会申请已失效', next: '如仍要入会，请重新提交申请。' })
      if (closed) lapsed++
    }
    if (batch.length < BATCH) break
  }
  const probesRemoved = await probes.remove({ day: { $lt: chinaToday(ctx.now()) } })
  return { lapsed, probesRemoved }
}
