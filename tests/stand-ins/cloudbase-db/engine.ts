/**
 * STANDS IN FOR WECHAT CLOUD'S DATABASE SERVER (CloudBase), which cannot run here.
 *
 * It answers exactly the requests the real SDK sends (`database.getDocument`, `modifyDocument`, …,
 * with the query and update already serialized to EJSON by `@cloudbase/database`; see ./hook.ts),
 * applies MongoDB semantics to them (CloudBase's document database is MongoDB-compatible; the
 * semantics come from `mingo`, a MongoDB query/update engine), and enforces the limits CloudBase
 * documents. Each limit names its source:
 *
 * - A read answers at most 1,000 documents, 100 when the request names no limit.
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.limit.md
 *   (云函数端默认及最大上限为 1000; the SDK itself sends `limit: 100` when none is given, see
 *   @cloudbase/database src/query.ts)
 * - An aggregate without a `$limit` stage answers 20 documents.
 *   https://developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13
 *   (measured by developers; the reference page for Aggregate.end gives no default)
 * - `$geoNear` must be the first stage and needs a geo index (地理位置索引) on its key.
 *   https://www.mongodb.com/docs/manual/reference/operator/aggregation/geoNear/ ("only valid as the
 *   first stage", "requires a geospatial index"); CloudBase: 地理位置索引,
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/aggregate/Aggregate.geoNear.md
 * - A unique index refuses a second equal key (a missing field counts as null, as in MongoDB) with
 *   DATABASE_REQUEST_FAILED whose message carries MongoDB's `E11000 duplicate key error`; that code
 *   is CloudBase's generic 数据库请求失败 and is also what any other failure answers.
 *   https://docs.cloudbase.net/error-code/basic (DATABASE_REQUEST_FAILED: 数据库通用错误)
 *   https://www.mongodb.com/docs/manual/core/index-unique/
 * - A collection must exist before it is written or read (DATABASE_COLLECTION_NOT_EXIST).
 *   https://docs.cloudbase.net/error-code/basic
 * - At most 20 indexes per collection.
 *   https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html
 * - Atomic only per document: a multi-document update is applied one document at a time, and other
 *   requests may run between them. Transactions are not served here at all: the app uses none
 *   (shared/DESIGN.md), so a request inside one fails loudly.
 *   https://docs.cloudbase.net/database/transaction (事务仅支持单文档…; not relied upon)
 *
 * What it does not model: permissions (the functions use the server SDK, which bypasses them),
 * quotas and rates, documents over 16 MB, and the order of equal sort keys, which it makes its own
 * (by a hash of `_id`) so that no caller can come to rely on insertion order.
 */
import { EJSON } from 'bson'
import { Query } from 'mingo'
import { update as applyUpdate } from 'mingo/updater'
import { compare, resolve } from 'mingo/util'
import { isDeepStrictEqual } from 'node:util'
import { GeoNearError, geoNearStage, type GeoNearSpec } from './geo'

export type Doc = Record<string, unknown> & { _id: string }

export interface IndexDecl {
  fields: string[]
  unique?: boolean
  /** A 地理位置索引 (2dsphere) on its one field. */
  geo?: boolean
}

export interface Answer {
  requestId: string
  data?: unknown
  code?: string
  message?: string
}

/** A failure the test wants the server to give, once, for the next request that matches. */
export interface Fault {
  action?: string
  collection?: string
  code: string
  message: string
}

export const READ_DEFAULT = 100
export const READ_MAX = 1000
export const AGGREGATE_DEFAULT = 20
export const INDEXES_MAX = 20

interface Table {
  docs: Map<string, Doc>
  indexes: IndexDecl[]
  /** For each unique index (by its fields), key → the id holding it. */
  keys: Map<string, Map<string, string>>
}

class ServerError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

const failed = (message: string) => new ServerError('DATABASE_REQUEST_FAILED', message)

/** A stable order of its own for equal sort keys: FNV-1a of the id. */
function idHash(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0
  return h
}

/**
 * A query as the database reads it. CloudBase documents `_.all` on array fields only
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/command/Command.all.html)
 * and runs a MongoDB-compatible database, where `$all` is "equivalent to an $and operation of the
 * specified values", so a field holding one value matches `$all: [that value]` ("or a field with a
 * single value matching the specified element", https://www.mongodb.com/docs/manual/reference/operator/query/all/);
 * mingo's `$all` matches arrays only. A field's `$all` of plain values, with no other operator on
 * it, is handed to mingo as MongoDB defines it; an empty one stays (it matches nothing in both).
 */
