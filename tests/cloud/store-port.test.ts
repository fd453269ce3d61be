import { createNedbStore } from '../../cloud/lib/store/nedb'
import { DuplicateKeyError, GEO_FIELD, type Doc, type GeoNearQuery, type Store } from '../../cloud/lib/store/port'
import { forEachPage, forEachPageOf, keysetPage, readAll } from '../../cloud/lib/store/read'
import { describeOn, STORE_KIND, testStore } from '../helpers/store'

/**
 * The suite every store adapter passes: the embedded one (the node jest project) and WeChat's, the
 * WeChat adapter on the real SDK over the stand-in database server (the cloud-wx project).
 */
interface Item extends Doc {
  name: string
  qty: number
  tags: string[]
  owner?: string
}

/** A store of this run's kind with an `items` collection and a unique index on `name`, as the deploy would make it. */
async function make(): Promise<Store> {
  const { store, server } = testStore()
  server?.createCollection('items')
  server?.createIndex('items', { fields: ['name'], unique: true })
  await store.ensureIndex('items', { fields: ['name'], unique: true })
  return store
}

describe(`store port: ${STORE_KIND}`, () => {
  let store: Store
  beforeEach(async () => {
    store = await make()
    const items = store.collection<Item>('items')
    await items.insert({ _id: 'a', name: 'apple', qty: 3, tags: ['fruit', 'red'] })
    await items.insert({ _id: 'b', name: 'bread', qty: 0, tags: ['bakery'] })
    await items.insert({ _id: 'c', name: 'cherry', qty: 10, tags: ['fruit'], owner: 'x' })
  })
  afterEach(() => store.close())

  it('gets by id, null when missing', async () => {
    const items = store.collection<Item>('items')
    expect((await items.get('a'))?.name).toBe('apple')
    expect(await items.get('zzz')).toBeNull()
  })

  it('finds with operators, array membership, sort, skip and limit', async () => {
    const items = store.collection<Item>('items')
    expect((await items.find({ qty: { $gt: 0 } }, { sort: { qty: -1 }, limit: 1000 })).map((i) => i._id)).toEqual(['c', 'a'])
    expect((await items.find({ tags: 'fruit' }, { sort: { name: 1 }, limit: 1000 })).map((i) => i._id)).toEqual(['a', 'c'])
    expect((await items.find({ _id: { $in: ['a', 'b'] } }, { sort: { name: 1 }, skip: 1, limit: 1 })).map((i) => i._id)).toEqual(['b'])
    expect((await items.find({ owner: { $exists: false } }, { limit: 1000 })).length).toBe(2)
    expect((await items.find({ tags: { $all: ['fruit', 'red'] } }, { limit: 1000 })).map((i) => i._id)).toEqual(['a'])
    expect(await items.count({ qty: { $gte: 3, $lte: 10 } })).toBe(2)
  })

  it('an ordering index on an array field ([tags, name, _id]) hides nothing from equality or $all', async () => {
    await store.ensureIndex('items', { fields: ['tags', 'name', '_id'] })
    const items = store.collection<Item>('items')
    expect((await items.find({ tags: 'fruit', name: 'apple', _id: 'a' }, { limit: 10 })).map((i) => i._id)).toEqual(['a'])
    expect((await items.find({ tags: { $all: ['red', 'fruit'] }, qty: { $gt: 0 } }, { sort: { name: 1, _id: 1 }, limit: 10 })).map((i) => i._id)).toEqual(['a'])
    expect((await items.find({ tags: 'fruit' }, { sort: { name: 1, _id: 1 }, limit: 10 })).map((i) => i._id)).toEqual(['a', 'c'])
  })

  it('answers only the fields asked for, and _id, on a filtered read and on a keyset page', async () => {
    const items = store.collection<Item>('items')
    expect(await items.find({ tags: 'fruit' }, { sort: { _id: 1 }, limit: 10, fields: ['qty', 'owner'] })).toEqual([{ _id: 'a', qty: 3 }, { _id: 'c', qty: 10, owner: 'x' }])
    const pages: Array<Array<Pick<Item, '_id' | 'name'>>> = []
    await forEachPageOf(items, {}, ['name'], (page) => void pages.push(page))
    expect(pages.flat()).toEqual([{ _id: 'a', name: 'apple' }, { _id: 'b', name: 'bread' }, { _id: 'c', name: 'cherry' }])
    // The stored documents are whole.
    expect(await items.get('c')).toMatchObject({ name: 'cherry', tags: ['fruit'], owner: 'x' })
  })

  it('refuses a duplicate on a unique index and on _id', async () => {
    const items = store.collection<Item>('items')
    await expect(items.insert({ _id: 'd', name: 'apple', qty: 1, tags: [] })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(items.insert({ _id: 'a', name: 'avocado', qty: 1, tags: [] })).rejects.toBeInstanceOf(DuplicateKeyError)
    expect(await items.count({})).toBe(3)
  })

  it('a conditional update reports whether it happened', async () => {
    const items = store.collection<Item>('items')
    expect(await items.update({ _id: 'b', qty: { $gt: 0 } }, { inc: { qty: -1 } })).toBe(0)
    expect(await items.update({ _id: 'a', qty: { $gt: 0 } }, { inc: { qty: -1 }, set: { owner: 'y' } })).toBe(1)
    expect(await items.get('a')).toMatchObject({ qty: 2, owner: 'y' })
    expect(await items.update({ _id: 'a' }, { unset: ['owner'] })).toBe(1)
    expect((await items.get('a'))?.owner).toBeUndefined()
  })

  it('100 concurrent conditional decrements of a stock of 10 succeed exactly 10 times', async () => {
    const items = store.collection<Item>('items')
    const results = await Promise.all(Array.from({ length: 100 }, () => items.update({ _id: 'c', qty: { $gt: 0 } }, { inc: { qty: -1 } })))
    expect(results.filter((n) => n === 1)).toHaveLength(10)
    expect((await items.get('c'))?.qty).toBe(0)
  })

  it('inserts many at once; on a taken key the embedded store inserts none, WeChat’s those before it', async () => {
    const items = store.collection<Item>('items')
    expect(await items.insertMany([{ _id: 'd', name: 'date', qty: 1, tags: [] }, { _id: 'e', name: 'elder', qty: 2, tags: [] }])).toBe(2)
    expect(await items.insertMany([])).toBe(0)
    await expect(items.insertMany([{ _id: 'f', name: 'fig', qty: 1, tags: [] }, { _id: 'g', name: 'apple', qty: 1, tags: [] }])).rejects.toBeInstanceOf(DuplicateKeyError)
    expect(await items.count({})).toBe(STORE_KIND === 'nedb' ? 5 : 6)
  })

  it('pages past one read by keyset: every document once, in _id order, also while others are written', async () => {
    const items = store.collection<Item>('items')
    await items.insertMany(Array.from({ length: 2500 }, (_, i) => ({ _id: `p${String(i).padStart(5, '0')}`, name: `n${i}`, qty: i % 7, tags: [] })))
    const seen: string[] = []
    await forEachPage(items, {}, async (page) => {
      seen.push(...page.map((d) => d._id))
      // A write between pages is neither skipped nor repeated.
      if (seen.length === 1000) await items.insert({ _id: 'zz-late', name: 'late', qty: 1, tags: [] })
    })
    expect(seen).toEqual([...seen].sort())
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toHaveLength(2504)
    expect(await readAll(items, { qty: 3 }, 10_000)).toHaveLength(358)
    await expect(readAll(items, {}, 2000)).rejects.toThrow('more than 2000')
  })

  it('pages in the order of one field then _id, ties included', async () => {
    const items = store.collection<Item>('items')
    await items.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: `k${String(29 - i).padStart(2, '0')}`, name: `m${i}`, qty: 100 + i, tags: [], owner: `g${i % 4}` })))
    const order: Array<[string, string]> = []
    let page = await keysetPage(items, { qty: { $gte: 100 } }, 'owner', null, 4)
    while (page.length) {
      order.push(...page.map((d): [string, string] => [d.owner!, d._id]))
      const last = page[page.length - 1]
      page = await keysetPage(items, { qty: { $gte: 100 } }, 'owner', { value: last.owner!, id: last._id }, 4)
    }
    expect(order).toEqual([...order].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])))
    expect(order).toHaveLength(30)
  })

  it('removes what matches', async () => {
    const items = store.collection<Item>('items')
    expect(await items.remove({ tags: 'fruit' })).toBe(2)
    expect(await items.count({})).toBe(1)
  })
})

