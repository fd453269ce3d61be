import type { CollectionIndexes, Doc, Store } from '../../lib/store/port'

/**
 * A union code, taken for good (cloud/features/unions/codes.ts): `_id` is the code, so of two clerks
 * taking the same code at the same instant exactly one insert succeeds. Never removed: a code once
 * given (to a union added, or as a union's new code) is never given to another union, also after the
 * union is closed or its code changed; the union it names keeps answering to it.
 */
export interface UnionCodeDoc extends Doc {
  unionId: string
  reservedAt: string
  /** Who took it: an openid, or 'import' for the importer. */
  reservedBy: string
  /** The add's retry key: a retried add (the same clerk, the same form) goes on with the code it took. */
  idempotencyKey?: string
  /** The same key as codes taken before 2026-12 store it: read both with storedKeyOf (cloud/lib/resume.ts). */
  requestId?: string
}

export const unionsDb = (store: Store) => ({
  codes: store.collection<UnionCodeDoc>('unionCodes'),
})

export const UNION_COLLECTIONS: CollectionIndexes = {
  unionCodes: [],
}
