import * as v from 'valibot'
import { parsePageCursor } from '../paging'
import { UNION_LEVEL_NAMES, UNION_LEVELS } from '../unionLevels'

/** An ISO-8601 timestamp string as the cloud returns dates. */
export const IsoTime = v.string()

export const EmptyInput = v.strictObject({})

/**
 * The retry key of one submission (幂等键), under one field name, `idempotencyKey`, in every action
 * that takes one: the app makes it (src/services/retryKey.ts) and sends it with every try of the
 * same submission, so a retry after a lost answer is the same write, never a second one; the cloud
 * names what the write stores after it (cloud/lib/resume.ts).
 */
export const IdempotencyKey = v.pipe(v.string('缺少提交编号'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号格式不正确'))

/** Organisation levels of the union tree (全总 → 省 → 市 → 县 → 基层). */
export const UnionLevel = v.picklist(UNION_LEVELS)
export type UnionLevel = v.InferOutput<typeof UnionLevel>
export { UNION_LEVEL_NAMES }

export const UnionSummary = v.object({
  id: v.string(),
  name: v.string(),
  level: UnionLevel,
})
export type UnionSummary = v.InferOutput<typeof UnionSummary>

/**
 * Where the next page of a list starts: a cursor the cloud gave with the previous page
 * (domain/paging.ts). Anything else is refused before it reaches a query.
 */
export const PageCursor = v.pipe(
  v.string('列表位置不正确，请下拉刷新后重试'),
  v.maxLength(120, '列表位置不正确，请下拉刷新后重试'),
  v.check((cursor) => parsePageCursor(cursor) !== null, '列表位置不正确，请下拉刷新后重试'),
)

/** A list's input: no cursor for the first page, the previous page's `nextCursor` for the next. */
export const PageInput = { cursor: v.optional(PageCursor) }

/** A page of `item`s and the cursor of the next page (null: this was the last). */
export function pageOf<T extends v.GenericSchema>(item: T) {
  return { items: v.array(item), nextCursor: v.nullable(v.string()) }
}
