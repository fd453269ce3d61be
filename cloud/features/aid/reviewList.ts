import type { ActionParsed } from '../../../domain/contract'
import type { ActionContext } from '../../lib/context'
import { requireReviewer } from '../../lib/roles'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import type { Filter } from '../../lib/store/port'
import { keysetPageOfAny } from '../../lib/store/read'
import { aidDb, type ApplicationDoc } from './collections'
import { actingAt } from './levels'
import { staffView } from './views'

export const REVIEW_PAGE_SIZE = LIST_PAGE_SIZE

/**
 * One page of the applications the caller reviews, by (submittedAt, _id), and the cursor of the next
 * page (null: no more). The order never changes while staff page through (a correction keeps
 * submittedAt). Those the caller acts on at level one and those at level two are two store filters
 * on the reviewing unions stored on each application (levels.ts), read and merged a page at a time:
 * exactly the caller's, however many of the subtree's are someone else's.
 */
export async function reviewPage(ctx: ActionContext, input: ActionParsed<'aid', 'reviewList'>) {
  const { scope } = requireReviewer(ctx)
  const size = input.limit ?? REVIEW_PAGE_SIZE
  const status: Filter<ApplicationDoc> = input.status ? { status: input.status } : {}
  const filters = [actingAt(1, scope), actingAt(2, scope)].flatMap((f) => (f ? [{ ...f, ...status }] : []))
  // One more than the page, to know whether another page follows.
  const rows = await keysetPageOfAny(aidDb(ctx.store).applications, filters, 'submittedAt', pageStart(input.cursor), size + 1)
  const { page, nextCursor } = cutPage(rows, size, 'submittedAt')
  return { items: await Promise.all(page.map((d) => staffView(ctx, d))), nextCursor }
}
