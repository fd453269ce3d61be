import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { waitedText } from '../../../domain/join/form'
import type { ActionContext } from '../../lib/context'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { requireAnyStaff } from '../../lib/roles'
import { MAX_READ, type Filter } from '../../lib/store/port'
import { keyedHash } from '../../lib/crypto'
import { keysetPage } from '../../lib/store/read'
import { joinDb, type ApplicationDoc } from './collections'
import { viewsOf } from './views'

/** An opaque key per ID number for the page to put its applications together: neither the number nor its stored hash. */
const idGroupOf = (ctx: ActionContext, idHash: string) => keyedHash(ctx.secrets.hashKey, `join-id-group:${idHash}`).slice(0, 16)

/**
 * How many pending applications carry each ID number of the page (#14 item 4), in every union: a
 * clerk must know that another application with the number waits even where they cannot see it.
 */
async function sameIdCounts(ctx: ActionContext, page: ApplicationDoc[]): Promise<Map<string, number>> {
  const hashes = [...new Set(page.map((app) => app.idHash))]
  const counts = new Map<string, number>()
  if (!hashes.length) return counts
  const pending = await joinDb(ctx.store).applications.find({ idHash: { $in: hashes }, status: 'pending' }, { limit: MAX_READ })
  for (const app of pending) counts.set(app.idHash, (counts.get(app.idHash) ?? 0) + 1)
  return counts
}

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
  const [views, sameId] = await Promise.all([viewsOf(ctx, page), sameIdCounts(ctx, page)])
  const hashOf = new Map(page.map((app) => [app._id, app.idHash]))
  return {
    items: views.map((view) => {
      const idHash = hashOf.get(view.id) ?? ''
      const sameIdCount = sameId.get(idHash) ?? 1
      return {
        ...view,
        waitedMinutes: Math.max(0, Math.floor((now.getTime() - new Date(view.submittedAt).getTime()) / 60000)),
        waited: waitedText(view.submittedAt, now),
        idGroup: sameIdCount > 1 ? idGroupOf(ctx, idHash) : null,
        sameIdCount,
      }
    }),
    nextCursor,
    total,
  }
}