function mongoQuery(query: Record<string, unknown>): Query {
  const rewritten: Record<string, unknown> = {}
  const and: unknown[] = []
  for (const [field, condition] of Object.entries(query)) {
    const all = condition !== null && typeof condition === 'object' && !Array.isArray(condition) && Object.keys(condition).join() === '$all' ? (condition as { $all: unknown }).$all : null
    if (field.startsWith('$') || !Array.isArray(all) || !all.length || all.some((v) => v !== null && typeof v === 'object')) rewritten[field] = condition
    else and.push(...all.map((value) => ({ [field]: value })))
  }
  if (and.length) rewritten.$and = [...((rewritten.$and as unknown[] | undefined) ?? []), ...and]
  return new Query(rewritten)
}

const parse = (text: unknown) => (typeof text === 'string' && text ? EJSON.parse(text) : {}) as Record<string, unknown>
const serialize = (doc: Doc) => EJSON.stringify(doc, { relaxed: false })

export class CloudBaseDbStandIn {
  private readonly tables = new Map<string, Table>()
  private readonly faults: Fault[] = []
  private requests = 0
  /** Every request, in order (action and collection): what the SDK actually sent. */
  readonly log: Array<{ action: string; collection: string; params: Record<string, unknown> }> = []

  constructor(readonly env = 'stand-in') {}

  // ---- what the deploy (or the console) does ------------------------------------------------

  createCollection(name: string): boolean {
    if (this.tables.has(name)) return false
    this.tables.set(name, { docs: new Map(), indexes: [], keys: new Map() })
    return true
  }

  hasCollection(name: string): boolean {
    return this.tables.has(name)
  }

  createIndex(collection: string, index: IndexDecl): void {
    const table = this.table(collection)
    if (table.indexes.some((i) => i.fields.join() === index.fields.join())) return
    if (table.indexes.length >= INDEXES_MAX) throw new Error(`${collection}: more than ${INDEXES_MAX} indexes`)
    if (index.geo && index.fields.length !== 1) throw new Error(`${collection}: a geo index has one field`)
    table.indexes.push({ ...index })
    if (!index.unique) return
    table.keys.set(index.fields.join(), new Map())
    try {
      for (const doc of table.docs.values()) this.index(collection, table, doc, null)
    } catch (error) {
      table.indexes.pop()
      table.keys.delete(index.fields.join())
      throw error
    }
  }

  indexes(collection: string): IndexDecl[] {
    return this.table(collection).indexes.map((i) => ({ ...i }))
  }

  /** The stored documents, as the database holds them (for assertions). */
  documents(collection: string): Doc[] {
    return [...this.table(collection).docs.values()].map((d) => structuredClone(d))
  }

  /** The next request matching `fault` fails with it (a transient error, a timeout). */
  failNext(fault: Fault): void {
    this.faults.push(fault)
  }

  // ---- what the SDK sends --------------------------------------------------------------------

  async send(action: string, params: Record<string, unknown>): Promise<Answer> {
    const requestId = `stand-in-${++this.requests}`
    const collection = String(params.collectionName ?? '')
    this.log.push({ action, collection, params })
    // Requests reach the server one network hop later: others may run in between.
    await new Promise((r) => setImmediate(r))
    try {
      const fault = this.faults.findIndex((f) => (!f.action || f.action === action) && (!f.collection || f.collection === collection))
      if (fault >= 0) {
        const [f] = this.faults.splice(fault, 1)
        throw new ServerError(f.code, f.message)
      }
      if (params.transactionId) throw new Error('stand-in: the app uses no transactions (shared/DESIGN.md); this request is inside one')
      return { requestId, data: await this.run(action, collection, params) }
    } catch (error) {
      if (error instanceof ServerError) return { requestId, code: error.code, message: error.message }
      throw error
    }
  }

  private async run(action: string, collection: string, params: Record<string, unknown>): Promise<unknown> {
    switch (action) {
      case 'database.addCollection':
        if (!this.createCollection(collection)) throw failed(`collection ${collection} already exists`)
        return {}
      case 'database.getDocument':
        return this.get(collection, params)
      case 'database.calculateDocument':
        return { total: this.matching(collection, parse(params.query)).length }
      case 'database.insertDocument':
        return this.insert(collection, params.data as string[])
      case 'database.modifyDocument':
        return this.modify(collection, params)
      case 'database.removeDocument':
        return this.remove(collection, params)
      case 'database.aggregateDocuments':
        return this.aggregate(collection, params.stages as Array<{ stageKey: string; stageValue: string }>)
      default:
        throw new Error(`stand-in: ${action} is not served here (the app does not use it)`)
    }
  }

