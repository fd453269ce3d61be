import { createWxStore, toWxQuery, toWxUpdate, type WxAggregate, type WxCollection, type WxCommand, type WxDatabase } from '../../cloud/lib/store/wx'
import { DuplicateKeyError } from '../../cloud/lib/store/port'

/**
 * WeChat's cloud database cannot run here, so these tests check what the adapter asks of it:
 * a recording stand-in for `cloud.database()` that keeps every call.
 */
const command: WxCommand = {
  eq: (v) => ({ op: 'eq', v }),
  neq: (v) => ({ op: 'neq', v }),
  in: (v) => ({ op: 'in', v }),
  nin: (v) => ({ op: 'nin', v }),
  gt: (v) => ({ op: 'gt', v }),
  gte: (v) => ({ op: 'gte', v }),
  lt: (v) => ({ op: 'lt', v }),
  lte: (v) => ({ op: 'lte', v }),
  exists: (v) => ({ op: 'exists', v }),
  all: (v) => ({ op: 'all', v }),
  and: (...v) => ({ op: 'and', v }),
  inc: (n) => ({ op: 'inc', n }),
  remove: () => ({ op: 'remove' }),
}

const Geo = {
  Point: (longitude: number, latitude: number) => ({ type: 'Point', coordinates: [longitude, latitude] }),
  MultiPoint: (points: Array<{ coordinates: [number, number] }>) => ({ type: 'MultiPoint', coordinates: points.map((p) => p.coordinates) }),
}

function recordingDb(answers: { data?: unknown[]; updated?: number; addError?: unknown } = {}) {
  const calls: Array<[string, ...unknown[]]> = []
  // Each chained step records its name and arguments and returns the chain.
  const step = <C>(chain: () => C, name: string) => (...args: unknown[]) => (calls.push([name, ...args]), chain())
  const query: WxCollection = {
    where: step(() => query, 'where'),
    orderBy: step(() => query, 'orderBy'),
    skip: step(() => query, 'skip'),
    limit: step(() => query, 'limit'),
    async get() {
      return { data: answers.data ?? [] }
    },
    async count() {
      return { total: answers.data?.length ?? 0 }
    },
    async update(o: unknown) {
      calls.push(['update', o])
      return { stats: { updated: answers.updated ?? 0 } }
    },
    async remove() {
      return { stats: { removed: 0 } }
    },
    doc: () => ({ get: async () => ({ data: null }) }),
    async add(o: unknown) {
      calls.push(['add', o])
      if (answers.addError) throw answers.addError
      return { _id: 'x' }
    },
    aggregate: () => aggregate,
  }
  const aggregate: WxAggregate = {
    geoNear: step(() => aggregate, 'geoNear'),
    limit: step(() => aggregate, 'aggregate.limit'),
    async end() {
      return { list: answers.data ?? [] }
    },
  }
  const db: WxDatabase = { command, Geo, collection: (name) => (calls.push(['collection', name]), query) }
  return { db, calls }
}

describe('WeChat database adapter', () => {
  it('turns port operators into db.command calls', () => {
    expect(toWxQuery(command, { status: 'active', qty: { $gt: 0 }, unionId: { $in: ['a', 'b'] } })).toEqual({
      status: 'active',
      qty: { op: 'gt', v: 0 },
      unionId: { op: 'in', v: ['a', 'b'] },
    })
    expect(toWxQuery(command, { qty: { $gte: 1, $lt: 5 } })).toEqual({ qty: { op: 'and', v: [{ op: 'gte', v: 1 }, { op: 'lt', v: 5 }] } })
    expect(() => toWxQuery(command, { qty: { $regex: 'x' } as never })).toThrow('unsupported operator')
  })

  it('turns a patch into set, inc and remove', () => {
    expect(toWxUpdate(command, { set: { a: 1 }, inc: { qty: -1 }, unset: ['b'] })).toEqual({ a: 1, qty: { op: 'inc', n: -1 }, b: { op: 'remove' } })
  })

  it('a conditional update sends the whole condition and returns the updated count', async () => {
    const { db, calls } = recordingDb({ updated: 1 })
    const n = await createWxStore(db).collection<{ _id: string; qty: number }>('offers').update({ _id: 'o1', qty: { $gt: 0 } }, { inc: { qty: -1 } })
    expect(n).toBe(1)
    expect(calls).toEqual([
      ['collection', 'offers'],
      ['where', { _id: 'o1', qty: { op: 'gt', v: 0 } }],
      ['update', { data: { qty: { op: 'inc', n: -1 } } }],
    ])
  })

  it('caps reads at the platform limit and maps sort orders', async () => {
    const { db, calls } = recordingDb({ data: [] })
    await createWxStore(db).collection<{ _id: string; at: string }>('audit').find({}, { sort: { at: -1 }, limit: 500 })
    expect(calls).toContainEqual(['orderBy', 'at', 'desc'])
    expect(calls).toContainEqual(['limit', 100])
  })

  it('inserts many as one add each', async () => {
    const { db, calls } = recordingDb()
    expect(await createWxStore(db).collection('stations').insertMany([{ _id: 's1' }, { _id: 's2' }])).toBe(2)
    expect(calls.filter((c) => c[0] === 'add')).toEqual([['add', { data: { _id: 's1' } }], ['add', { data: { _id: 's2' } }]])
  })

  it('maps a unique-index violation to DuplicateKeyError', async () => {
    const { db } = recordingDb({ addError: Object.assign(new Error('duplicate key'), { errCode: -502001 }) })
    await expect(createWxStore(db).collection('memberships').insert({ _id: 'm1' })).rejects.toBeInstanceOf(DuplicateKeyError)
  })
})

