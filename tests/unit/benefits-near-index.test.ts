import { OfferNearIndex, type OfferEntry } from '../../cloud/features/benefits/near-index'
import { compareNear, nearKey, type NearKey } from '../../src/domain/benefits/near'

function rng(seed: number) {
  let a = seed
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648
    return a / 2147483648
  }
}

function entries(n: number, random: () => number, spot: (i: number) => { latitude: number; longitude: number }): OfferEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `o-${String(Math.floor(random() * 1e6)).padStart(7, '0')}-${i}`,
    category: random() < 0.5 ? '餐饮' : '购物',
    city: '呼和浩特',
    status: 'active',
    endAt: '2027-01-01T00:00:00.000Z',
    texts: ['测试'],
    stores: Array.from({ length: i % 25 === 0 ? 0 : 1 + Math.floor(random() * 3) }, (_store, s) => spot(i * 3 + s)),
  }))
}

/** Every page of `limit`, each asked with the previous page's last key, as the cursor does. */
function pages(index: OfferNearIndex, keep: (o: OfferEntry) => boolean, limit: number): NearKey[] {
  const seen: NearKey[] = []
  for (let after: NearKey | null = null; ; ) {
    const page = index.page(from, keep, after, limit)
    seen.push(...page)
    if (page.length < limit) return seen
    after = page[page.length - 1]
  }
}

const from = { lat: 40.84, lng: 111.75 }

describe('the offers’ distance index', () => {
  it.each([
    ['spread stores', (random: () => number) => () => ({ latitude: 40.3 + random(), longitude: 111.2 + random() })],
    ['every store on one spot (all ties)', () => () => ({ latitude: 40.85, longitude: 111.7 })],
    ['a few spots (many ties)', (random: () => number) => () => [{ latitude: 40.85, longitude: 111.7 }, { latitude: 40.84, longitude: 111.75 }, { latitude: 41, longitude: 112 }][Math.floor(random() * 3)]],
  ])('pages equal a full sort (%s), filters applied inside', (_what, makeSpot) => {
    const random = rng(7)
    const all = entries(700, random, makeSpot(random))
    const index = new OfferNearIndex()
    all.forEach((e) => index.upsert(e))
    for (const keep of [() => true, (o: OfferEntry) => o.category === '餐饮']) {
      const expected = all.filter(keep).map((o) => nearKey(from, o.id, o.stores)).sort(compareNear)
      expect(pages(index, keep, 13)).toEqual(expected)
    }
  })

  it('follows an upsert: a moved offer takes its new place', () => {
    const index = new OfferNearIndex()
    index.upsert({ id: 'a', category: '餐饮', city: '呼和浩特', status: 'active', endAt: '2027-01-01T00:00:00.000Z', texts: [], stores: [{ latitude: 41, longitude: 112 }] })
    index.upsert({ id: 'b', category: '餐饮', city: '呼和浩特', status: 'active', endAt: '2027-01-01T00:00:00.000Z', texts: [], stores: [{ latitude: 40.9, longitude: 111.8 }] })
    expect(index.page(from, () => true, null, 5).map((k) => k.id)).toEqual(['b', 'a'])
    index.upsert({ id: 'a', category: '餐饮', city: '呼和浩特', status: 'active', endAt: '2027-01-01T00:00:00.000Z', texts: [], stores: [{ latitude: 40.84, longitude: 111.75 }] })
    expect(index.page(from, () => true, null, 5)).toEqual([{ d: 0, id: 'a' }, expect.objectContaining({ id: 'b' })])
  })
})
