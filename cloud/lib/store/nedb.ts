import Datastore from '@seald-io/nedb'
import { match } from '@seald-io/nedb/lib/model'
import path from 'node:path'
import { buildGeoTree, measureRatherThanWalk, nearestAmong, nearestDocs, type GeoTree } from './nedb-geo'
import { checkedLimit, DuplicateKeyError, MAX_READ, type Collection, type Doc, type Filter, type FindOptions, type GeoHit, type GeoNearQuery, type IndexSpec, type Patch, type Scalar, type Store } from './port'

/** nedb's index of a field (not in its typings): the documents that hold a value, nedb's own objects. */
interface NedbIndex {
  getMatching(value: unknown): Doc[]
}
const indexesOf = (ds: Datastore<Doc>) => (ds as unknown as { indexes: Record<string, NedbIndex> }).indexes

const isScalar = (value: unknown): value is Scalar => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/**
 * The embedded adapter: one nedb datastore per collection, file-backed under `dir`, or in memory
 * when `dir` is null (tests). nedb runs one operation at a time per datastore, so a conditional
 * update is atomic here, as it is in the WeChat database.
 */
export function createNedbStore(dir: string | null): Store {
  const stores = new Map<string, Datastore<Doc>>()

  function datastore(name: string): Datastore<Doc> {
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(name)) throw new Error(`bad collection name: ${name}`)
    let ds = stores.get(name)
    if (!ds) {
      ds = dir
        ? new Datastore<Doc>({ filename: path.join(dir, `${name}.db`), autoload: true, timestampData: false })
        : new Datastore<Doc>({ inMemoryOnly: true })
      stores.set(name, ds)
    }
    return ds
  }

  /**
   * A filter in nedb's words, planned. nedb speaks MongoDB's operators already (an array field
   * matches a scalar it contains), except $all, which becomes one containment test per value (an
   * empty $all matches nothing, as in MongoDB). nedb takes its candidates from one index only: that
   * of the last top-level equality on an indexed field, else it tests every document. So of the
   * equalities the filter holds on indexed fields (a field's value, or each value of an $all on it)
   * the one the fewest documents hold goes last, on its field; the rest are tested on what it gives.
   * `candidates` are what that index holds for it (null: no indexed equality), for geoNear.
   */
  function planned<T>(ds: Datastore<Doc>, filter: Filter<T>): { query: Record<string, unknown>; candidates: Doc[] | null } {
    const indexes = indexesOf(ds)
    const query: Record<string, unknown> = {}
    const all: Array<Record<string, unknown>> = []
    let best: { field: string; value: Scalar; candidates: Doc[] } | null = null
    const consider = (field: string, value: Scalar) => {
      const candidates = indexes[field]?.getMatching(value)
      if (candidates && (!best || candidates.length < best.candidates.length)) best = { field, value, candidates }
    }
    for (const [field, condition] of Object.entries(filter as Record<string, unknown>)) {
      if (condition !== null && typeof condition === 'object' && !Array.isArray(condition) && '$all' in condition) {
        const { $all, ...rest } = condition as { $all: unknown[] }
        if (!$all.length) all.push({ [field]: { $in: [] } })
        for (const value of $all) {
          if (!Object.keys(rest).length && isScalar(value)) consider(field, value)
          all.push({ [field]: value })
        }
        if (Object.keys(rest).length) query[field] = rest
      } else {
        if (isScalar(condition)) consider(field, condition)
        query[field] = condition
      }
    }
    const chosen = best as { field: string; value: Scalar; candidates: Doc[] } | null
    if (chosen) {
      // Last among the fields, so that it is the equality nedb takes its candidates from; its own test leaves $and.
      delete query[chosen.field]
      const own = all.findIndex((test) => test[chosen.field] === chosen.value)
      if (own >= 0) all.splice(own, 1)
    }
    if (all.length) query.$and = all
    if (chosen) query[chosen.field] = chosen.value
    return { query, candidates: chosen?.candidates ?? null }
  }

  function toUpdate<T>(patch: Patch<T>): Record<string, unknown> {
    const update: Record<string, unknown> = {}
    if (patch.set && Object.keys(patch.set).length) update.$set = patch.set
    if (patch.inc && Object.keys(patch.inc).length) update.$inc = patch.inc
    if (patch.unset?.length) update.$unset = Object.fromEntries(patch.unset.map((field) => [field, true]))
    return update
  }

  /**
   * A keyset page by `_id` alone (sort { _id: 1 }, a filter on nothing but `_id > last`, or on
   * nothing): the `last` it starts after ('' for the first page), or null for any other read.
   */
  function keysetAfter<T>(filter: Filter<T>, options: FindOptions<T>): string | null {
    const sort = Object.entries(options.sort ?? {})
    if (sort.length !== 1 || sort[0][0] !== '_id' || sort[0][1] !== 1 || options.skip) return null
    const keys = Object.keys(filter)
    if (!keys.length) return ''
    const range = (filter as { _id?: unknown })._id
    if (keys.length !== 1 || !range || typeof range !== 'object' || Object.keys(range).join() !== '$gt') return null
    const gt = (range as { $gt: unknown }).$gt
    return typeof gt === 'string' ? gt : null
  }

  /**
   * nedb sorts every candidate before it limits, so paging a large collection by keyset would cost
   * the whole collection on every page. Instead one snapshot of the _id index's order (ascending)
   * serves consecutive pages, for as long as nothing is written to the collection.
   */
  const snapshots = new Map<string, { version: number; docs: Doc[]; pos: number }>()
  const versions = new Map<string, number>()
  const written = (name: string) => versions.set(name, (versions.get(name) ?? 0) + 1)

  /**
   * geoNear's index per collection (nedb-geo.ts), built on the first search from the documents in
   * memory and kept in step with this adapter's own writes (one process owns an nedb store): a write
   * that may move a document (an insert, a remove, a patch of lat, lng or geoPoints) marks the tree
   * stale, any write the documents it reads through; the next search rebuilds what is stale. Both
   * are marked before and after the write, so a search that runs while it is under way rebuilds again.
   */
  const geoIndexes = new Map<string, { treeVersion: number; tree: GeoTree; docsVersion: number; docs: Map<string, Doc> }>()
  const geoVersions = new Map<string, number>()
  const moved = (name: string) => geoVersions.set(name, (geoVersions.get(name) ?? 0) + 1)
  const GEO_KEYS = new Set(['lat', 'lng', 'geoPoints'])
  const movesDocs = <T>(patch: Patch<T>) =>
    [...Object.keys(patch.set ?? {}), ...Object.keys(patch.inc ?? {}), ...((patch.unset ?? []) as string[])].some((field) => GEO_KEYS.has(field.split('.')[0]))

  /** Runs a write, marking what it may make stale before and after it. */
  async function writing<R>(name: string, movesAny: boolean, write: () => Promise<R>): Promise<R> {
    written(name)
    if (movesAny) moved(name)
    try {
      return await write()
    } finally {
      written(name)
      if (movesAny) moved(name)
    }
  }

  async function geoIndex(name: string, ds: Datastore<Doc>) {
    if (ds.autoloadPromise) await ds.autoloadPromise
    const treeVersion = geoVersions.get(name) ?? 0
    const docsVersion = versions.get(name) ?? 0
    let geo = geoIndexes.get(name)
    if (!geo || geo.docsVersion !== docsVersion) {
      const all = ds.getAllData() as Doc[]
      const docs = new Map(all.map((doc) => [doc._id, doc]))
      const tree = geo && geo.treeVersion === treeVersion ? geo.tree : buildGeoTree(all)
      geo = { treeVersion, tree, docsVersion, docs }
      geoIndexes.set(name, geo)
    }
    return geo
  }

  async function keysetPage(name: string, ds: Datastore<Doc>, after: string, limit: number): Promise<Doc[]> {
    const version = versions.get(name) ?? 0
    let snap = snapshots.get(name)
    const continues = snap && snap.version === version && after !== '' && snap.pos > 0 && snap.docs[snap.pos - 1]._id === after
    if (!snap || !continues) {
      const docs = ds.getAllData() as Doc[]
      let pos = 0
      if (after) {
        // Binary search: the first id after `after` (the index keeps ids in order).
        let hi = docs.length
        while (pos < hi) {
          const mid = (pos + hi) >> 1
          if (docs[mid]._id <= after) pos = mid + 1
          else hi = mid
        }
      }
      snap = { version, docs, pos }
      snapshots.set(name, snap)
    }
    const page = snap.docs.slice(snap.pos, snap.pos + limit)
    snap.pos += page.length
    if (snap.pos >= snap.docs.length) snapshots.delete(name)
    return page.map((doc) => structuredClone(doc))
  }

  /** A document with only `fields` and `_id` (a projection, as nedb's cursor makes one). */
  function picked(doc: Doc, fields: string[]): Doc {
    const out: Record<string, unknown> = { _id: doc._id }
    for (const field of fields) if (field in doc) out[field] = (doc as unknown as Record<string, unknown>)[field]
    return out as unknown as Doc
  }

  function wrapDuplicate(name: string, error: unknown): never {
    const e = error as { errorType?: string; key?: unknown; message?: string }
    if (e && e.errorType === 'uniqueViolated') throw new DuplicateKeyError(name, String(e.key))
    throw error
  }

  function collection<T extends Doc>(name: string): Collection<T> {
    const ds = datastore(name) as unknown as Datastore<T>
    const nedbQuery = (filter: Filter<T>) => planned(ds as unknown as Datastore<Doc>, filter).query
    return {
      async get(id) {
        return (await ds.findOneAsync({ _id: id } as never)) ?? null
      },
      async find(filter, options: FindOptions<T>) {
        const limit = checkedLimit(name, options?.limit)
        const after = keysetAfter(filter, options)
        if (after !== null) {
          const page = await keysetPage(name, ds, after, limit)
          return (options.fields ? page.map((doc) => picked(doc, options.fields!)) : page) as T[]
        }
        let cursor = ds.findAsync(nedbQuery(filter) as never)
        if (options.sort) cursor = cursor.sort(options.sort as Record<string, number>)
        if (options.skip) cursor = cursor.skip(options.skip)
        if (options.fields) cursor = cursor.projection(Object.fromEntries(options.fields.map((field) => [field, 1])))
        return (await cursor.limit(limit)) as T[]
      },
      count(filter) {
        return ds.countAsync(nedbQuery(filter) as never) as Promise<number>
      },
      insert(doc) {
        return writing(name, true, async () => {
          try {
            return (await ds.insertAsync(doc as never)) as T
          } catch (error) {
            return wrapDuplicate(name, error)
          }
        })
      },
      async insertMany(docs) {
        if (!docs.length) return 0
        return writing(name, true, async () => {
          try {
            return ((await ds.insertAsync(docs as never)) as unknown as T[]).length
          } catch (error) {
            return wrapDuplicate(name, error)
          }
        })
      },
      async update(filter, patch) {
        const update = toUpdate(patch)
        if (!Object.keys(update).length) return 0
        return writing(name, movesDocs(patch), async () => {
          try {
            const { numAffected } = await ds.updateAsync(nedbQuery(filter) as never, update as never, { multi: true })
            return numAffected
          } catch (error) {
            return wrapDuplicate(name, error)
          }
        })
      },
      remove(filter) {
        return writing(name, true, () => ds.removeAsync(nedbQuery(filter) as never, { multi: true }))
      },
    }
  }

  return {
    collection,
    async geoNear<T extends Doc>(name: string, { point, minDistanceM, maxDistanceM, query, limit }: GeoNearQuery<T>): Promise<Array<GeoHit<T>>> {
      const n = Math.min(limit, MAX_READ)
      const ds = datastore(name)
      const { tree, docs } = await geoIndex(name, ds)
      const plan = planned(ds, query)
      const matches = (doc: T) => match(doc, plan.query)
      const near = { point, minDistanceM: minDistanceM ?? 0, maxDistanceM, limit: n }
      // When an index says which documents can match and they are few, measure each rather than walk the tree out to them.
      const candidates = plan.candidates as T[] | null
      const hits =
        candidates && measureRatherThanWalk(candidates, matches, tree.ids.length, n)
          ? nearestAmong(candidates, matches, near)
          : nearestDocs(tree, (id) => docs.get(id) as T | undefined, matches, near)
      // The documents in memory are nedb's own: answer copies, as find does.
      return hits.map(({ doc, distanceM }) => ({ doc: structuredClone(doc), distanceM }))
    },
    async ensureIndex(name: string, index: IndexSpec) {
      // A geo index is WeChat's; geoNear here keeps its own kd index (nedb-geo.ts).
      if (index.geo) return
      // nedb uses a compound index only for an equality on each of its fields, and then misses documents
      // whose field holds an array (ancestors, terms). An ordering index ([field, 'name', '_id']) serves
      // here as an index on its first field, which nedb indexes element by element. Unique ones stay whole.
      const fieldName = index.fields.length === 1 || !index.unique ? index.fields[0] : index.fields
      await datastore(name).ensureIndexAsync({ fieldName, unique: index.unique ?? false })
    },
    async close() {
      await Promise.all([...stores.values()].map((ds) => (dir ? ds.compactDatafileAsync() : Promise.resolve())))
      stores.clear()
    },
  }
}
