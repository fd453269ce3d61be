import { mayView } from '../../../src/domain/aid/review'
import type { ActionParsed } from '../../../src/domain/contract'
import { CloudError } from '../../../src/domain/errors'
import type { ActionContext } from '../../lib/context'
import { requireAnyStaff } from '../../lib/roles'
import type { Filter } from '../../lib/store/port'
import { aidDb, type ApplicationDoc } from './collections'
import { staffView } from './views'

export const REVIEW_PAGE_SIZE = 50

/**
 * Where a page ended: the last application's (submittedAt, _id). The order is by submission time,
 * ties broken by id, so it never changes while staff page through (a correction keeps submittedAt).
 */
interface Position {
  submittedAt: string
  id: string
}

const encode = (p: Position) => `${p.submittedAt}_${p.id}`

function decode(cursor: string): Position {
  const at = cursor.indexOf('_')
  const submittedAt = cursor.slice(0, at)
  const id = cursor.slice(at + 1)
  if (at < 0 || !id || Number.isNaN(Date.parse(submittedAt))) throw new CloudError('INVALID_INPUT', '列表位置不正确，请刷新后重试', { cursor: '列表位置不正确' })
  return { submittedAt, id }
}

/**
 * Up to `n` applications strictly after `after`, in (submittedAt, _id) order. The port has no $or,
 * so the rest of `after`'s own second comes first, then everything later.
 */
async function fetchAfter(ctx: ActionContext, base: Filter<ApplicationDoc>, after: Position | null, n: number): Promise<ApplicationDoc[]> {
  const applications = aidDb(ctx.store).applications
  if (!after) return applications.find(base, { sort: { submittedAt: 1, _id: 1 }, limit: n })
  const ties = await applications.find({ ...base, submittedAt: after.submittedAt, _id: { $gt: after.id } }, { sort: { _id: 1 }, limit: n })
  if (ties.length === n) return ties
  const later = await applications.find({ ...base, submittedAt: { $gt: after.submittedAt } }, { sort: { submittedAt: 1, _id: 1 }, limit: n - ties.length })
  return [...ties, ...later]
}

/**
 * One page of the applications the caller reviews, and the cursor of the next page (null: no more).
 * The query narrows by unionPath; the review rule (level one or two only) is applied after, so a
 * batch may hold applications the caller does not see: it reads on until the page is full.
 */
export async function reviewPage(ctx: ActionContext, input: ActionParsed<'aid', 'reviewList'>) {
  const roots = requireAnyStaff(ctx)
  const size = input.limit ?? REVIEW_PAGE_SIZE
  const base: Filter<ApplicationDoc> = { unionPath: { $in: roots }, ...(input.status ? { status: input.status } : {}) }
  let position = input.cursor ? decode(input.cursor) : null
  const visible: ApplicationDoc[] = []
  // One more than the page, to know whether another page follows.
  while (visible.length <= size) {
    const want = size + 1 - visible.length
    const batch = await fetchAfter(ctx, base, position, want)
    for (const doc of batch) if (mayView(doc.unionPath, roots)) visible.push(doc)
    if (batch.length < want) break
    const last = batch[batch.length - 1]
    position = { submittedAt: last.submittedAt, id: last._id }
  }
  const page = visible.slice(0, size)
  const last = page[page.length - 1]
  const next = visible.length > size && last ? encode({ submittedAt: last.submittedAt, id: last._id }) : null
  return { items: await Promise.all(page.map((d) => staffView(ctx, d))), next }
}
