import { benefitsDb, type OfferDoc } from '../../cloud/features/benefits/collections'
import { listOffers } from '../../cloud/features/benefits/browse'
import { MAX_GEO_CANDIDATES } from '../../cloud/features/benefits/near'
import { createContext } from '../../cloud/lib/context'
import { parseInput } from '../../domain/validate'
import { contract } from '../../domain/contract'
import { data, harness, offerDoc } from '../helpers/benefits'
import { describeOn, testStore } from '../helpers/store'
import { geoNearRequests } from '../stand-ins/cloudbase-db/requests'

/**
 * 普惠 离我最近 on WeChat's store (the database's geoNear over each offer's MultiPoint of stores)
 * against the embedded store (its kd index) on the same offers: the same pages. WeChat's database is the WeChat adapter on the
 * real SDK over the stand-in server (tests/stand-ins/cloudbase-db).
 */
const HOHHOT = { latitude: 40.842, longitude: 111.751 }

function rand(seed: number): number {
  const x = Math.sin(seed * 9301 + 49297) * 233280
  return x - Math.floor(x)
}

/** 400 offers around 呼和浩特 with 1 to 3 stores, some on one shared spot (ties), some paused or ended. */
function offersAround(): OfferDoc[] {
  return Array.from({ length: 400 }, (_, i) => {
    const stores = Array.from({ length: 1 + Math.floor(rand(i) * 3) }, (_s, s) =>
      i % 7 === 0
        ? { name: '同一地点（演示）', address: '示例地址（演示）', latitude: 40.85, longitude: 111.7 }
        : { name: `门店${s}（演示）`, address: '示例地址（演示）', latitude: 40.5 + rand(i * 10 + s) * 0.8, longitude: 111.2 + rand(i * 10 + s + 5) * 1.2 },
    )
    return offerDoc(i, { stores, status: i % 31 === 0 ? 'paused' : 'active', ...(i % 37 === 0 ? { endAt: '2026-11-20T00:00:00.000Z' } : {}), ...(i % 9 === 0 ? { title: `测试洗衣${i}号（演示）` } : {}) })
  })
}

async function bothHomes() {
  const h = await harness(undefined, 'nedb')
  const docs = offersAround()
  await benefitsDb(h.store).offers.insertMany(docs)
  const wx = testStore('wx')
  await benefitsDb(wx.store).offers.insertMany([...(await benefitsDb(h.store).offers.find({}, { limit: 1000 }))])
  const wxList = (input: Record<string, unknown>) => listOffers(createContext(wx.store, h.clock, null, h.secrets), parseInput(contract.benefits.list.input, input) as never)
  return { ...h, server: wx.server!, wxList }
}

type Page = { items: Array<{ id: string; distanceM: number | null }>; nextCursor: string | null }

async function allPages(list: (input: Record<string, unknown>) => Promise<Page>, input: Record<string, unknown>) {
  const ids: Array<[string, number | null]> = []
  let cursor: string | null = null
  for (let i = 0; i < 500; i++) {
    const page: Page = await list({ ...input, ...(cursor ? { cursor } : {}) })
    ids.push(...page.items.map((o): [string, number | null] => [o.id, o.distanceM]))
    if (!page.nextCursor) return ids
    cursor = page.nextCursor
  }
  throw new Error('no end of pages')
}

describeOn('wx', 'compares WeChat’s store with the embedded one', () => {
  it('stores each offer with a MultiPoint of its stores', async () => {
    const { server } = await bothHomes()
    const row = server.documents('offers').find((r) => r._id === 't-offer-00001') as unknown as OfferDoc & { location: unknown }
    expect(row.location).toEqual({ type: 'MultiPoint', coordinates: row.stores.map((s) => [s.longitude, s.latitude]) })
  })

  it.each([
    ['every offer', {}],
    ['a category', { category: '餐饮' }],
    ['a search', { q: '洗衣' }],
  ])('pages through %s exactly as the embedded store does, each request bounded', async (_name, filters) => {
    const { b, server, wxList } = await bothHomes()
    const input = { near: HOHHOT, limit: 7, ...filters }
    const embedded = await allPages(async (i) => data(await b('demo-worker', 'list', i)), input)
    const wechat = await allPages(wxList, input)
    expect(wechat.length).toBeGreaterThan(5)
    expect(wechat).toEqual(embedded)
    const requests = geoNearRequests(server)
    expect(requests.every((p) => (p.limit ?? 0) <= MAX_GEO_CANDIDATES)).toBe(true)
    // Pages after the first start at the cursor's distance instead of reading from the start again.
    expect(requests.some((p) => (p.geoNear.minDistance as number) > 0)).toBe(true)
  })
})
