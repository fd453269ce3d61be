import type { ActionContext } from '../../lib/context'
import type { Filter } from '../../lib/store/port'
import { findByIds } from '../../lib/store/read'
import type { UnionDoc } from '../../lib/collections'
import { followChanges } from './tree'

/** Unions below read per page, and written this many at once. */
export const FOLLOW_PAGE = 200
const WRITE_AT_ONCE = 20

/**
 * How long one call works through a long list (the unions below a renamed city, a closed union's
 * members) before it answers and leaves the rest to the next call: well inside the `org` function's
 * timeout (cloud/functions/settings.ts).
 */
export const WORK_BUDGET_MS = 40_000

export interface WorkOptions {
  budgetMs?: number
  pageSize?: number
}

/**
 * After a rename, the unions below take on the new name in their search terms (the importer's rule,
 * tree.ts followChanges, so both agree). Renaming a city touches thousands, more than one call can
 * write: the renamed union keeps `follow.after`, the last union below written, and each call goes on
 * from there a page at a time in id order, saving its place after each page, until its time is up.
 * A call that dies is continued by the next (org.finish); a second rename meanwhile starts again
 * from the top (its conditional update of the place fails this one's). Terms are always derived
 * from the names stored now, so going over a union twice writes nothing. Answers whether all follow.
 */
export async function followRename(ctx: ActionContext, unionId: string, options: WorkOptions = {}): Promise<boolean> {
  const { unions } = ctx.db
  const budget = options.budgetMs ?? WORK_BUDGET_MS
  const size = options.pageSize ?? FOLLOW_PAGE
  const started = performance.now()
  for (;;) {
    const top = await unions.get(unionId)
    if (!top?.follow) return true
    const after = top.follow.after
    const filter: Filter<UnionDoc> = { ancestors: unionId, ...(after ? { _id: { $gt: after } } : {}) }
    const page = await unions.find(filter, { sort: { _id: 1 }, limit: size })
    // Every union above those of the page: the page's own, and the rest in one read.
    const known = new Map(page.map((d) => [d._id, d]))
    const missing = [...new Set(page.flatMap((d) => d.ancestors))].filter((id) => !known.has(id))
    for (const doc of await findByIds(unions, missing)) known.set(doc._id, doc)
    const following = followChanges(page, (id) => known.get(id))
    for (let i = 0; i < following.length; i += WRITE_AT_ONCE) {
      await Promise.all(following.slice(i, i + WRITE_AT_ONCE).map(({ id, changes }) => unions.update({ _id: id }, { set: changes })))
    }
    const place = { _id: unionId, 'follow.after': after }
    if (page.length < size) {
      if (await unions.update(place, { unset: ['follow'] })) return true
      continue // renamed again meanwhile: from the top
    }
    await unions.update(place, { set: { 'follow.after': page[page.length - 1]._id } })
    if (performance.now() - started >= budget) return false
  }
}