  private table(name: string): Table {
    const table = this.tables.get(name)
    if (!table) throw new ServerError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}`)
    return table
  }

  private matching(collection: string, query: Record<string, unknown>): Doc[] {
    const test = mongoQuery(query)
    const docs = this.table(collection).docs
    const ids = primaryKeys(query)
    const candidates = ids ? ids.flatMap((id) => docs.get(id) ?? []) : docs.values()
    return [...candidates].filter((d) => test.test(d))
  }

  private get(collection: string, params: Record<string, unknown>) {
    let docs = this.matching(collection, parse(params.query))
    const order = parse(params.order) as Record<string, 1 | -1>
    if (Object.keys(order).length) docs = sortDocs(docs, order)
    const offset = Number(params.offset ?? 0)
    const limit = Math.min(Number(params.limit ?? READ_DEFAULT), READ_MAX)
    const projection = parse(params.projection)
    const shown = Object.keys(projection).length ? (doc: Doc) => project(doc, projection) : (doc: Doc) => doc
    return { list: docs.slice(offset, offset + limit).map((doc) => serialize(shown(doc))), limit, offset }
  }

  private insert(collection: string, data: string[]) {
    const table = this.table(collection)
    const insertedIds: string[] = []
    // Inserted one after the other: a duplicate stops the rest, those before it stay (ordered insert).
    for (const text of data) {
      const doc = EJSON.parse(text) as Doc
      if (doc._id === undefined) doc._id = randomId()
      if (table.docs.has(doc._id)) {
        throw failed(`E11000 duplicate key error collection: ${this.env}.${collection} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`)
      }
      this.index(collection, table, doc, null)
      table.docs.set(doc._id, doc)
      insertedIds.push(doc._id)
    }
    return { insertedIds }
  }

  private async modify(collection: string, params: Record<string, unknown>) {
    if (params.upsert) throw new Error('stand-in: upsert is not used by the app')
    const table = this.table(collection)
    const data = parse(params.data)
    // merge: true is an update with operators; merge: false (doc.set) would replace the document.
    const replace = params.merge === false
    const ids = this.matching(collection, parse(params.query)).map((d) => d._id)
    const targets = params.multi === false ? ids.slice(0, 1) : ids
    let updated = 0
    for (const [i, id] of targets.entries()) {
      if (i > 0) await new Promise((r) => setImmediate(r)) // no atomicity across documents
      const current = table.docs.get(id)
      // Between documents the filter is asked again, as the database does for each one.
      if (!current || !mongoQuery(parse(params.query)).test(current)) continue
      const next = replace ? { ...(data as Doc), _id: id } : structuredClone(current)
      const changed = replace ? true : applyUpdate(next, data as never).length > 0
      if (!changed || isDeepStrictEqual(next, current)) continue
      this.index(collection, table, next, current)
      table.docs.set(id, next)
      updated++
    }
    return { updated, upsert_id: null }
  }

  private remove(collection: string, params: Record<string, unknown>) {
    const table = this.table(collection)
    const ids = this.matching(collection, parse(params.query)).map((d) => d._id)
    const targets = params.multi === false ? ids.slice(0, 1) : ids
    for (const id of targets) {
      this.unindex(table, table.docs.get(id)!)
      table.docs.delete(id)
    }
    return { deleted: targets.length }
  }

  private aggregate(collection: string, stages: Array<{ stageKey: string; stageValue: string }>) {
    const table = this.table(collection)
    let docs: Doc[] = [...table.docs.values()]
    let limited = false
    for (const [i, { stageKey, stageValue }] of stages.entries()) {
      const value = EJSON.parse(stageValue) as unknown
      switch (stageKey) {
        case '$geoNear': {
          if (i !== 0) throw failed('$geoNear is only valid as the first stage in a pipeline')
          try {
            docs = geoNearStage(docs, value as GeoNearSpec, table.indexes, (q) => { const query = mongoQuery(q); return (d) => query.test(d) }, idHash)
          } catch (error) {
            if (error instanceof GeoNearError) throw failed(error.message)
            throw error
          }
          break
        }
        case '$match':
          docs = docs.filter((d) => mongoQuery(value as Record<string, unknown>).test(d))
          break
        case '$sort':
          docs = sortDocs(docs, value as Record<string, 1 | -1>)
          break
        case '$skip':
          docs = docs.slice(Number(value))
          break
        case '$limit':
          limited = true
          docs = docs.slice(0, Number(value))
          break
        default:
          throw new Error(`stand-in: aggregate stage ${stageKey} is not served here (the app does not use it)`)
      }
    }
    return { list: (limited ? docs : docs.slice(0, AGGREGATE_DEFAULT)).map(serialize) }
  }

  /**
   * MongoDB's unique index: every unique key of `doc` must be free (a missing field is null), or
   * nothing changes. `previous` is the document's version being replaced (an update), or null.
   */
  private index(collection: string, table: Table, doc: Doc, previous: Doc | null): void {
    const unique = table.indexes.filter((i) => i.unique)
    for (const index of unique) {
      const held = table.keys.get(index.fields.join())!
      for (const key of indexKeys(doc, index.fields)) {
        const owner = held.get(key)
        if (owner !== undefined && owner !== doc._id) {
          const name = index.fields.map((f) => `${f}_1`).join('_')
          const shown = index.fields.map((f) => `${f}: ${JSON.stringify(resolve(doc, f) ?? null)}`).join(', ')
          throw failed(`E11000 duplicate key error collection: ${this.env}.${collection} index: ${name} dup key: { ${shown} }`)
        }
      }
    }
    if (previous) this.unindex(table, previous)
    for (const index of unique) {
      const held = table.keys.get(index.fields.join())!
      for (const key of indexKeys(doc, index.fields)) held.set(key, doc._id)
    }
  }

  private unindex(table: Table, doc: Doc): void {
    for (const index of table.indexes) {
      if (!index.unique) continue
      const held = table.keys.get(index.fields.join())!
      for (const key of indexKeys(doc, index.fields)) if (held.get(key) === doc._id) held.delete(key)
    }
  }
}

/**
 * An inclusion projection (`field()`: { name: 1, … }), MongoDB's rule: those top-level fields and
 * `_id`. The app asks for nothing else; anything else fails loudly rather than answering wrongly.
 * https://www.mongodb.com/docs/manual/tutorial/project-fields-from-query-results/
 */
function project(doc: Doc, projection: Record<string, unknown>): Doc {
  const out: Doc = { _id: doc._id }
  for (const [field, keep] of Object.entries(projection)) {
    if (keep !== 1 || field.includes('.')) throw new Error(`stand-in: projection ${field}: ${JSON.stringify(keep)} is not served here (the app asks only for top-level fields)`)
    if (field in doc) out[field] = doc[field]
  }
  return out
}

/**
 * The ids a query names by primary key (`_id` equal to a string, or `$in` strings), or null. The
 * database answers such a query from its _id index, never by a scan, and so does the stand-in, so
 * that a request costs here about what it costs there; the whole query is still tested on each.
 */
function primaryKeys(query: Record<string, unknown>): string[] | null {
  const id = query._id
  if (typeof id === 'string') return [id]
  const list = id !== null && typeof id === 'object' && Object.keys(id).length === 1 ? (id as { $in?: unknown; $eq?: unknown }).$in ?? [(id as { $eq?: unknown }).$eq] : null
  return Array.isArray(list) && list.every((x) => typeof x === 'string') ? [...new Set(list as string[])] : null
}

/** An index's keys for a document: one per element when its (single) field holds an array (multikey). */
function indexKeys(doc: Doc, fields: string[]): string[] {
  const values = fields.map((f) => resolve(doc, f) ?? null)
  if (fields.length === 1 && Array.isArray(values[0])) return (values[0] as unknown[]).map((v) => JSON.stringify([v]))
  return [JSON.stringify(values)]
}

function sortDocs(docs: Doc[], order: Record<string, 1 | -1>): Doc[] {
  const keys = Object.entries(order)
  const rows = docs.map((doc) => ({ doc, values: keys.map(([field]) => resolve(doc, field) ?? null), tie: idHash(doc._id) }))
  rows.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const c = compare(a.values[i], b.values[i])
      if (c) return c * keys[i][1]
    }
    return a.tie - b.tie
  })
  return rows.map((r) => r.doc)
}

function randomId(): string {
  return Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('')
}
