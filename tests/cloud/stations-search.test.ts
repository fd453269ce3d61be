import { stationsDb, type StationDoc } from '../../cloud/features/stations/collections'
import { importStations } from '../../cloud/features/stations/import'
import { distanceM } from '../../domain/geo'
import { stationMatches } from '../../domain/stations/text-search'
import { generateStations } from '../../server/seed/station-generator'
import { cloudHarness } from '../helpers/cloud'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
interface Hit { code: string; name: string; distanceM: number | null }

const UNION_NAMES: Record<string, string> = { nmg: '内蒙古自治区总工会', 'hhht-xc': '新城区总工会', 'hhht-hm': '回民区总工会', 'hhht-xc-hw': '新城区示例环卫服务中心（演示）工会' }

async function search(h: Harness, input: Record<string, unknown>): Promise<Hit[]> {
  const result = await h.callAs(null, 'stations', 'search', input)
  if (!result.ok) throw new Error(result.error.message)
  return (result.data as { stations: Hit[] }).stations
}

/** The brute-force answer: every active station whose name, address, union or kind holds the query. */
async function expected(h: Harness, q: string, here?: { lat: number; lng: number }): Promise<string[]> {
  const docs: StationDoc[] = []
  for (let after = ''; ; ) {
    const page = await stationsDb(h.store).stations.find({ _id: { $gt: after } }, { sort: { _id: 1 }, limit: 1000 })
    docs.push(...page)
    if (page.length < 1000) break
    after = page[page.length - 1]._id
  }
  return docs
    .filter((d) => d.status === 'active' && stationMatches(q, d.name, d.address, UNION_NAMES[d.unionId] ?? '', d.type))
    .map((d) => ({ d, m: here ? distanceM(here, d) : 0 }))
    .sort((a, b) => a.m - b.m || a.d.name.localeCompare(b.d.name, 'zh') || (a.d._id < b.d._id ? -1 : 1))
    .slice(0, 30)
    .map(({ d }) => d._id)
}

describe('stations.search: by name, street, district or kind', () => {
  it.each(['环卫', '示例路12', '回民区', '新城区', '母婴室', '#12'])('“%s” without a location: the brute-force answer, by name', async (q) => {
    const h = await cloudHarness()
    const got = await search(h, { q })
    expect(got.length).toBeGreaterThan(0)
    expect(got.map((s) => s.code)).toEqual(await expected(h, q))
    expect(got.every((s) => s.distanceM === null)).toBe(true)
  })

  it('with a location: nearest first, with distances; 包头 finds Baotou’s stations', async () => {
    const h = await cloudHarness()
    const here = { lat: 40.6574, lng: 109.8403 }
    const got = await search(h, { q: '包头示例路', latitude: here.lat, longitude: here.lng })
    expect(got.map((s) => s.code)).toEqual(await expected(h, '包头示例路', here))
    expect(got.map((s) => s.distanceM)).toEqual([...got.map((s) => s.distanceM)].sort((a, b) => (a ?? 0) - (b ?? 0)))
    expect(got[0].distanceM).toBeLessThan(20_000)
  })

  it('finds nothing for what no station holds, and leaves out closed and suspended ones', async () => {
    const h = await cloudHarness()
    expect(await search(h, { q: '不存在的街道' })).toEqual([])
    const [one] = await stationsDb(h.store).stations.find({ type: '环卫工人爱心驿站', status: 'active' }, { sort: { _id: 1 }, limit: 1 })
    await stationsDb(h.store).stations.update({ _id: one._id }, { set: { status: 'closed' } })
    const name = one.name
    expect((await search(h, { q: name })).map((s) => s.code)).not.toContain(one._id)
  })

  it('a query of stop pieces only (驿站, 户外劳动者: no station stores them) still answers: the nearest with a location, else matching stations', async () => {
    const h = await cloudHarness()
    const here = { lat: 40.8424, lng: 111.749 }
    const near = await search(h, { q: '驿站', latitude: here.lat, longitude: here.lng })
    expect(near.map((s) => s.code)).toEqual(await expected(h, '驿站', here))
    const anywhere = await search(h, { q: '户外劳动者' })
    expect(anywhere).toHaveLength(30)
    const outdoor = await stationsDb(h.store).stations.find({ type: '户外劳动者服务站点', status: 'active' }, { limit: 1000 })
    expect(anywhere.every((s) => outdoor.some((d) => d._id === s.code))).toBe(true)
    const [stored] = await stationsDb(h.store).stations.find({}, { limit: 1 })
    expect(stored.terms).not.toContain('驿站')
  })

  it('refuses a query of one character or an over-long one, and a bad location', async () => {
    const h = await cloudHarness()
    expect(await h.callAs(null, 'stations', 'search', { q: '环' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请至少输入 2 个字' } })
    expect(await h.callAs(null, 'stations', 'search', { q: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.callAs(null, 'stations', 'search', { q: '路'.repeat(31) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '最多输入 30 个字' } })
    expect(await h.callAs(null, 'stations', 'search', { q: '环卫', latitude: 91, longitude: 111 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '纬度须在 -90 到 90 之间' } })
  })

  it('a query more than one read matches (示例) is answered nearest first through geoNear', async () => {
    const h = await cloudHarness()
    const rows = generateStations(1200, [{ name: '包头', lat: 40.6574, lng: 109.8403, weight: 1, unionIds: ['nmg'] }], { seed: 9, codePrefix: 'BT' })
    const report = await importStations(h.store, rows.map((fields, k) => ({ line: k + 1, fields: { ...fields } })), h.clock.now())
    expect(report.rejected).toEqual([])
    const here = { lat: 40.66, lng: 109.85 }
    const got = await search(h, { q: '示例', latitude: here.lat, longitude: here.lng })
    expect(got.map((s) => s.code)).toEqual(await expected(h, '示例', here))
  })
})
