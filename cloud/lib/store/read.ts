import { MAX_READ, type Collection, type Doc, type Filter, type FindOptions } from './port'

/**
 * Reads past one `find`'s MAX_READ, the same way on both stores: each page is a range on an index,
 * never an offset, so a deep page costs what the first does and a document written meanwhile is
 * neither skipped nor repeated.
 */

/**
 * Every document matching `filter`, a page at a time by keyset (`_id` after the last one seen);
 * `visit` may answer false to stop there.
 */
export async function forEachPage<T extends Doc>(collection: Collection<T>, filter: Filter<T>, visit: (page: T[]) => void | boolean | Promise<void | boolean>, pageSize: number = MAX_READ, fields?: string[]): Promise<void> {
  if ('_id' in filter) throw new Error('forEachPage pages by _id: the filter must not name it')
  for (let last = ''; ; ) {
    const page = await collection.find({ ...filter, ...(last ? { _id: { $gt: last } } : {}) } as Filter<T>, { sort: { _id: 1 } as FindOptions<T>['sort'], limit: pageSize, ...(fields ? { fields } : {}) })
    if (!page.length) return
    if ((await visit(page)) === false || page.length < pageSize) return
    last = page[page.length - 1]._id
  }
}

/** forEachPage reading only `fields` (and `_id`) of each document: a few fields of many large ones. */
export async function forEachPageOf<T extends Doc, K extends keyof T & string>(collection: Collection<T>, filter: Filter<T>, fields: K[], visit: (page: Array<Pick<T, K | '_id'>>) => void | boolean | Promise<void | boolean>): Promise<void> {
  await forEachPage(collection, filter, visit, MAX_READ, fields)
}

/** Every document of a collection, one at a time (an index built in memory). */
export async function forEachDoc<T extends Doc>(collection: Collection<T>, pageSize: number, visit: (doc: T) => void): Promise<void> {
  await forEachPage(collection, {} as Filter<T>, (page) => page.forEach(visit), pageSize)
}

/** Raised when a read that must fit in memory finds more than its caller allows. */
export class TooManyError extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} documents`)
    this.name = 'TooManyError'
  }
}

/** Every matching document, page by page; more than `max` is refused rather than half-read. */
export async function readAll<T extends Doc>(collection: Collection<T>, filter: Filter<T>, max: number): Promise<T[]> {
  const all: T[] = []
  await forEachPage(collection, filter, (page) => {
    all.push(...page)
    if (all.length > max) throw new TooManyError(max)
  })
  return all
}

/** The documents with these ids (missing ones left out), in as many reads as it takes. */
export async function findByIds<T extends Doc>(collection: Collection<T>, ids: readonly string[]): Promise<T[]> {
  const unique = [...new Set(ids)]
  const found: T[] = []
  for (let i = 0; i < unique.length; i += MAX_READ) {
    const chunk = unique.slice(i, i + MAX_READ)
    found.push(...(await collection.find({ _id: { $in: chunk } } as Filter<T>, { limit: chunk.length })))
  }
  return found
}

/** A cursor into a list ordered by one field and then `_id` (both ascending). */
export interface Keyset {
  value: string
  id: string
}

/**
 * One page of `filter`'s documents ordered by `field` then `_id`, after `after`: the rows tied with
 * the cursor's value (by `_id`), then the later ones. `filter` must not name `field` or `_id`.
 * `order` -1 reads the same way backwards (newest first): ties with a smaller `_id`, then smaller values.
 */
export async function keysetPage<T extends Doc>(collection: Collection<T>, filter: Filter<T>, field: keyof T & string, after: Keyset | null, limit: number, order: 1 | -1 = 1): Promise<T[]> {
  const sort = { [field]: order, _id: order } as FindOptions<T>['sort']
  if (!after) return collection.find(filter, { sort, limit })
  const beyond = order === 1 ? '$gt' : '$lt'
  const ties = await collection.find({ ...filter, [field]: after.value, _id: { [beyond]: after.id } } as Filter<T>, { sort: { _id: order } as FindOptions<T>['sort'], limit })
  if (ties.length >= limit) return ties
  const later = await collection.find({ ...filter, [field]: { [beyond]: after.value } } as Filter<T>, { sort, limit: limit - ties.length })
  return [...ties, ...later]
}

export const keysetOf = <T extends Doc>(doc: T, field: keyof T & string): Keyset => ({ value: String(doc[field]), id: doc._id })

/** The order keysetPage reads in: `field`, then `_id` (plain string comparison, as both stores do). */
export const byKeyset =
  <T extends Doc>(field: keyof T & string) =>
  (a: T, b: T): number => {
    const x = String(a[field])
    const y = String(b[field])
    if (x !== y) return x < y ? -1 : 1
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
  }

/**
 * keysetPage over the documents matching any of `filters`, the port having no $or: each filter's own
 * page after `after`, merged in order and cut to `limit`. A document matching several is kept once.
 * Exact, since no document of the merged first `limit` can lie past any one filter's first `limit`.
 */
export async function keysetPageOfAny<T extends Doc>(collection: Collection<T>, filters: ReadonlyArray<Filter<T>>, field: keyof T & string, after: Keyset | null, limit: number): Promise<T[]> {
  const pages = await Promise.all(filters.map((filter) => keysetPage(collection, filter, field, after, limit)))
  const seen = new Set<string>()
  return pages
    .flat()
    .sort(byKeyset(field))
    .filter((doc) => !seen.has(doc._id) && Boolean(seen.add(doc._id)))
    .slice(0, limit)
}
