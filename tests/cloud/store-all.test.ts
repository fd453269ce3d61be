import type { Doc, Filter, Store } from '../../cloud/lib/store/port'
import { STORE_KIND, testStore } from '../helpers/store'

/**
 * `$all` (an array field holding every one of the values: how station and union search read their
 * indexed `terms`) on every store, with and without an index on the field. The embedded store takes
 * its candidates from the index for the rarest of the filter's equalities (one value of the $all, or
 * another field's) and tests the rest on them: the answers must be those of a store without an index.
 * MongoDB's meaning (CloudBase's database is MongoDB-compatible): an $and of equalities, so a field
 * holding one value matches an $all of that value alone, and an empty $all matches nothing.
 */
interface Tagged extends Doc {
  tags?: string[] | string
  owner: string
  flag?: boolean
}

const DOCS: Tagged[] = [
  { _id: 'a', tags: ['x', 'y', 'z'], owner: 'p' },
  { _id: 'b', tags: ['x', 'y'], owner: 'q' },
  { _id: 'c', tags: ['x'], owner: 'p' },
  { _id: 'd', tags: 'x', owner: 'q' },
  { _id: 'e', owner: 'p' },
  { _id: 'f', tags: [], owner: 'q' },
  { _id: 'g', tags: ['y', 'z'], owner: 'r' },
  // Many holding x: x is the frequent value, z and r the rare ones.
  ...Array.from({ length: 30 }, (_, i) => ({ _id: `m${String(i).padStart(2, '0')}`, tags: ['x', 'w'], owner: 'q' })),
]
const MANY = DOCS.filter((d) => d._id.startsWith('m')).map((d) => d._id)

describe.each([
  ['with an index on tags and owner', true],
  ['without an index', false],
])(`$all on ${STORE_KIND}, %s`, (_, indexed) => {
  let store: Store
  beforeEach(async () => {
    const { store: s, server } = testStore()
    server?.createCollection('tagged')
    if (indexed) {
      for (const field of ['tags', 'owner']) {
        server?.createIndex('tagged', { fields: [field] })
        await s.ensureIndex('tagged', { fields: [field] })
      }
    }
    store = s
    await store.collection<Tagged>('tagged').insertMany(DOCS)
  })
  afterEach(() => store.close())

  const ids = async (filter: Filter<Tagged>) => (await store.collection<Tagged>('tagged').find(filter, { limit: 100 })).map((d) => d._id).sort()

  it('answers documents holding every value, wherever the rare one stands', async () => {
    expect(await ids({ tags: { $all: ['x', 'y'] } })).toEqual(['a', 'b'])
    expect(await ids({ tags: { $all: ['x', 'w', 'y'] } })).toEqual([])
    expect(await ids({ tags: { $all: ['x', 'z'] } })).toEqual(['a'])
    expect(await ids({ tags: { $all: ['z', 'x'] } })).toEqual(['a'])
    expect(await ids({ tags: { $all: ['w', 'x', 'nowhere'] } })).toEqual([])
  })

  it('with an equality on another field, before or after it, rarer or not', async () => {
    expect(await ids({ tags: { $all: ['x', 'y'] }, owner: 'q' })).toEqual(['b'])
    expect(await ids({ owner: 'q', tags: { $all: ['x'] } })).toEqual(['b', 'd', ...MANY])
    expect(await ids({ owner: 'r', tags: { $all: ['y', 'z'] } })).toEqual(['g'])
    expect(await ids({ owner: 'p', tags: { $all: ['x', 'w'] } })).toEqual([])
  })

  it('a field holding one value matches an $all of that value alone; a missing field or an empty array matches none', async () => {
    expect(await ids({ tags: { $all: ['x'] } })).toEqual(['a', 'b', 'c', 'd', ...MANY])
    expect(await ids({ tags: { $all: ['x', 'y'] }, _id: { $in: ['d', 'e', 'f'] } })).toEqual([])
    expect(await ids({ tags: { $all: ['w'] } })).toEqual(MANY)
  })

  it('an empty $all matches nothing', async () => {
    expect(await ids({ tags: { $all: [] } })).toEqual([])
    expect(await store.collection<Tagged>('tagged').count({ tags: { $all: [] }, owner: 'p' })).toBe(0)
  })

  it('counts, updates and removes by the same meaning', async () => {
    const tagged = store.collection<Tagged>('tagged')
    expect(await tagged.count({ tags: { $all: ['w', 'x'] } })).toBe(30)
    expect(await tagged.update({ tags: { $all: ['y', 'z'] } }, { set: { flag: true } })).toBe(2)
    expect(await ids({ flag: true })).toEqual(['a', 'g'])
    expect(await tagged.remove({ tags: { $all: ['x', 'y'] }, owner: 'p' })).toBe(1)
    expect(await ids({ tags: { $all: ['y'] } })).toEqual(['b', 'g'])
  })
})
