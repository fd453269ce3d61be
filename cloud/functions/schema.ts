import { ADMIN_COLLECTIONS } from '../features/admin/collections'
import { AID_COLLECTIONS } from '../features/aid/collections'
import { BENEFITS_COLLECTIONS } from '../features/benefits/collections'
import { JOIN_COLLECTIONS } from '../features/join/collections'
import { RIGHTS_COLLECTIONS } from '../features/rights/collections'
import { STATION_COLLECTIONS } from '../features/stations/collections'
import { TRANSFER_COLLECTIONS } from '../features/transfer/collections'
import { UNION_COLLECTIONS } from '../features/unions/collections'
import { CORE_COLLECTIONS } from '../lib/collections'
import type { CollectionIndexes, Store } from '../lib/store/port'

/**
 * Every collection the cloud functions use, with its indexes: the one list. The embedded store
 * applies it at start (`ensureIndexes`); the deploy (scripts/deploy) makes the same collections and
 * indexes, unique and geo ones included, in WeChat's database; cloud tests give it to the stand-in
 * database server. A collection missing here does not exist in WeChat, and writing to it fails.
 */
export const SCHEMA: CollectionIndexes = mergeSchemas([CORE_COLLECTIONS, JOIN_COLLECTIONS, TRANSFER_COLLECTIONS, BENEFITS_COLLECTIONS, STATION_COLLECTIONS, AID_COLLECTIONS, ADMIN_COLLECTIONS, UNION_COLLECTIONS, RIGHTS_COLLECTIONS])

function mergeSchemas(parts: CollectionIndexes[]): CollectionIndexes {
  const all: CollectionIndexes = {}
  for (const part of parts) {
    for (const [name, indexes] of Object.entries(part)) {
      if (all[name]) throw new Error(`collection ${name} is declared twice`)
      all[name] = indexes
    }
  }
  return all
}

/** The embedded store's indexes (unique ones enforced), made at start. */
export async function ensureIndexes(store: Store): Promise<void> {
  for (const [name, indexes] of Object.entries(SCHEMA)) for (const index of indexes) await store.ensureIndex(name, index)
}
