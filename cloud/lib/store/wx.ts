import { checkedLimit, DuplicateKeyError, GEO_FIELD, geoPointsOf, MAX_READ, type Collection, type Doc, type Filter, type FindOptions, type GeoHit, type GeoNearQuery, type Patch, type Store } from './port'

/**
 * The WeChat cloud database adapter. It receives `cloud.database()` (wx-server-sdk) from the deployed
 * entry and from the data importers, so nothing here imports the SDK. Tests run it on the real SDK
 * against a stand-in for the database server (tests/stand-ins/cloudbase-db).
 *
 * Indexes (unique and geo) are made by the deploy (npm run deploy:cloud) from the declarations the
 * embedded store also uses; `ensureIndex` does nothing here.
 */
export interface WxCommand {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  in(v: unknown[]): unknown
  nin(v: unknown[]): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  exists(v: boolean): unknown
  all(v: unknown[]): unknown
  and(...conditions: unknown[]): unknown
  inc(n: number): unknown
  /** Sets a field to this whole value: a plain object in `update({ data })` would otherwise merge. */
  set(v: unknown): unknown
  remove(): unknown
}

export interface WxQuery {
  where(query: Record<string, unknown>): WxQuery
  orderBy(field: string, order: 'asc' | 'desc'): WxQuery
  /** Only these fields (and _id) come back: a projection. */
  field(projection: Record<string, boolean>): WxQuery
  skip(n: number): WxQuery
  limit(n: number): WxQuery
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

/** The aggregate pipeline as far as geoNear needs it (geoNear must be its first stage). */
export interface WxAggregate {
  geoNear(options: {
    near: unknown
    spherical: true
    distanceField: string
    minDistance?: number
    maxDistance?: number
    query?: Record<string, unknown>
    key?: string
  }): WxAggregate
  limit(n: number): WxAggregate
  end(): Promise<{ list: unknown[] }>
}

export interface WxCollection extends WxQuery {
  doc(id: string): { get(): Promise<{ data: unknown }> }
  /** One document, or several in one request (inserted in order; a failure stops the rest). */
  add(options: { data: Record<string, unknown> | Array<Record<string, unknown>> }): Promise<{ _id?: string; _ids?: string[] }>
  aggregate(): WxAggregate
}

export interface WxDatabase {
  command: WxCommand
  /** db.Geo.Point(longitude, latitude): a GeoJSON point the database can index. */
  Geo: { Point(longitude: number, latitude: number): unknown; MultiPoint(points: unknown[]): unknown }
  collection(name: string): WxCollection
}

const OPERATORS: Record<string, keyof WxCommand> = {
  $eq: 'eq', $ne: 'neq', $in: 'in', $nin: 'nin', $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte', $exists: 'exists', $all: 'all',
}

export function toWxQuery(command: WxCommand, filter: Record<string, unknown>): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const [field, condition] of Object.entries(filter)) {
    if (condition !== null && typeof condition === 'object' && !Array.isArray(condition) && !(condition instanceof Date)) {
      const parts = Object.entries(condition as Record<string, unknown>).map(([op, value]) => {
        const method = OPERATORS[op]
        if (!method) throw new Error(`unsupported operator ${op}`)
        return (command[method] as (v: unknown) => unknown).call(command, value)
      })
      query[field] = parts.length === 1 ? parts[0] : command.and(...parts)
    } else {
      query[field] = condition
    }
  }
  return query
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))

/**
 * The port's patch as wx-server-sdk's update data. The SDK turns a plain object value into `$set` of
 * its dotted paths (a merge: keys left out stay in the stored object), so every object value goes
 * through `_.set()`, which replaces it whole, as the port (and the embedded store) does.
 */
export function toWxUpdate(command: WxCommand, patch: Patch<Record<string, unknown>>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch.set ?? {})) data[field] = isPlainObject(value) ? command.set(value) : value
  for (const [field, n] of Object.entries(patch.inc ?? {})) data[field] = command.inc(n as number)
  for (const field of patch.unset ?? []) data[field] = command.remove()
  return data
}

/**
 * Geo (the port's rule, geoPointsOf): a document with numeric top-level `lat` and `lng` (stations) is
 * written with a GeoJSON copy of them in GEO_FIELD (db.Geo.Point(lng, lat)), and so is a patch that
 * sets both; a document (or patch) with `geoPoints` ({ lat, lng }[], e.g. an offer's stores) gets a
 * MultiPoint, whose distance is that of its nearest point. geoNear searches that field, whose geo
 * index (地理位置索引) the deploy makes from the `geo: true` declarations. The field is the adapter's
 * own: reads hand it back, the features ignore it.
 */
function geoOf(db: WxDatabase, data: Record<string, unknown> | undefined): unknown {
  const points = geoPointsOf(data)
  if (!points) return undefined
  const single = typeof data?.lat === 'number' && typeof data?.lng === 'number'
  return single ? db.Geo.Point(points[0].lng, points[0].lat) : db.Geo.MultiPoint(points.map((p) => db.Geo.Point(p.lng, p.lat)))
}

