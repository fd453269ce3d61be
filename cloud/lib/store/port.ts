/**
 * The data port: the few operations every cloud action needs, implemented by the embedded
 * adapter (nedb, local and tests) and the WeChat cloud database adapter. Keep it small: both
 * adapters must pass the same suite (tests/cloud/store-port.test.ts).
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
  [K in keyof T]?: Condition<T[K] extends Array<infer E> ? E : T[K]>
} & { [dotted: `${string}.${string}`]: Condition<Scalar> }

export interface FindOptions<T> {
  sort?: Partial<Record<keyof T & string, 1 | -1>>
  skip?: number
  limit?: number
}

export interface Patch<T> {
  set?: Partial<T>
  inc?: Partial<Record<keyof T & string, number>>
  unset?: Array<keyof T & string>
}

export interface IndexSpec {
  fields: string[]
  unique?: boolean
}

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>
  find(filter: Filter<T>, options?: FindOptions<T>): Promise<T[]>
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
  point: { lat: number; lng: number }
  /** Metres, measured the store's way (on its own sphere): callers cut exactly with their own distance. */
  maxDistanceM: number
  /** Leaves out what is nearer than this (metres, the store's way): paging on from a cursor. */
  minDistanceM?: number
  /** Only documents matching this filter are returned (and counted by the limit). */
  query: Filter<T>
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
   * Offered by stores with a database-side geo index (WeChat's geoNear): the documents of `collection`
   * whose top-level numeric `lat`/`lng` (or nearest of their `geoPoints`) lie within `maxDistanceM`
   * of the point, nearest first. A store without it (the embedded one) leaves it out, and features
   * keep their own index instead.
   */
  geoNear?<T extends Doc>(collection: string, query: GeoNearQuery<T>): Promise<Array<GeoHit<T>>>
  /** Declares an index. The embedded store enforces unique ones; WeChat's are made in the console. */
  ensureIndex(collection: string, index: IndexSpec): Promise<void>
  close(): Promise<void>
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, detail: string) {
    super(`duplicate key in ${collection}: ${detail}`)
    this.name = 'DuplicateKeyError'
  }
}
