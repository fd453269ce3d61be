import { mayView } from '../../../domain/aid/review'
import type { ActionParsed } from '../../../domain/contract'
import type { ActionContext } from '../../lib/context'
import { requireReviewer } from '../../lib/roles'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import type { Filter } from '../../lib/store/port'
import { keysetOf, keysetPage } from '../../lib/store/read'
import { aidDb, type ApplicationDoc } from './collections'
import { staffView } from './views'

export const REVIEW_PAGE_SIZE = LIST_PAGE_SIZE

/**
 * One page of the applications the caller reviews, by (submittedAt, _id), and the cursor of the next
 * page (null: no more). The order never changes while staff page through (a correction keeps
 * submittedAt). The query narrows by unionPath; the review rule (level one or two only) is applied
 * after, so a batch may hold applications the caller does not see: it reads on until the page is full.
 */
export async function reviewPage(ctx: ActionContext, input: ActionParsed<'aid', 'reviewList'>) {
  const { scope, unions: roots } = requireReviewer(ctx)
  const size = input.limit ?? REVIEW_PAGE_SIZE
  const base: Filter<ApplicationDoc> = { unionPath: { $in: roots }, ...(input.status ? { status: input.status } : {}) }
  const applications = aidDb(ctx.store).applications
  let position = pageStart(input.cursor)
  const visible: ApplicationDoc[] = []
  // One more than the page, to know whether another page follows.
  while (visible.length <= size) {
    const want = size + 1 - visible.length
    const batch = await keysetPage(applications, base, 'submittedAt', position, want)
    for (const doc of batch) if (mayView(doc.unionPath, scope)) visible.push(doc)
    if (batch.length < want) break
    position = keysetOf(batch[batch.length - 1], 'submittedAt')
  }
  const { page, nextCursor } = cutPage(visible, size, 'submittedAt')
  return { items: await Promise.all(page.map((d) => staffView(ctx, d))), nextCursor }
}
