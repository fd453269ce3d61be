import { createNedbStore } from '../../cloud/lib/store/nedb'
import { DuplicateKeyError, type Doc, type Store } from '../../cloud/lib/store/port'

/**
 * The suite every store adapter passes. The embedded adapter runs it for real; the WeChat adapter
 * cannot reach WeChat's servers here, so tests/cloud/wx-store.test.ts checks the queries it builds.
 */
interface Item extends Doc {
  name: string
  qty: number
  tags: string[]
  owner?: string
}

const adapters: Array<[string, () => Store]> = [['nedb (in memory)', () => createNedbStore(null)]]

describe.each(adapters)('store port: %s', (_name, make) => {
  let store: Store
  beforeEach(async () => {
    store = make()
    await store.ensureIndex('items', { fields: ['name'], unique: true })
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
    expect((await items.find({ qty: { $gt: 0 } }, { sort: { qty: -1 } })).map((i) => i._id)).toEqual(['c', 'a'])
    expect((await items.find({ tags: 'fruit' }, { sort: { name: 1 } })).map((i) => i._id)).toEqual(['a', 'c'])
    expect((await items.find({ _id: { $in: ['a', 'b'] } }, { sort: { name: 1 }, skip: 1, limit: 1 })).map((i) => i._id)).toEqual(['b'])
    expect((await items.find({ owner: { $exists: false } })).length).toBe(2)
    expect((await items.find({ tags: { $all: ['fruit', 'red'] } })).map((i) => i._id)).toEqual(['a'])
    expect(await items.count({ qty: { $gte: 3, $lte: 10 } })).toBe(2)
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

  it('inserts many at once, or none of them when a key is taken', async () => {
    const items = store.collection<Item>('items')
    expect(await items.insertMany([{ _id: 'd', name: 'date', qty: 1, tags: [] }, { _id: 'e', name: 'elder', qty: 2, tags: [] }])).toBe(2)
    expect(await items.insertMany([])).toBe(0)
    await expect(items.insertMany([{ _id: 'f', name: 'fig', qty: 1, tags: [] }, { _id: 'g', name: 'apple', qty: 1, tags: [] }])).rejects.toBeInstanceOf(DuplicateKeyError)
    expect(await items.count({})).toBe(5)
  })

  it('removes what matches', async () => {
    const items = store.collection<Item>('items')
    expect(await items.remove({ tags: 'fruit' })).toBe(2)
    expect(await items.count({})).toBe(1)
  })
})

describe('nedb store on disk', () => {
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
