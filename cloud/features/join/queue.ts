import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { waitedText } from '../../../domain/join/form'
import type { ActionContext } from '../../lib/context'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { requireAnyStaff } from '../../lib/roles'
import type { Filter } from '../../lib/store/port'
import { keysetPage } from '../../lib/store/read'
import { joinDb, type ApplicationDoc } from './collections'
import { viewsOf } from './views'

/**
 * Pending applications of the caller's unions and every union below, oldest first, a page at a
 * time by (submittedAt, _id), with how many wait in all. One query for all the caller's roots (an
 * array field matches `$in` when it holds any of them), so an application under two of them is
 * read once. A decided application leaves the filter; the cursor is a position, so the next page
 * neither repeats nor skips the others.
 */
export async function reviewQueue(ctx: ActionContext, input: ActionParsed<'review', 'queue'>): Promise<ActionOutput<'review', 'queue'>> {
  const roots = requireAnyStaff(ctx)
  const { applications } = joinDb(ctx.store)
  const waiting: Filter<ApplicationDoc> = { unionPath: { $in: roots }, status: 'pending' }
  const [rows, total] = await Promise.all([
    keysetPage(applications, waiting, 'submittedAt', pageStart(input.cursor), LIST_PAGE_SIZE + 1),
    applications.count(waiting),
  ])
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'submittedAt')
  const now = ctx.now()
  const views = await viewsOf(ctx, page)
  return {
    items: views.map((view) => ({
      ...view,
      waitedMinutes: Math.max(0, Math.floor((now.getTime() - new Date(view.submittedAt).getTime()) / 60000)),
      waited: waitedText(view.submittedAt, now),
    })),
    nextCursor,
    total,
  }
}