describeOn('nedb', 'the embedded store on disk', () => {
  it('keeps documents and unique indexes across a reopen', async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'))
    const first = createNedbStore(dir)
    await first.ensureIndex('items', { fields: ['name'], unique: true })
    await first.collection<Item>('items').insert({ _id: 'a', name: 'apple', qty: 1, tags: [] })
    await first.close()
    const second = createNedbStore(dir)
    await second.ensureIndex('items', { fields: ['name'], unique: true })
    expect((await second.collection<Item>('items').get('a'))?.name).toBe('apple')
    await expect(second.collection<Item>('items').insert({ _id: 'b', name: 'apple', qty: 1, tags: [] })).rejects.toBeInstanceOf(DuplicateKeyError)
    await second.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

/** geoNear, the same on both stores: what the features' nearest-first searches rely on. */
interface Place extends Doc {
  kind: string
  lat?: number
  lng?: number
  geoPoints?: Array<{ lat: number; lng: number }>
}

describe(`store port geoNear: ${STORE_KIND}`, () => {
  const HERE = { lat: 40, lng: 111 }
  // ~1.11 km per 0.01 degree of latitude.
  const at = (id: string, dLat: number, kind = 'a'): Place => ({ _id: id, kind, lat: HERE.lat + dLat, lng: HERE.lng })
  let store: Store
  beforeEach(async () => {
    const { store: s, server } = testStore()
    server?.createCollection('places')
    server?.createIndex('places', { fields: [GEO_FIELD], geo: true })
    await s.ensureIndex('places', { fields: [GEO_FIELD], geo: true })
    store = s
    await store.collection<Place>('places').insertMany([at('p1', 0.01), at('p3', 0.03, 'b'), at('p2', 0.02), at('p5', 0.05), at('p4', 0.04, 'b'), { _id: 'nowhere', kind: 'a' }])
  })
  afterEach(() => store.close())

  const near = async (q: Partial<GeoNearQuery<Place>> = {}) =>
    (await store.geoNear<Place>('places', { point: HERE, maxDistanceM: 100_000, query: {}, limit: 10, ...q })).map((h) => [h.doc._id, Math.round(h.distanceM / 1000)])

  it('answers nearest first with distances in metres (here rounded to km), at most limit, only documents with a place', async () => {
    expect(await near()).toEqual([['p1', 1], ['p2', 2], ['p3', 3], ['p4', 4], ['p5', 6]])
    expect(await near({ limit: 2 })).toEqual([['p1', 1], ['p2', 2]])
    const [first] = await store.geoNear<Place>('places', { point: HERE, maxDistanceM: 100_000, query: {}, limit: 1 })
    expect(first.doc).toMatchObject({ _id: 'p1', kind: 'a', lat: 40.01, lng: 111 })
  })

  it('filters by the query before the limit counts', async () => {
    expect(await near({ query: { kind: 'b' }, limit: 1 })).toEqual([['p3', 3]])
    expect(await near({ query: { kind: { $in: ['b'] }, _id: { $ne: 'p3' } } })).toEqual([['p4', 4]])
  })

  it('bounds by maxDistance and minDistance, so a page can start where the last one ended', async () => {
    expect((await near({ maxDistanceM: 3_000 })).map(([id]) => id)).toEqual(['p1', 'p2'])
    const first = await store.geoNear<Place>('places', { point: HERE, maxDistanceM: 100_000, query: {}, limit: 2 })
    const next = await near({ minDistanceM: first[1].distanceM + 1, limit: 2 })
    expect(next.map(([id]) => id)).toEqual(['p3', 'p4'])
  })

  it('follows writes: a moved document takes its new place, a removed one is gone, a new one appears', async () => {
    const places = store.collection<Place>('places')
    expect((await near({ limit: 1 }))[0][0]).toBe('p1')
    await places.update({ _id: 'p1' }, { set: { lat: 40.06, lng: 111 } })
    await places.remove({ _id: 'p2' })
    expect((await near()).map(([id]) => id)).toEqual(['p3', 'p4', 'p5', 'p1'])
    await places.insert(at('p0', 0.001))
    await places.update({ _id: 'p3' }, { set: { kind: 'c' } })
    expect((await near({ query: { kind: { $ne: 'c' } }, limit: 2 })).map(([id]) => id)).toEqual(['p0', 'p4'])
  })

  it('places a document with several points (geoPoints) at its nearest one, once', async () => {
    const places = store.collection<Place>('places')
    await places.insert({ _id: 'multi', kind: 'a', geoPoints: [{ lat: 40.09, lng: 111 }, { lat: 40.025, lng: 111 }, { lat: 40.07, lng: 111 }] })
    expect((await near()).map(([id]) => id)).toEqual(['p1', 'p2', 'multi', 'p3', 'p4', 'p5'])
    expect((await near({ minDistanceM: 2_900 })).map(([id]) => id)).toEqual(['p3', 'p4', 'p5'])
    await places.update({ _id: 'multi' }, { set: { geoPoints: [{ lat: 40.001, lng: 111 }] } })
    expect((await near({ limit: 1 }))[0]).toEqual(['multi', 0])
    await places.update({ _id: 'multi' }, { set: { geoPoints: [] } })
    expect((await near()).map(([id]) => id)).not.toContain('multi')
  })
})
