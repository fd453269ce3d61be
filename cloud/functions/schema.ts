import * as admin from '../features/admin'
import * as aid from '../features/aid'
import * as benefits from '../features/benefits'
import * as home from '../features/home'
import * as join from '../features/join'
import * as ledger from '../features/ledger'
import * as merchants from '../features/merchants'
import * as profile from '../features/profile'
import * as rights from '../features/rights'
import * as staff from '../features/staff'
import * as stations from '../features/stations'
import * as transfer from '../features/transfer'
import * as unions from '../features/unions'
import { CORE_COLLECTIONS } from '../lib/collections'
import { EXPORT_COLLECTIONS } from '../lib/exportFiles'
import type { CollectionIndexes, Store } from '../lib/store/port'

/** Every feature folder (cloud/features/<name>), by name: each brings its collections (a test checks none is left out). */
export const FEATURES: Record<string, { collections: CollectionIndexes }> = { join, transfer, benefits, stations, aid, admin, unions, rights, merchants, profile, home, staff, ledger }

/**
 * Every collection the cloud functions use, with its indexes: the one list. The embedded store
 * applies it at start (`ensureIndexes`); the deploy (scripts/deploy) makes the same collections and
 * indexes, unique and geo ones included, in WeChat's database; cloud tests give it to the stand-in
 * database server. A collection missing here does not exist in WeChat, and writing to it fails.
 */
export const SCHEMA: CollectionIndexes = mergeSchemas([CORE_COLLECTIONS, EXPORT_COLLECTIONS, ...Object.values(FEATURES).map((f) => f.collections)])

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