describe('WeChat database adapter: geo', () => {
  it('writes a GeoPoint copy of lat/lng in `location` on insert and on a patch that sets both', async () => {
    const { db, calls } = recordingDb({ updated: 1 })
    const stations = createWxStore(db).collection<{ _id: string; lat: number; lng: number; name?: string }>('stations')
    await stations.insert({ _id: 's1', lat: 40.8, lng: 111.7 })
    await stations.update({ _id: 's1' }, { set: { lat: 40.9, lng: 111.6 } })
    await stations.update({ _id: 's1' }, { set: { name: 'x' } })
    expect(calls.filter((c) => c[0] === 'add' || c[0] === 'update')).toEqual([
      ['add', { data: { _id: 's1', lat: 40.8, lng: 111.7, location: { type: 'Point', coordinates: [111.7, 40.8] } } }],
      ['update', { data: { lat: 40.9, lng: 111.6, location: { type: 'Point', coordinates: [111.6, 40.9] } } }],
      ['update', { data: { name: 'x' } }],
    ])
  })

  it('writes a MultiPoint of `geoPoints` (an offer’s stores) in `location`; no points, no location', async () => {
    const { db, calls } = recordingDb({ updated: 1 })
    const offers = createWxStore(db).collection<{ _id: string; geoPoints: Array<{ lat: number; lng: number }> }>('offers')
    await offers.insert({ _id: 'o1', geoPoints: [{ lat: 40.8, lng: 111.7 }, { lat: 40.6, lng: 109.8 }] })
    await offers.update({ _id: 'o1' }, { set: { geoPoints: [{ lat: 42.2, lng: 118.9 }] } })
    await offers.insert({ _id: 'o2', geoPoints: [] })
    expect(calls.filter((c) => c[0] === 'add' || c[0] === 'update')).toEqual([
      ['add', { data: { _id: 'o1', geoPoints: [{ lat: 40.8, lng: 111.7 }, { lat: 40.6, lng: 109.8 }], location: { type: 'MultiPoint', coordinates: [[111.7, 40.8], [109.8, 40.6]] } } }],
      ['update', { data: { geoPoints: [{ lat: 42.2, lng: 118.9 }], location: { type: 'MultiPoint', coordinates: [[118.9, 42.2]] } } }],
      ['add', { data: { _id: 'o2', geoPoints: [] } }],
    ])
  })

  it('geoNear passes minDistance when paging on from a cursor', async () => {
    const { db, calls } = recordingDb({ data: [] })
    await createWxStore(db).geoNear!('offers', { point: { lat: 40, lng: 111 }, minDistanceM: 1200, maxDistanceM: 9e6, query: {}, limit: 42 })
    expect(calls.find((c) => c[0] === 'geoNear')?.[1]).toMatchObject({ minDistance: 1200, maxDistance: 9e6 })
  })

  it('geoNear is the aggregate geoNear stage on `location` with the filter in `query`, then a limit', async () => {
    const { db, calls } = recordingDb({ data: [{ _id: 's1', lat: 40, lng: 111, distance: 12.5 }] })
    const store = createWxStore(db)
    const hits = await store.geoNear!<{ _id: string; lat: number; lng: number; status: string; amenities: string[] }>('stations', {
      point: { lat: 40.1, lng: 111.2 },
      maxDistanceM: 5000,
      query: { status: 'active', amenities: { $all: ['热饭', '充电'] } },
      limit: 5000,
    })
    expect(hits).toEqual([{ doc: { _id: 's1', lat: 40, lng: 111 }, distanceM: 12.5 }])
    expect(calls).toEqual([
      ['collection', 'stations'],
      ['geoNear', {
        near: { type: 'Point', coordinates: [111.2, 40.1] },
        spherical: true,
        distanceField: 'distance',
        maxDistance: 5000,
        query: { status: 'active', amenities: { op: 'all', v: ['热饭', '充电'] } },
        key: 'location',
      }],
      // Capped at what the platform answers at once.
      ['aggregate.limit', 1000],
    ])
  })
})
