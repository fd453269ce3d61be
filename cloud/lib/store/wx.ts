import { DuplicateKeyError, type Collection, type Doc, type Filter, type FindOptions, type GeoHit, type GeoNearQuery, type Patch, type Store } from './port'

/**
 * The WeChat cloud database adapter. It receives `cloud.database()` from the deployed entry, so
 * nothing here imports wx-server-sdk; tests give it a recording fake and check the queries it builds.
 * Unique indexes are created in the cloud console (see README), and a violation comes back as
 * errCode -502001, which is mapped to DuplicateKeyError like the embedded adapter's.
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
  remove(): unknown
}

export interface WxQuery {
  where(query: Record<string, unknown>): WxQuery
  orderBy(field: string, order: 'asc' | 'desc'): WxQuery
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
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
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

/** The WeChat database caps one read at 100 documents (1,000 on the server SDK's newer versions). */
const MAX_LIMIT = 100

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

export function toWxUpdate(command: WxCommand, patch: Patch<Record<string, unknown>>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(patch.set ?? {}) }
  for (const [field, n] of Object.entries(patch.inc ?? {})) data[field] = command.inc(n as number)
  for (const field of patch.unset ?? []) data[field] = command.remove()
  return data
}

/**
 * Geo: a document with numeric top-level `lat` and `lng` (stations) is written with a GeoJSON copy
 * of them in `location` (db.Geo.Point(lng, lat)), and so is a patch that sets both; a document (or
 * patch) with `geoPoints` ({ lat, lng }[], e.g. an offer's stores) gets a MultiPoint, whose distance
 * is that of its nearest point. geoNear searches that field. Its geo index is made in the cloud console (collection → 索引管理 → 地理位置索引 on
 * `location`; README). The field is the adapter's own: reads hand it back, the features ignore it.
 */
export const GEO_FIELD = 'location'

function withLocation(db: WxDatabase, data: Record<string, unknown>): Record<string, unknown> {
  const { lat, lng, geoPoints } = data
  if (typeof lat === 'number' && typeof lng === 'number') return { ...data, [GEO_FIELD]: db.Geo.Point(lng, lat) }
  if (Array.isArray(geoPoints) && geoPoints.length) {
    return { ...data, [GEO_FIELD]: db.Geo.MultiPoint((geoPoints as Array<{ lat: number; lng: number }>).map((p) => db.Geo.Point(p.lng, p.lat))) }
  }
  return data
}

/**
 * An aggregate without a limit stage answers only 20 documents; with one, far more (reported up to
 * 10,000). geoNear always sends a limit, and never above this, to keep one search's read bounded.
 */
export const MAX_GEO_LIMIT = 1000

export function createWxStore(db: WxDatabase): Store {
  function collection<T extends Doc>(name: string): Collection<T> {
    const col = () => db.collection(name)
    const where = (filter: Filter<T>) => col().where(toWxQuery(db.command, filter as Record<string, unknown>))
  async function insert(doc: T): Promise<T> {
      try {
        await col().add({ data: withLocation(db, doc as unknown as Record<string, unknown>) })
        return doc
      } catch (error) {
        const code = (error as { errCode?: number }).errCode
        if (code === -502001) throw new DuplicateKeyError(name, String((error as Error).message))
        throw error
      }
    }
    return {
      async get(id) {
        const { data } = await col().where({ _id: id }).limit(1).get()
        return (data[0] as T | undefined) ?? null
      },
      async find(filter, options: FindOptions<T> = {}) {
        let query = where(filter)
        for (const [field, order] of Object.entries(options.sort ?? {})) query = query.orderBy(field, order === -1 ? 'desc' : 'asc')
        if (options.skip) query = query.skip(options.skip)
        query = query.limit(Math.min(options.limit ?? MAX_LIMIT, MAX_LIMIT))
        return (await query.get()).data as T[]
      },
      async count(filter) {
        return (await where(filter).count()).total
      },
      insert,
      async insertMany(docs) {
        for (const doc of docs) await insert(doc)
        return docs.length
      },
      async update(filter, patch) {
        const data = withLocation(db, toWxUpdate(db.command, patch as Patch<Record<string, unknown>>))
        if (!Object.keys(data).length) return 0
        return (await where(filter).update({ data })).stats.updated
      },
      async remove(filter) {
        return (await where(filter).remove()).stats.removed
      },
    }
  }
  return {
    collection,
    async geoNear<T extends Doc>(name: string, { point, minDistanceM, maxDistanceM, query, limit }: GeoNearQuery<T>): Promise<Array<GeoHit<T>>> {
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
        .limit(Math.min(limit, MAX_GEO_LIMIT))
        .end()
      return (list as Array<T & { distance: number }>).map(({ distance, ...doc }) => ({ doc: doc as unknown as T, distanceM: distance }))
    },
    async ensureIndex() {
      // Indexes of the WeChat cloud database are declared in the console (README: deploy).
    },
    async close() {},
  }
}
