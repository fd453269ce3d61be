import { keyedHash } from './crypto'
import type { ActionContext } from './context'
import { DuplicateKeyError, type Collection, type Doc } from './store/port'

/**
 * Multi-step writes without transactions (DESIGN.md): a crash between two steps must not leave a
 * write stuck. Every multi-step write keyed by the caller's retry key (IdempotencyKey: join, coupon
 * claim, transfer moves, aid submission, upload registration) is built the same way:
 * - what it writes is named after the key (writeId / writeKey), never after a random id;
 * - each step can run again: an insert goes through insertOnce (the second time it finds what the
 *   first wrote), a lock or a unit of stock records which write holds it (so the same write picks
 *   it back up, and others release it once its lease has run out), a conditional update recognises
 *   "already done by this write", and audits and notices carry keys (once-only);
 * - a retry with the same key runs the whole write again from its first step, and so finishes
 *   what the crash left half done instead of answering "still being submitted".
 */

/** A hex name for what one caller's write with one retry key writes: the same key, the same name. */
export const writeKey = (ctx: ActionContext, scope: string, openid: string, key: string) => keyedHash(ctx.secrets.hashKey, `${scope}:${openid}:${key}`).slice(0, 40)

/** A record id for one caller's write with one retry key: `${prefix}-<hex>`. */
export const writeId = (ctx: ActionContext, scope: string, openid: string, key: string, prefix = scope) => `${prefix}-${writeKey(ctx, scope, openid, key)}`

/**
 * The retry key a record was stored with. Records stored before the key had one name (before
 * 2026-12) call it `requestId`; they are read as they are, not migrated.
 */
export const storedKeyOf = (doc: { idempotencyKey?: string; requestId?: string }): string | null => doc.idempotencyKey ?? doc.requestId ?? null

/**
 * Inserts `doc`, or finds the one an earlier try of the same write stored under the same `_id`.
 * `fresh` tells which. A duplicate of another unique key (not this `_id`) is not this write's: it throws.
 */
export async function insertOnce<T extends Doc>(collection: Collection<T>, doc: T): Promise<{ doc: T; fresh: boolean }> {
  try {
    return { doc: await collection.insert(doc), fresh: true }
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    const stored = await collection.get(doc._id)
    if (!stored) throw error
    return { doc: stored, fresh: false }
  }
}
