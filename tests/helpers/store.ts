import { SCHEMA } from '../../cloud/functions/schema'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import type { Collection, Doc, Filter, FindOptions, Store } from '../../cloud/lib/store/port'
import { createWxStore } from '../../cloud/lib/store/wx'
import type { CloudBaseDbStandIn } from '../stand-ins/cloudbase-db/engine'

/**
 * Which store the cloud tests run on: the embedded one (nedb, in memory; `npm run test:unit`'s node
 * project), or WeChat's, i.e. the WeChat adapter on the real wx-server-sdk over the stand-in database
 * server (the `cloud-wx` jest project, `npm run test:cloud:wx`; tests/setup/wx-store.js sets it).
 */
export type StoreKind = 'nedb' | 'wx'
export const STORE_KIND: StoreKind = process.env.CLOUD_STORE === 'wx' ? 'wx' : 'nedb'

export interface TestStore {
  store: Store
  /** The stand-in database server behind a WeChat store (null on the embedded one). */
  server: CloudBaseDbStandIn | null
}

/** The deploy's part, done on the stand-in: every collection and index of the one list (SCHEMA). */
export function deploySchema(server: CloudBaseDbStandIn): void {
  for (const [name, indexes] of Object.entries(SCHEMA)) {
    server.createCollection(name)
    for (const index of indexes) server.createIndex(name, index)
  }
}

/** A fresh, empty store of the kind this run tests (its collections and indexes made). */
export function testStore(kind: StoreKind = STORE_KIND): TestStore {
  if (kind === 'nedb') return { store: createNedbStore(null), server: null }
  // Loaded only here: the nedb run never touches wx-server-sdk.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { standInCloudDatabase } = require('../stand-ins/cloudbase-db/hook') as typeof import('../stand-ins/cloudbase-db/hook')
  const { server, db } = standInCloudDatabase()
  deploySchema(server)
  return { store: createWxStore(db), server }
}

/** A describe block for one store only, with the reason in its name: skipped on the other run. */
export function describeOn(kind: StoreKind, reason: string, fn: () => void): void {
  ;(STORE_KIND === kind ? describe : describe.skip)(`[${kind} only: ${reason}]`, fn)
}

/** One test for one store only (e.g. the embedded home, which has no WeChat services), the reason in its name. */
export function itOn(kind: StoreKind, reason: string, name: string, fn: () => Promise<void>): void {
  ;(STORE_KIND === kind ? it : it.skip)(`${name} [${kind} only: ${reason}]`, fn)
}

/** One `find` as a store answered it: which collection, what was asked, how many came back. */
export interface RecordedRead {
  collection: string
  filter: Record<string, unknown>
  limit: number
  returned: number
}

/** The store, recording every `find` (what a search costs, on either store). */
export function recordingReads(store: Store): { store: Store; reads: RecordedRead[] } {
  const reads: RecordedRead[] = []
  const recording: Store = {
    ...store,
    geoNear: store.geoNear?.bind(store),
    ensureIndex: store.ensureIndex.bind(store),
    close: store.close.bind(store),
    collection<T extends Doc>(name: string): Collection<T> {
      const inner = store.collection<T>(name)
      return {
        ...inner,
        async find(filter: Filter<T>, options: FindOptions<T>) {
          const found = await inner.find(filter, options)
          reads.push({ collection: name, filter: filter as Record<string, unknown>, limit: options.limit, returned: found.length })
          return found
        },
      }
    },
  }
  return { store: recording, reads }
}

/**
 * Whether a declared index serves the whole filter: `_id` alone (the primary key), or an index whose
 * first field the filter names and whose fields hold every other field it names (`_id` beside them
 * is a keyset page's cursor), so no candidate is tested against a field the index does not hold.
 */
export function servedByIndex(read: RecordedRead): boolean {
  const fields = Object.keys(read.filter).filter((f) => f !== '_id')
  if (!fields.length) return '_id' in read.filter
  return (SCHEMA[read.collection] ?? []).some((index) => fields.includes(index.fields[0]) && fields.every((f) => index.fields.includes(f)))
}
