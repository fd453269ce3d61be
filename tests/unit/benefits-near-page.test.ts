import { benefitsDb, type OfferDoc } from '../../cloud/features/benefits/collections'
import { nearPage, type NearFilters } from '../../cloud/features/benefits/near'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import type { Store } from '../../cloud/lib/store/port'
import { compareNear, nearKey, type NearKey } from '../../domain/benefits/near'
import { offerDoc } from '../helpers/benefits'

/**
 * 离我最近's pages (near.ts over the store's geoNear) on the embedded store, whose geoNear is its own
 * kd index (cloud/lib/store/nedb-geo.ts), against a full sort. WeChat's store gives the same pages
 * (tests/cloud/benefits-wx.test.ts).
 */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648
    return a / 2147483648
  }
}

const NOW = '2026-11-23T08:00:00.000Z'
const from = { lat: 40.84, lng: 111.75 }
const filters = (category?: string): NearFilters => ({ nowIso: NOW, category, matches: () => true })

function offers(n: number, random: () => number, spot: (i: number) => { latitude: number; longitude: number }): OfferDoc[] {
  return Array.from({ length: n }, (_, i) =>
    offerDoc(i, {
      category: random() < 0.5 ? '餐饮' : '购物',
      stores: Array.from({ length: i % 25 === 0 ? 0 : 1 + Math.floor(random() * 3) }, (_store, s) => ({ name: '门店（演示）', address: '示例地址（演示）', ...spot(i * 3 + s) })),
    }),
  )
}

/** Every page of `limit`, each asked with the previous page's last key, as the cursor does. */
async function pages(store: Store, f: NearFilters, limit: number): Promise<NearKey[]> {
  const seen: NearKey[] = []
  for (let after: NearKey | null = null; ; ) {
    const page: Awaited<ReturnType<typeof nearPage>> = await nearPage(store, from, f, after, limit)
    expect(page.shown.length).toBeLessThanOrEqual(limit)
    seen.push(...page.shown.map((s) => s.key))
    if (!page.more) return seen
    after = page.shown[page.shown.length - 1].key
  }
}

describe('离我最近 on the embedded store', () => {
  it.each([
    ['spread stores', (random: () => number) => () => ({ latitude: 40.3 + random(), longitude: 111.2 + random() })],
    ['every store on one spot (all ties)', () => () => ({ latitude: 40.85, longitude: 111.7 })],
    ['a few spots (many ties)', (random: () => number) => () => [{ latitude: 40.85, longitude: 111.7 }, { latitude: 40.84, longitude: 111.75 }, { latitude: 41, longitude: 112 }][Math.floor(random() * 3)]],
  ])('pages equal a full sort (%s), storeless last, filters applied in the store', async (_what, makeSpot) => {
    const random = rng(7)
    const all = offers(700, random, makeSpot(random))
    const store = createNedbStore(null)
    await benefitsDb(store).offers.insertMany(all)
    for (const category of [undefined, '餐饮']) {
      const expected = all.filter((o) => !category || o.category === category).map((o) => nearKey(from, o._id, o.stores)).sort(compareNear)
      expect(await pages(store, filters(category), 13)).toEqual(expected)
    }
  })

  it('follows the store’s own writes: a moved offer takes its new place', async () => {
    const store = createNedbStore(null)
    const db = benefitsDb(store).offers
    const at = (latitude: number, longitude: number) => [{ name: '门店（演示）', address: '示例地址（演示）', latitude, longitude }]
    await db.insertMany([offerDoc(1, { stores: at(41, 112) }), offerDoc(2, { stores: at(40.9, 111.8) })])
    const ids = async () => (await nearPage(store, from, filters(), null, 5)).shown.map((s) => s.key)
    expect((await ids()).map((k) => k.id)).toEqual(['t-offer-00002', 't-offer-00001'])
    await db.update({ _id: 't-offer-00001' }, { set: { stores: at(40.84, 111.75) } })
    expect(await ids()).toEqual([{ d: 0, id: 't-offer-00001' }, expect.objectContaining({ id: 't-offer-00002' })])
  })
})
