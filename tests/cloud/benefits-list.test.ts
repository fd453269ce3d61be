import * as v from 'valibot'
import { benefitsDb, type OfferDoc } from '../../cloud/features/benefits/collections'
import type { AuditDoc } from '../../cloud/lib/collections'
import type { Store } from '../../cloud/lib/store/port'
import { matchesQuery } from '../../domain/search'
import { compareNear, nearKey } from '../../domain/benefits/near'
import { contract } from '../../domain/contract'
import { data, harness, offerDoc } from '../helpers/benefits'

const offers = (store: Store) => benefitsDb(store).offers
/** 新城区, near the demo supermarket. */
const HOHHOT = { latitude: 40.842, longitude: 111.751 }
const NOW = '2026-11-23T08:00:00.000Z'

type B = Awaited<ReturnType<typeof harness>>['b']

/** Every page of a list, following nextCursor; fails on a page longer than `limit`. */
async function pageAll(b: B, input: Record<string, unknown>, limit: number) {
  const pages: Array<Array<{ id: string; distanceM: number | null }>> = []
  let cursor: string | undefined
  for (let i = 0; i < 2000; i++) {
    const page = data(await b('demo-worker', 'list', { ...input, limit, ...(cursor ? { cursor } : {}) }))
    expect(page.items.length).toBeLessThanOrEqual(limit)
    pages.push(page.items)
    if (!page.nextCursor) return pages
    cursor = page.nextCursor
  }
  throw new Error('no end of pages')
}

/** A pseudo-random but repeatable number in [0, 1). */
function rand(seed: number): number {
  const x = Math.sin(seed * 9301 + 49297) * 233280
  return x - Math.floor(x)
}

/**
 * 600 offers around 呼和浩特: 1 to 3 stores each, some sharing one spot (ties), some with no store,
 * some paused or ended.
 */
async function addOffersAround(store: Store): Promise<OfferDoc[]> {
  const docs = Array.from({ length: 600 }, (_, i) => {
    const n = i % 50 === 0 ? 0 : 1 + Math.floor(rand(i) * 3)
    const stores = Array.from({ length: n }, (_store, s) =>
      i % 7 === 0
        ? { name: '同一地点（演示）', address: '示例地址（演示）', latitude: 40.85, longitude: 111.7 }
        : { name: `门店${s}（演示）`, address: '示例地址（演示）', latitude: 40.5 + rand(i * 10 + s) * 0.8, longitude: 111.2 + rand(i * 10 + s + 5) * 1.2 },
    )
    const status: OfferDoc['status'] = i % 31 === 0 ? 'paused' : 'active'
    return offerDoc(i, { stores, status, ...(i % 37 === 0 ? { endAt: '2026-11-20T00:00:00.000Z' } : {}), ...(i % 9 === 0 ? { title: `测试洗衣${i}号（演示）` } : {}) })
  })
  await offers(store).insertMany(docs)
  return offers(store).find({}, { limit: 1000 })
}

/** What a full sort would answer: the filters, then (nearest store, id). */
function bruteForce(all: OfferDoc[], near: typeof HOHHOT, keep: (o: OfferDoc) => boolean) {
  const from = { lat: near.latitude, lng: near.longitude }
  return all
    .filter((o) => o.status === 'active' && o.endAt > NOW && keep(o))
    .map((o) => nearKey(from, o._id, o.stores))
    .sort(compareNear)
}

