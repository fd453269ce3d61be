import type { Collection, Doc, Filter, Store } from '../../lib/store/port'
import { aidDb } from './collections'
import { reviewLevels } from './levels'

/** Applications (or objections) filled per batch: one read and a write per union path among them. */
const BATCH = 500

/**
 * Fills one batch of `collection`'s rows that lack `field` (stored before it existed) with their
 * reviewing unions. Rows of one union path get one write (their ids), whose filter repeats the
 * missing field, so a second run, or two at once, writes nothing twice. Returns how many it read
 * and filled: fewer than a batch read means none are left after it.
 */
async function fillBatch<T extends Doc & { unionPath: string[] }>(collection: Collection<T>, field: 'levelOneUnionIds' | 'levelTwoUnionId', levels: (unionPath: string[]) => Partial<T>): Promise<{ read: number; filled: number }> {
  const missing = { [field]: { $exists: false } } as Filter<T>
  const rows = await collection.find(missing, { limit: BATCH, fields: ['unionPath'] })
  const byPath = new Map<string, { path: string[]; ids: string[] }>()
  for (const row of rows) {
    const key = JSON.stringify(row.unionPath)
    const group = byPath.get(key) ?? { path: row.unionPath, ids: [] }
    group.ids.push(row._id)
    byPath.set(key, group)
  }
  let filled = 0
  // Only the reviewing unions are set: updatedAt, which orders the desk, stays as it was.
  for (const { path, ids } of byPath.values()) filled += await collection.update({ ...missing, _id: { $in: ids } } as Filter<T>, { set: levels(path) })
  return { read: rows.length, filled }
}

/**
 * 金秋助学 applications and 公示 objections stored before the reviewing unions were (stop 25) get
 * them, derived from their union path as a submission derives them (levels.ts); nothing else of a
 * row changes. The desk, 首页's counts and the review list filter on them, so an application
 * without them would be missing there until filled. One batch a call (`batches` of them, each
 * bounded for a cloud function's time): `done` says none are left. Idempotent, safe to run twice
 * or beside new submissions. The local server runs it at start to the end; the deploy asks the aid
 * function (aid.backfillLevels) until done.
 */
export async function backfillReviewLevels(store: Store, batches = 1): Promise<{ filled: number; done: boolean }> {
  const { applications, objections } = aidDb(store)
  let filled = 0
  for (let i = 0; i < batches; i += 1) {
    const apps = await fillBatch(applications, 'levelOneUnionIds', reviewLevels)
    const objected = apps.read < BATCH ? await fillBatch(objections, 'levelTwoUnionId', (path) => ({ levelTwoUnionId: reviewLevels(path).levelTwoUnionId })) : { read: 0, filled: 0 }
    filled += apps.filled + objected.filled
    if (apps.read < BATCH && objected.read < BATCH) return { filled, done: true }
    // Rows read and none written (filled meanwhile by another run): stop rather than read them again.
    if (!apps.filled && !objected.filled) break
  }
  return { filled, done: false }
}
