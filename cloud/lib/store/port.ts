import type { LatLng } from '../../../domain/geo'

/**
 * The data port: the few operations every cloud action needs, implemented by the embedded
 * adapter (nedb, local and tests) and the WeChat cloud database adapter. Keep it small: both
 * adapters pass the same suites. `npx jest` runs every test under tests/cloud/ twice: the port's own
 * (store-port.test.ts) and every action's, on nedb in the `node` project and on the WeChat adapter in
 * the `cloud-wx` project (the real wx-server-sdk over the stand-in database server in tests/stand-ins;
 * alone: `npm run test:cloud:wx`). The few cases only one store has (a file on disk; WeChat's
 * failures, cloud storage, geo index) say so in their names (tests/helpers/store.ts, describeOn).
 *
 * Reads are bounded: one `find` answers at most MAX_READ documents and must say how many it wants
 * (WeChat's database answers 100 when no limit is given and never more than 1,000). Asking for more
 * is an error, never a silent cut; callers that need more read page by page (./read.ts).
 *
 * There are no multi-document transactions. A state change is one conditional `update` whose
 * filter states what must still be true; its count says whether it happened.
 */
export interface Doc {
  _id: string
}

export type Scalar = string | number | boolean | null

export interface Operators<V> {
  $eq?: V
  $ne?: V
  $in?: V[]
  $nin?: V[]
  $gt?: V
  $gte?: V
  $lt?: V
  $lte?: V
  $exists?: boolean
  /** An array field that contains every one of these. */
  $all?: V[]
}

/** Equality on a field (an array field matches when it contains the value), or operators. */
export type Condition<V> = V | Operators<V>

export type Filter<T> = {
  [K in keyof T]?: Condition<NonNullable<T[K]> extends Array<infer E> ? E : T[K]>
} & { [dotted: `${string}.${string}`]: Condition<Scalar> }

/** The most documents one `find` answers: WeChat's database's own ceiling for a read. */
export const MAX_READ = 1000

export interface FindOptions<T> {
  sort?: Partial<Record<keyof T & string, 1 | -1>>
  skip?: number
  /** How many at most: 1..MAX_READ. A larger number is refused (ReadLimitError). */
  limit: number
  /**
   * Only these top-level fields (and `_id`) come back (a projection): for a read that needs a few
   * fields of many large documents, since each document's size is what a read costs on both stores.
   */
  fields?: string[]
}

/** A field of a document, or a dotted path into an object field (`holds.<id>`). */
type FieldPath<T> = (keyof T & string) | `${string}.${string}`

export interface Patch<T> {
  /** Top-level values replace what is stored (objects whole); a dotted path sets one key inside an object. */
  set?: Partial<T> & { [dotted: `${string}.${string}`]: Scalar }
  inc?: Partial<Record<keyof T & string, number>>
  unset?: Array<FieldPath<T>>
}

export interface IndexSpec {
  fields: string[]
  unique?: boolean
  /** A geo index (WeChat's 地理位置索引, a 2dsphere index) on GEO_FIELD, which geoNear searches. */
  geo?: boolean
}

/**
 * Where a document is, for geoNear: its top-level numeric `lat` and `lng` (a station), else each of
 * its `geoPoints` (an offer's stores; the document is as near as its nearest point). An adapter keeps
 * its own copy of that in GEO_FIELD (WeChat: a GeoJSON Point or MultiPoint under its geo index; the
 * embedded store: a kd index) and keeps it in step with its own writes: a patch that moves a
 * document sets both `lat` and `lng`, or `geoPoints` whole. Reads may hand the field back; features
 * ignore it.
 */
export const GEO_FIELD = 'location'

export function geoPointsOf(data: Record<string, unknown> | undefined): LatLng[] | null {
  const { lat, lng, geoPoints } = data ?? {}
  if (typeof lat === 'number' && typeof lng === 'number') return [{ lat, lng }]
  if (Array.isArray(geoPoints) && geoPoints.length) return geoPoints as LatLng[]
  return null
}

/**
 * The collections a feature uses, each with its indexes: one declaration that the embedded store
 * applies at start and the deploy makes in WeChat's database (collections, unique and geo indexes).
 */
export type CollectionIndexes = Record<string, IndexSpec[]>

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>
  /** At most `options.limit` (≤ MAX_READ) matching documents. */
  find(filter: Filter<T>, options: FindOptions<T>): Promise<T[]>
  count(filter: Filter<T>): Promise<number>
  /** Inserts a new document; throws DuplicateKeyError when a unique index (or _id) is taken. */
  insert(doc: T): Promise<T>
  /**
   * Inserts many new documents in one operation (imports); returns how many. On a taken key it
   * throws DuplicateKeyError: the embedded store then has inserted none of them; WeChat's adds
   * them one by one and may have inserted those before the duplicate.
   */
  insertMany(docs: T[]): Promise<number>
  /** Applies the patch to every document matching the filter; returns how many changed. */
  update(filter: Filter<T>, patch: Patch<T>): Promise<number>
  remove(filter: Filter<T>): Promise<number>
}

/** A nearest-first search by distance (geoNear). */
export interface GeoNearQuery<T> {
  point: LatLng
  /** Metres, measured the store's way (on its own sphere): callers cut exactly with their own distance. */
  maxDistanceM: number
  /** Leaves out what is nearer than this (metres, the store's way): paging on from a cursor. */
  minDistanceM?: number
  /** Only documents matching this filter are returned (and counted by the limit). */
  query: Filter<T>
  /** How many at most; never more than MAX_READ (a larger limit answers MAX_READ at most). */
  limit: number
}

export interface GeoHit<T> {
  doc: T
  /** Metres from the point, as the store measures it. */
  distanceM: number
}

export interface Store {
  collection<T extends Doc>(name: string): Collection<T>
  /**
   * The documents of `collection` that match `query.query` and lie (by geoPointsOf, at their nearest
   * point) between `minDistanceM` and `maxDistanceM` of the point, both inclusive, nearest first; at
   * most `limit`. Equally near documents come in an order of the store's own, and which of them a
   * limit cuts is the store's choice: a caller that pages takes only what is strictly nearer than the
   * farthest answer, unless fewer than `limit` came back. Every store implements it (WeChat: the
   * aggregate's geoNear stage over the geo index; the embedded store: a kd index, see nedb-geo.ts),
   * so features never branch on the store.
   */
  geoNear<T extends Doc>(collection: string, query: GeoNearQuery<T>): Promise<Array<GeoHit<T>>>
  /** Declares an index. The embedded store enforces unique ones; WeChat's are made by the deploy (npm run deploy:cloud). */
  ensureIndex(collection: string, index: IndexSpec): Promise<void>
  close(): Promise<void>
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, detail: string) {
    super(`duplicate key in ${collection}: ${detail}`)
    this.name = 'DuplicateKeyError'
  }
}

/** A read asked for more than one `find` may answer: a programming error, reported before any I/O. */
export class ReadLimitError extends Error {
  constructor(readonly collection: string, readonly limit: unknown) {
    super(`read of ${collection} asks for ${String(limit)} documents; one read answers 1..${MAX_READ}: read page by page (cloud/lib/store/read.ts)`)
    this.name = 'ReadLimitError'
  }
}

/** The limit every adapter checks before it reads. */
export function checkedLimit(collection: string, limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_READ) throw new ReadLimitError(collection, limit)
  return limit
}