function withLocation(db: WxDatabase, data: Record<string, unknown>): Record<string, unknown> {
  const geo = geoOf(db, data)
  return geo ? { ...data, [GEO_FIELD]: geo } : data
}

/** A patch that sets both coordinates (or the points) also sets the location, whole. */
function geoUpdate(db: WxDatabase, set: Record<string, unknown> | undefined): Record<string, unknown> {
  if (Array.isArray(set?.geoPoints) && !set.geoPoints.length) return { [GEO_FIELD]: db.command.remove() }
  const geo = geoOf(db, set)
  // A Geo value is not a plain object: the SDK sets it whole.
  return geo ? { [GEO_FIELD]: geo } : {}
}

/**
 * A taken unique key. WeChat answers it with errCode -502001, which is the database's generic
 * 数据库请求失败 (https://docs.cloudbase.net/error-code/basic): only the message, which carries
 * MongoDB's `E11000 duplicate key error`, tells it from any other failure (a timeout, a bad request).
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { errMsg?: unknown; message?: unknown } | null
  return /E11000 duplicate key/.test(`${String(e?.errMsg ?? '')} ${String(e?.message ?? '')}`)
}

/** Documents one batched insert sends (imports): keeps each request small. */
export const INSERT_BATCH = 50

export function createWxStore(db: WxDatabase): Store {
  function collection<T extends Doc>(name: string): Collection<T> {
    const col = () => db.collection(name)
    const where = (filter: Filter<T>) => col().where(toWxQuery(db.command, filter as Record<string, unknown>))
    const duplicate = (error: unknown): never => {
      if (isDuplicateKey(error)) throw new DuplicateKeyError(name, String((error as { errMsg?: string }).errMsg ?? (error as Error).message))
      throw error
    }
    async function insert(doc: T): Promise<T> {
      try {
        await col().add({ data: withLocation(db, doc as unknown as Record<string, unknown>) })
        return doc
      } catch (error) {
        return duplicate(error)
      }
    }
    return {
      async get(id) {
        const { data } = await col().where({ _id: id }).limit(1).get()
        return (data[0] as T | undefined) ?? null
      },
      async find(filter, options: FindOptions<T>) {
        const limit = checkedLimit(name, options?.limit)
        let query = where(filter)
        for (const [field, order] of Object.entries(options.sort ?? {})) query = query.orderBy(field, order === -1 ? 'desc' : 'asc')
        if (options.skip) query = query.skip(options.skip)
        if (options.fields) query = query.field(Object.fromEntries(options.fields.map((field) => [field, true])))
        return (await query.limit(limit).get()).data as T[]
      },
      async count(filter) {
        return (await where(filter).count()).total
      },
      insert,
      async insertMany(docs) {
        for (let i = 0; i < docs.length; i += INSERT_BATCH) {
          const batch = docs.slice(i, i + INSERT_BATCH).map((doc) => withLocation(db, doc as unknown as Record<string, unknown>))
          try {
            await col().add({ data: batch })
          } catch (error) {
            duplicate(error)
          }
        }
        return docs.length
      },
      async update(filter, patch) {
        const set = patch.set as Record<string, unknown> | undefined
        const data = { ...toWxUpdate(db.command, patch as Patch<Record<string, unknown>>), ...geoUpdate(db, set) }
        if (!Object.keys(data).length) return 0
        try {
          return (await where(filter).update({ data })).stats.updated
        } catch (error) {
          return duplicate(error)
        }
      },
      async remove(filter) {
        return (await where(filter).remove()).stats.removed
      },
    }
  }
  return {
    collection,
    async geoNear<T extends Doc>(name: string, { point, minDistanceM, maxDistanceM, query, limit }: GeoNearQuery<T>): Promise<Array<GeoHit<T>>> {
      // An aggregate without a limit stage answers only 20 documents; with one, far more (reported up
      // to 10,000): geoNear always sends one, and never above MAX_READ, to keep one search's read bounded.
      const n = Math.min(limit, MAX_READ)
      const { list } = await db
        .collection(name)
        .aggregate()
        .geoNear({
          near: db.Geo.Point(point.lng, point.lat),
          spherical: true,
          distanceField: 'distance',
          ...(minDistanceM ? { minDistance: minDistanceM } : {}),
          maxDistance: maxDistanceM,
          query: toWxQuery(db.command, query as Record<string, unknown>),
          key: GEO_FIELD,
        })
        .limit(n)
        .end()
      return (list as Array<T & { distance: number }>).map(({ distance, ...doc }) => ({ doc: doc as unknown as T, distanceM: distance }))
    },
    async ensureIndex() {
      // Indexes of the WeChat cloud database are declared in the console (README: deploy).
    },
    async close() {},
  }
}
