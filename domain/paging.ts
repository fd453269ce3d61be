/**
 * Where a page of a list ended, for lists ordered by one timestamp and then by id (the review
 * lists, the staff queues, the 公示) or by a name and then by id (nameCursor, below): the next
 * page starts just after it. A position, not an
 * offset, so an item decided or added while someone pages neither shifts nor repeats the others.
 *
 * One encoding for every such list, written and read by the cloud and checked by the contract:
 * "<ISO time>_<id>". The time never holds "_", so the first one splits it.
 */
export interface PagePosition {
  /** The timestamp the list is ordered by, as stored (toISOString). */
  value: string
  id: string
}

/** What the cloud writes: toISOString(), milliseconds optional. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/
/** Ids are ours (uuids, seeded slugs, a role's `inv-` and a 64-digit hash): at most 100 printable characters, no spaces. */
const ID = /^[^\s]{1,100}$/

export function pageCursor(position: PagePosition): string {
  return `${position.value}_${position.id}`
}

/** The position a cursor names, or null when it is not one of ours. */
export function parsePageCursor(cursor: string): PagePosition | null {
  const at = cursor.indexOf('_')
  if (at < 0) return null
  const value = cursor.slice(0, at)
  const id = cursor.slice(at + 1)
  if (!ISO_TIME.test(value) || Number.isNaN(Date.parse(value)) || !ID.test(id)) return null
  return { value, id }
}

/**
 * The same for lists ordered by a name and then by id (the join-poster unions): "<id>:<name>".
 * An id never holds ":", so the first one splits it; the name may hold anything.
 */
export function nameCursor(position: PagePosition): string {
  return `${position.id}:${position.value}`
}

export function parseNameCursor(cursor: string): PagePosition | null {
  const at = cursor.indexOf(':')
  if (at < 1 || at === cursor.length - 1) return null
  const id = cursor.slice(0, at)
  return ID.test(id) ? { id, value: cursor.slice(at + 1) } : null
}
