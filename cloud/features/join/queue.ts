import type { ActionOutput } from '../../../src/domain/contract'
import { waitedText } from '../../../src/domain/join/form'
import type { ActionContext } from '../../lib/context'
import { requireAnyStaff } from '../../lib/roles'
import { joinDb } from './collections'
import { viewsOf } from './views'

/** Pending applications of the caller's unions and every union below, oldest first. */
export async function reviewQueue(ctx: ActionContext): Promise<ActionOutput<'review', 'queue'>> {
  const roots = requireAnyStaff(ctx)
  const pending = await joinDb(ctx.store).applications.find({ unionPath: { $in: roots }, status: 'pending' }, { sort: { submittedAt: 1 }, limit: 200 })
  const now = ctx.now()
  const views = await viewsOf(ctx, pending)
  return {
    items: views.map((view) => ({
      ...view,
      waitedMinutes: Math.max(0, Math.floor((now.getTime() - new Date(view.submittedAt).getTime()) / 60000)),
      waited: waitedText(view.submittedAt, now),
    })),
  }
}
