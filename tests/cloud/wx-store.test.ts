import { DuplicateKeyError, MAX_READ, ReadLimitError } from '../../cloud/lib/store/port'
import { INSERT_BATCH, isDuplicateKey } from '../../cloud/lib/store/wx'
import { describeOn, testStore } from '../helpers/store'
import { CloudBaseDbStandIn } from '../stand-ins/cloudbase-db/engine'
import { standInCloudDatabase } from '../stand-ins/cloudbase-db/hook'
import { geoNearRequests, updateRequests } from '../stand-ins/cloudbase-db/requests'

/**
 * The WeChat adapter on the real wx-server-sdk, against the stand-in database server: what it asks
 * the database for, and what it makes of the answers. (The whole cloud suite also runs on it: the
 * cloud-wx jest project.) These tests are about the WeChat adapter itself, so they run once.
 */
interface Programme {
  _id: string
  year: number
  amounts: Record<string, number>
  stock?: number
}

function wxStore() {
  const { store, server } = testStore('wx')
  for (const name of ['items', 'stations', 'offers']) server!.createCollection(name)
  server!.createIndex('items', { fields: ['code'], unique: true })
  server!.createIndex('stations', { fields: ['location'], geo: true })
  return { store, server: server! }
}

describeOn('wx', 'the WeChat adapter itself', () => {
  it('a conditional update is one request with the whole condition, and answers how many changed', async () => {
    const { store, server } = wxStore()
    const items = store.collection<Programme & { code: string }>('items')
    await items.insert({ _id: 'o1', code: 'A', year: 2026, amounts: {}, stock: 1 })
    expect(await items.update({ _id: 'o1', stock: { $gt: 0 } }, { inc: { stock: -1 } })).toBe(1)
    expect(await items.update({ _id: 'o1', stock: { $gt: 0 } }, { inc: { stock: -1 } })).toBe(0)
    expect(updateRequests(server, 'items')).toEqual([
      { collection: 'items', query: { _id: 'o1', stock: { $gt: 0 } }, data: { $inc: { stock: -1 } }, multi: true },
      { collection: 'items', query: { _id: 'o1', stock: { $gt: 0 } }, data: { $inc: { stock: -1 } }, multi: true },
    ])
    expect((await items.get('o1'))?.stock).toBe(0)
  })

  it('an object value replaces the stored one (a level dropped from amounts is gone), as on the embedded store', async () => {
    const { store, server } = wxStore()
    const items = store.collection<Programme & { code: string }>('items')
    await items.insert({ _id: 'p1', code: 'P', year: 2026, amounts: { high_school: 300000, undergraduate: 500000 } })
    await items.update({ _id: 'p1' }, { set: { amounts: { high_school: 300000 } } })
    expect((await items.get('p1'))?.amounts).toEqual({ high_school: 300000 })
    // Sent as one whole-object $set, not as `amounts.high_school` (which would merge).
    expect(updateRequests(server, 'items')[0].data).toEqual({ $set: { amounts: { high_school: 300000 } } })
  })

  it('refuses a read of more than one page before asking the database, and asks for exactly the limit otherwise', async () => {
    const { store, server } = wxStore()
    const items = store.collection<{ _id: string; code: string }>('items')
    const before = server.log.length
    await expect(items.find({}, { limit: MAX_READ + 1 })).rejects.toBeInstanceOf(ReadLimitError)
    await expect(items.find({}, {} as never)).rejects.toBeInstanceOf(ReadLimitError)
    expect(server.log.length).toBe(before)
    await items.find({}, { limit: 250, sort: { code: -1 } })
    expect(server.log[server.log.length - 1].params).toMatchObject({ limit: 250, order: JSON.stringify({ code: { $numberInt: '-1' } }) })
  })

  it('a taken unique key is a DuplicateKeyError; any other database failure (same errCode) is not', async () => {
    const { store, server } = wxStore()
    const items = store.collection<{ _id: string; code: string }>('items')
    await items.insert({ _id: 'a', code: 'X' })
    await expect(items.insert({ _id: 'b', code: 'X' })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(items.insert({ _id: 'a', code: 'Y' })).rejects.toBeInstanceOf(DuplicateKeyError)
    server.failNext({ action: 'database.insertDocument', code: 'DATABASE_REQUEST_FAILED', message: '[InternalError] request timeout' })
    const error = await items.insert({ _id: 'c', code: 'Z' }).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(DuplicateKeyError)
    expect(error).toMatchObject({ errCode: -502001 })
    expect(isDuplicateKey(error)).toBe(false)
    expect(await items.count({})).toBe(1)
  })

  it('inserts many in batches, in order: a duplicate stops the rest, those before it stay', async () => {
    const { store, server } = wxStore()
    const items = store.collection<{ _id: string; code: string }>('items')
    const docs = Array.from({ length: INSERT_BATCH * 2 + 3 }, (_, i) => ({ _id: `i${i}`, code: `C${i}` }))
    expect(await items.insertMany(docs)).toBe(docs.length)
    expect(server.log.filter((r) => r.action === 'database.insertDocument')).toHaveLength(3)
    await expect(items.insertMany([{ _id: 'n1', code: 'N1' }, { _id: 'n2', code: 'C0' }, { _id: 'n3', code: 'N3' }])).rejects.toBeInstanceOf(DuplicateKeyError)
    expect(await items.get('n1')).toMatchObject({ code: 'N1' })
    expect(await items.get('n3')).toBeNull()
  })

  it('writes a GeoPoint `location` from lat/lng on insert and on a patch that sets both; a MultiPoint from geoPoints', async () => {
    const { store, server } = wxStore()
    const stations = store.collection<{ _id: string; lat: number; lng: number; name?: string }>('stations')
    await stations.insert({ _id: 's1', lat: 40.8, lng: 111.7 })
    await stations.update({ _id: 's1' }, { set: { lat: 40.9, lng: 111.6 } })
    await stations.update({ _id: 's1' }, { set: { name: 'x' } })
    expect(server.documents('stations')[0]).toMatchObject({ location: { type: 'Point', coordinates: [111.6, 40.9] }, name: 'x' })
    const offers = store.collection<{ _id: string; geoPoints: Array<{ lat: number; lng: number }> }>('offers')
    await offers.insert({ _id: 'o1', geoPoints: [{ lat: 40.8, lng: 111.7 }, { lat: 40.6, lng: 109.8 }] })
    expect(server.documents('offers')[0]).toMatchObject({ location: { type: 'MultiPoint', coordinates: [[111.7, 40.8], [109.8, 40.6]] } })
    await offers.update({ _id: 'o1' }, { set: { geoPoints: [] } })
    expect(server.documents('offers')[0]).not.toHaveProperty('location')
  })

  it('geoNear is the aggregate geoNear stage on `location`, the filter in its query, then a bounded limit', async () => {
    const { store, server } = wxStore()
    await store.collection<{ _id: string; lat: number; lng: number; status: string }>('stations').insertMany([
      { _id: 'near', lat: 40.101, lng: 111.2, status: 'active' },
      { _id: 'far', lat: 40.2, lng: 111.2, status: 'active' },
      { _id: 'closed', lat: 40.1, lng: 111.2, status: 'suspended' },
    ])
    const hits = await store.geoNear!<{ _id: string; status: string }>('stations', { point: { lat: 40.1, lng: 111.2 }, minDistanceM: 50, maxDistanceM: 50_000, query: { status: 'active' }, limit: 5000 })
    expect(hits.map((h) => h.doc._id)).toEqual(['near', 'far'])
    expect(hits[0].distanceM).toBeGreaterThan(100)
    expect(hits[0].doc).not.toHaveProperty('distance')
    expect(geoNearRequests(server)).toEqual([
      {
        collection: 'stations',
        geoNear: { near: { type: 'Point', coordinates: [111.2, 40.1] }, spherical: true, distanceField: 'distance', minDistance: 50, maxDistance: 50_000, query: { status: 'active' }, key: 'location' },
        // Capped at what one aggregate answers at once.
        limit: 1000,
      },
    ])
  })
})

/**
 * The stand-in itself: the documented behaviours it enforces, through the real SDK (so a test here
 * fails if the SDK stops sending what the stand-in expects).
 */
describeOn('wx', 'the stand-in database server', () => {
  function raw() {
    const { server, db } = standInCloudDatabase()
    server.createCollection('things')
    return { server, db, things: db.collection('things') }
  }

  it('answers 100 documents without a limit, and never more than 1,000', async () => {
    const { things } = raw()
    await things.add({ data: Array.from({ length: 1200 }, (_, i) => ({ _id: `t${String(i).padStart(4, '0')}`, n: i })) })
    expect((await things.where({}).get()).data).toHaveLength(100)
    expect((await things.where({}).limit(5000).get()).data).toHaveLength(1000)
  })

  it('an aggregate without a $limit stage answers 20', async () => {
    const { server, db } = raw()
    server.createIndex('things', { fields: ['location'], geo: true })
    await db.collection('things').add({ data: Array.from({ length: 30 }, (_, i) => ({ _id: `t${i}`, location: db.Geo.Point(111 + i / 100, 40) })) })
    // The SDK serializes the options in place: a fresh object for each request.
    const geo = () => ({ near: db.Geo.Point(111, 40), spherical: true as const, distanceField: 'd', key: 'location' })
    expect((await db.collection('things').aggregate().geoNear(geo()).end()).list).toHaveLength(20)
    expect((await db.collection('things').aggregate().geoNear(geo()).limit(30).end()).list).toHaveLength(30)
  })

  it('geoNear needs a geo index on its key', async () => {
    const { db } = raw()
    const error = await db.collection('things').aggregate().geoNear({ near: db.Geo.Point(111, 40), spherical: true, distanceField: 'd', key: 'location' }).limit(5).end().catch((e: unknown) => e)
    expect(error).toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('$geoNear requires a 2dsphere index') })
  })

  it('a collection must exist (the deploy makes them)', async () => {
    const { db } = raw()
    const error = await db.collection('nowhere').add({ data: { _id: 'x' } }).catch((e: unknown) => e)
    expect(error).toMatchObject({ errCode: -502005 })
  })

  it('a unique index counts a missing field as null: a second document without it collides', async () => {
    const { server, things } = raw()
    server.createIndex('things', { fields: ['code'], unique: true })
    await things.add({ data: { _id: 'a' } })
    const error = await things.add({ data: { _id: 'b' } }).catch((e: unknown) => e)
    expect(isDuplicateKey(error)).toBe(true)
  })

  it('refuses more than 20 indexes on one collection', () => {
    const server = new CloudBaseDbStandIn()
    server.createCollection('c')
    for (let i = 0; i < 20; i++) server.createIndex('c', { fields: [`f${i}`] })
    expect(() => server.createIndex('c', { fields: ['g'] })).toThrow('more than 20 indexes')
  })
})