describe('benefits.list near a location', () => {
  it('orders the demo offers by their nearest store, with distanceM and the contract shape', async () => {
    const { b } = await harness(NOW)
    const page = data(await b('demo-worker', 'list', { near: HOHHOT }))
    expect(v.safeParse(contract.benefits.list.output, page).success).toBe(true)
    expect(page.items[0]).toMatchObject({ id: expect.stringMatching(/^offer-bianmin-/), distanceM: expect.any(Number) })
    expect(page.items[0].distanceM).toBeLessThan(300)
    const distances = page.items.map((o) => o.distanceM as number)
    expect(distances).toEqual([...distances].sort((x, y) => x - y))
    // 公交卡 has two stores: it is placed by the nearer one (赛罕站 is ~6 km away, 火车站 ~7.5 km).
    expect(page.items.find((o) => o.id === 'offer-hhht-gongjiao')?.distanceM).toBeGreaterThan(5000)
    expect(page.items.find((o) => o.id === 'offer-hhht-gongjiao')?.distanceM).toBeLessThan(7000)
    expect(page.items.find((o) => o.id === 'offer-chifeng-hongshan')?.distanceM).toBeGreaterThan(500_000)
    // Without a location: newest first, no distance.
    expect(data(await b('demo-worker', 'list', {})).items.every((o) => o.distanceM === null)).toBe(true)
  })

  it.each([
    ['no filter', {}, () => true],
    ['a category', { category: '购物' }, (o: OfferDoc) => o.category === '购物'],
    ['a city and a search', { city: '呼和浩特', q: '洗衣' }, (o: OfferDoc) => o.city === '呼和浩特' && matchesQuery('洗衣', o.title, o.merchantName, o.city, o.category)],
  ])('pages through everything (%s) exactly as a full sort: no gaps, no repeats, storeless last', async (_what, filters, keep) => {
    const { b, store } = await harness(NOW)
    const all = await addOffersAround(store)
    const expected = bruteForce(all, HOHHOT, keep as (o: OfferDoc) => boolean)
    expect(expected.length).toBeGreaterThan(Object.keys(filters).length ? 5 : 500)
    const pages = await pageAll(b, { ...filters, near: HOHHOT }, 7)
    const seen = pages.flat()
    expect(seen.map((o) => o.id)).toEqual(expected.map((k) => k.id))
    expect(seen.map((o) => o.distanceM)).toEqual(expected.map((k) => (k.d === null ? null : Math.round(k.d))))
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true)
    expect(seen[seen.length - 1].distanceM).toBe(Object.keys(filters).length ? seen[seen.length - 1].distanceM : null)
  })

  it('keeps up with staff edits: a new offer, a moved store, a pause', async () => {
    const { b } = await harness(NOW)
    data(await b('demo-worker', 'list', { near: HOHHOT }))
    const form = {
      unionId: 'hhht-xc', merchantId: 'm-bianmin', title: '示例修鞋店八折（演示）', category: '日常生活', city: '呼和浩特', county: '新城区',
      description: '会员修鞋八折。', rules: ['仅限会员本人'],
      stores: [{ name: '示例修鞋店（演示）', address: '呼和浩特市新城区示例路7号（演示地址）', latitude: HOHHOT.latitude, longitude: HOHHOT.longitude }],
      startAt: '2026-11-23T00:00:00.000Z', endAt: '2026-12-31T00:00:00.000Z', total: 5, limit: { count: 1, period: 'once' }, couponValidDays: 7,
    }
    const added = data(await b('demo-clerk', 'saveOffer', form))
    expect(data(await b('demo-worker', 'list', { near: HOHHOT })).items[0]).toMatchObject({ id: added.id, distanceM: 0 })
    data(await b('demo-clerk', 'saveOffer', { ...form, id: added.id, stores: [{ ...form.stores[0], latitude: 42.2863, longitude: 118.9584 }] }))
    const moved = data(await b('demo-worker', 'list', { near: HOHHOT, limit: 50 })).items
    expect(moved[0].id).not.toBe(added.id)
    expect(moved.find((o) => o.id === added.id)?.distanceM).toBeGreaterThan(500_000)
    data(await b('demo-clerk', 'setOfferStatus', { id: added.id, status: 'paused' }))
    expect(data(await b('demo-worker', 'list', { near: HOHHOT, limit: 50 })).items.map((o) => o.id)).not.toContain(added.id)
  })

  it.each([
    [{ near: { latitude: 91, longitude: 111 } }, '纬度须在 -90 到 90 之间'],
    [{ near: { latitude: 40, longitude: -181 } }, '经度须在 -180 到 180 之间'],
    [{ near: { latitude: '40', longitude: 111 } }, '纬度须为数字'],
    [{ near: { latitude: 40 } }, '位置格式不正确'],
    [{ near: HOHHOT, cursor: '2026-11-01T00:00:00.000Z|offer-x' }, '分页参数不正确'],
  ])('refuses a bad location or cursor (%j) with a Chinese message', async (input, message) => {
    const { b } = await harness(NOW)
    expect(await b('demo-worker', 'list', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
  })
})

describe('benefits.list search fills its page', () => {
  it('a query matching 1 in 40 of 2,000 offers still gives full pages, each match once', async () => {
    const { b, store } = await harness(NOW)
    // Every offer has the query's first two characters (测试); only every 40th has the whole query.
    await offers(store).insertMany(Array.from({ length: 2000 }, (_, i) => offerDoc(i, i % 40 === 5 ? { title: `测试稀有${i}号（演示）` } : {})))
    const expected = (await offers(store).find({ title: { $in: Array.from({ length: 50 }, (_, k) => `测试稀有${k * 40 + 5}号（演示）`) } }, { sort: { sortKey: -1 }, limit: 1000 })).map((o) => o._id)
    expect(expected).toHaveLength(50)
    const pages = await pageAll(b, { q: '测试稀有' }, 8)
    expect(pages.flat().map((o) => o.id)).toEqual(expected)
    expect(pages.slice(0, -1).every((p) => p.length === 8)).toBe(true)
    expect(pages.length).toBe(7)
  })

  it('reads a bounded number of offers per request: a hopeless query answers with a cursor that continues', async () => {
    const { b, store } = await harness(NOW)
    await offers(store).insertMany(Array.from({ length: 2600 }, (_, i) => offerDoc(i, i === 3 ? { title: '测试唯一（演示）' } : {})))
    const first = data(await b('demo-worker', 'list', { q: '测试唯一' }))
    expect(first.items).toHaveLength(0)
    expect(first.nextCursor).not.toBeNull()
    const second = data(await b('demo-worker', 'list', { q: '测试唯一', cursor: first.nextCursor }))
    expect(second.items.map((o) => o.id)).toEqual(['t-offer-00003'])
    expect(second.nextCursor).toBeNull()
  })
})

describe('the offer form: every store and the eligible union', () => {
  const form = {
    unionId: 'hhht-xc', merchantId: 'm-bianmin', title: '示例洗衣店洗衣八折（演示）', category: '日常生活', city: '呼和浩特', county: '新城区',
    description: '会员洗衣八折。', rules: ['仅限会员本人'],
    stores: [
      { name: '示例洗衣店（演示）一店', address: '呼和浩特市新城区示例路5号（演示地址）', latitude: 40.84, longitude: 111.75 },
      { name: '示例洗衣店（演示）二店', address: '呼和浩特市赛罕区示例路6号（演示地址）', latitude: 40.8, longitude: 111.7 },
    ],
    startAt: '2026-11-23T00:00:00.000Z', endAt: '2026-12-31T00:00:00.000Z', total: 2, limit: { count: 1, period: 'once' }, couponValidDays: 7,
  }

  it('saves every store and a union of the staff member’s own subtree; edits replace them', async () => {
    const { b } = await harness(NOW)
    const offer = data(await b('demo-clerk', 'saveOffer', { ...form, eligibleUnionId: 'hhht-xc-kd' }))
    expect(offer.stores).toHaveLength(2)
    expect(offer.eligibleUnionId).toBe('hhht-xc-kd')
    const detail = data(await b('demo-member', 'detail', { id: offer.id }))
    expect(detail.stores.map((s) => s.name)).toEqual(['示例洗衣店（演示）一店', '示例洗衣店（演示）二店'])
    expect(detail.me.eligible).toBe(true)
    const edited = data(await b('demo-clerk', 'saveOffer', { ...form, id: offer.id, stores: [form.stores[1]], eligibleUnionId: null }))
    expect(edited.stores).toEqual([form.stores[1]])
    expect(edited.eligibleUnionId).toBeNull()
  })

  it.each([
    ['a sibling subtree', 'hhht-hm'],
    ['the union above', 'hhht'],
    ['an unknown union', 'no-such-union'],
  ])('refuses an eligible union outside the staff member’s subtree (%s), changing nothing', async (_what, eligibleUnionId) => {
    const { b, store } = await harness(NOW)
    const before = await offers(store).count({})
    expect(await b('demo-clerk', 'saveOffer', { ...form, eligibleUnionId })).toMatchObject({
      ok: false, error: { code: 'ELIGIBLE_UNION_OUT_OF_REACH', message: '可领取的工会只能选本工会或下级工会', fields: { eligibleUnionId: '可领取的工会只能选本工会或下级工会' } },
    })
    expect(await offers(store).count({})).toBe(before)
    // Nor on an edit: the offer keeps its eligible union.
    expect(await b('demo-clerk', 'saveOffer', { ...form, id: 'offer-bianmin-shuiguo', eligibleUnionId })).toMatchObject({ ok: false, error: { code: 'ELIGIBLE_UNION_OUT_OF_REACH' } })
    expect((await offers(store).get('offer-bianmin-shuiguo'))?.eligibleUnionId).toBe('hhht-xc')
    expect(await store.collection<AuditDoc>('audit').count({})).toBe(0)
  })

  it.each([
    ['a store without a name', { stores: [{ ...form.stores[0], name: '' }] }, 'stores.0.name', '请填写门店名称'],
    ['a second store with a bad latitude', { stores: [form.stores[0], { ...form.stores[1], latitude: 95 }] }, 'stores.1.latitude', '纬度不正确'],
  ])('refuses %s by the field', async (_what, change, field, message) => {
    const { b, store } = await harness(NOW)
    const before = await offers(store).count({})
    expect(await b('demo-clerk', 'saveOffer', { ...form, ...change })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: message } } })
    expect(await offers(store).count({})).toBe(before)
  })
})
