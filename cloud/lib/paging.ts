import { CloudError } from '../../domain/errors'
import { pageCursor, parsePageCursor } from '../../domain/paging'
import type { Doc } from './store/port'
import { keysetOf, type Keyset } from './store/read'

/**
 * Lists that staff and the public page through (入会审核, 转会待办, 金秋助学 review and 公示): a page
 * size small enough for a phone and a function's 1 MB answer, and the one cursor encoding of
 * domain/paging.ts, read back into a keyset for cloud/lib/store/read.ts.
 */
export const LIST_PAGE_SIZE = 50

const BAD_CURSOR = '列表位置不正确，请下拉刷新后重试'

/** Where the page after `cursor` starts (null: the first page). The contract has checked it already. */
export function pageStart(cursor: string | undefined): Keyset | null {
  if (!cursor) return null
  const position = parsePageCursor(cursor)
  if (!position) throw new CloudError('INVALID_INPUT', BAD_CURSOR, { cursor: BAD_CURSOR })
  return position
}

/**
 * `rows` read one past the page (keysetPage with size + 1): the page, and the cursor after its last
 * row when more follow (null: this is the last page).
 */
export function cutPage<T extends Doc>(rows: T[], size: number, field: keyof T & string): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return { page, nextCursor: rows.length > size && last ? pageCursor(keysetOf(last, field)) : null }
}
