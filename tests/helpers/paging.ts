import type { FunctionName } from '../../domain/contract'
import { ok, type CloudAnswer } from './aid'

export interface Page<T = { id: string }> {
  items: T[]
  nextCursor: string | null
  total?: number
}

type CallAs = (openid: string | null, fn: FunctionName, action: string, data?: unknown) => Promise<CloudAnswer>

/** Every page of a paged action, following nextCursor to the end (a runaway list fails the test). */
export async function pageThrough<T = { id: string }>(callAs: CallAs, as: string | null, fn: FunctionName, action: string, input: Record<string, unknown> = {}, maxPages = 50): Promise<Array<Page<T>>> {
  const pages: Array<Page<T>> = []
  let cursor: string | null = null
  for (;;) {
    const page: Page<T> = ok<Page<T>>(await callAs(as, fn, action, { ...input, ...(cursor ? { cursor } : {}) }))
    pages.push(page)
    if (!page.nextCursor) return pages
    if (pages.length >= maxPages) throw new Error(`${fn}.${action}: still more after ${maxPages} pages`)
    cursor = page.nextCursor
  }
}

/** Ids in the order every paged list uses: by one timestamp field, then by id. */
export function keysetOrder<T extends { _id: string }>(docs: T[], field: keyof T): string[] {
  return [...docs]
    .sort((a, b) => {
      const x = String(a[field])
      const y = String(b[field])
      return x !== y ? (x < y ? -1 : 1) : a._id < b._id ? -1 : a._id > b._id ? 1 : 0
    })
    .map((d) => d._id)
}

/** Timestamps three to a second from `start`, so pages end inside a second and the tie-break on id counts. */
export const tiedTime = (start: string, i: number) => new Date(Date.parse(start) + Math.floor(i / 3) * 1000).toISOString()

/** Ids out of insertion and time order, so the order can only come from (time, _id). */
export const scrambledId = (prefix: string, i: number) => `${prefix}-${String((i * 7919) % 100_003).padStart(6, '0')}-${i}`

/** Cursors that are not ours: each must be refused with INVALID_INPUT. */
export const BAD_CURSORS: unknown[] = ['nonsense', 'not-a-date_app-1', '2026-11-05T00:00:00.000Z', '2026-11-05T00:00:00.000Z_', '2026-11-05_x', 'x'.repeat(200), 42, '']
