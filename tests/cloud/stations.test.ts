import * as v from 'valibot'
import { storedHours, stationsDb, type StationDoc } from '../../cloud/features/stations/collections'
import { importStations } from '../../cloud/features/stations/import'
import { pointOf } from '../../cloud/features/stations/nearby'
import { contract } from '../../domain/contract'
import { isOpenAt } from '../../domain/stations/hours'
import { scanNearest } from '../../domain/stations/search'
import { parseCsv, parseJsonRows } from '../../scripts/lib/read-rows'
import { cloudHarness } from '../helpers/cloud'
import { randomSearch, seededRandom } from '../helpers/stations'

const HOHHOT = { latitude: 40.8424, longitude: 111.749 }

async function allStations(store: Parameters<typeof stationsDb>[0]): Promise<StationDoc[]> {
  return stationsDb(store).stations.find({}, { limit: 1000 })
}

describe('stations.nearby', () => {
  it('anyone, signed in or not, finds the nearest stations with distances, nearest first', async () => {
    const { callAs } = await cloudHarness()
    const result = await callAs(null, 'stations', 'nearby', { ...HOHHOT, k: 10 })
    if (!result.ok) throw new Error(result.error.message)
    expect(v.safeParse(contract.stations.nearby.output, result.data).success).toBe(true)
    const { stations } = result.data as { stations: Array<{ distanceM: number; openNow: boolean }> }
    expect(stations).toHaveLength(10)
    expect(stations.map((s) => s.distanceM)).toEqual([...stations.map((s) => s.distanceM)].sort((a, b) => a - b))
    expect(stations[0].distanceM).toBeLessThan(3000)
  })

  it('gives the same answers as a brute-force scan on many random points and filters', async () => {
    const { callAs, store, clock } = await cloudHarness()
    const docs = await allStations(store)
    const points = docs.map(pointOf)
    const random = seededRandom(7)
    let nonEmpty = 0
    for (let i = 0; i < 120; i++) {
      const { at, input: query } = randomSearch(random, docs)
      clock.set(at)
      const result = await callAs(null, 'stations', 'nearby', query)
      if (!result.ok) throw new Error(result.error.message)
      const got = (result.data as { stations: Array<{ code: string; distanceM: number }> }).stations
      const expected = scanNearest(points, { ...query, lat: query.latitude, lng: query.longitude } as Parameters<typeof scanNearest>[1], clock.now())
      expect(got.map((s) => s.code)).toEqual(expected.map((h) => h.code))
      expect(got.map((s) => s.distanceM)).toEqual(expected.map((h) => Math.round(h.distanceM)))
      if (expected.length) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThan(60)
  })

  it('applies the filters before counting k: k open stations with a microwave', async () => {
    // 04:00 in China: only 24h and overnight stations are open.
    const { callAs, store, clock } = await cloudHarness('2026-11-23T20:00:00.000Z')
    const result = await callAs(null, 'stations', 'nearby', { ...HOHHOT, radiusM: 200_000, k: 5, amenities: ['热饭'], openNow: true })
    if (!result.ok) throw new Error(result.error.message)
    const { stations } = result.data as { stations: Array<{ code: string; amenities: string[]; openNow: boolean }> }
    expect(stations).toHaveLength(5)
    const byCode = new Map((await allStations(store)).map((d) => [d._id, d]))
    for (const s of stations) {
      expect(s.amenities).toContain('热饭')
      expect(s.openNow).toBe(true)
      expect(isOpenAt(storedHours(byCode.get(s.code)!.hours), clock.now())).toBe(true)
    }
    // Without the filter the nearest five are not all of that kind.
    const plain = await callAs(null, 'stations', 'nearby', { ...HOHHOT, radiusM: 200_000, k: 5 })
    const plainStations = (plain as { data: { stations: Array<{ code: string }> } }).data.stations
    expect(plainStations.map((s) => s.code)).not.toEqual(stations.map((s) => s.code))
  })

  it('finds nothing far from every station, and leaves out suspended ones', async () => {
    const { callAs, store } = await cloudHarness()
    expect(await callAs(null, 'stations', 'nearby', { latitude: 30, longitude: 90, radiusM: 5000 })).toMatchObject({ ok: true, data: { stations: [] } })
    const suspended = await stationsDb(store).stations.find({ status: 'suspended' }, { limit: 1000 })
    const all = await callAs(null, 'stations', 'nearby', { ...HOHHOT, radiusM: 200_000, k: 100 })
    const codes = (all as { data: { stations: Array<{ code: string }> } }).data.stations.map((s) => s.code)
    for (const s of suspended) expect(codes).not.toContain(s._id)
  })

  it.each([
    [{ latitude: 'abc', longitude: 111 }, 'latitude', '纬度须为数字'],
    [{ latitude: 91, longitude: 111 }, 'latitude', '纬度须在 -90 到 90 之间'],
    [{ latitude: 40, longitude: -181 }, 'longitude', '经度须在 -180 到 180 之间'],
    [{ latitude: 40, longitude: null }, 'longitude', '经度须为数字'],
    [{ latitude: 40, longitude: 111, radiusM: 0 }, 'radiusM', '搜索半径至少 100 米'],
    [{ latitude: 40, longitude: 111, radiusM: 1e9 }, 'radiusM', '搜索半径最多 200 公里'],
    [{ latitude: 40, longitude: 111, k: 101 }, 'k', '一次最多查 100 个驿站'],
    [{ latitude: 40, longitude: 111, k: 0 }, 'k', '数量至少为 1'],
    [{ latitude: 40, longitude: 111, k: 2.5 }, 'k', '数量须为整数'],
    [{ latitude: 40, longitude: 111, amenities: ['按摩'] }, 'amenities.0', '未知的服务设施'],
    [{ latitude: 40, longitude: 111, types: ['加油站'] }, 'types.0', '未知的站点类型'],
    [{ latitude: 40, longitude: 111, openid: 'x' }, 'openid', '不支持的字段：openid'],
  ])('refuses %p with a clear message', async (input, field, message) => {
    const { callAs } = await cloudHarness()
    const result = await callAs(null, 'stations', 'nearby', input)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message, fields: { [field]: message } } })
  })
})

describe('stations.get', () => {
  it('shows a station’s detail to anyone; only the managing union’s staff may edit', async () => {
    const { callAs, store } = await cloudHarness()
    const [doc] = await stationsDb(store).stations.find({ unionId: 'hhht-xc' }, { limit: 1 })
    const anonymous = await callAs(null, 'stations', 'get', { code: doc._id })
    if (!anonymous.ok) throw new Error(anonymous.error.message)
    expect(v.safeParse(contract.stations.get.output, anonymous.data).success).toBe(true)
    expect(anonymous.data).toMatchObject({ code: doc._id, name: doc.name, unionName: '新城区总工会', canEdit: false, photos: doc.photos })
    // Demo stations carry the bundled illustrative photos (most of them: every fifth has none).
    const withPhotos = await stationsDb(store).stations.count({ 'photos.0': { $exists: true } })
    expect(withPhotos).toBeGreaterThan(250)
    expect(await callAs('demo-clerk', 'stations', 'get', { code: doc._id })).toMatchObject({ ok: true, data: { canEdit: true } })
    expect(await callAs('demo-city-clerk', 'stations', 'get', { code: doc._id })).toMatchObject({ ok: true, data: { canEdit: true } })
    expect(await callAs('demo-hm-clerk', 'stations', 'get', { code: doc._id })).toMatchObject({ ok: true, data: { canEdit: false } })
    expect(await callAs(null, 'stations', 'get', { code: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('stations.update', () => {
  async function setup() {
    const harness = await cloudHarness()
    harness.clock.advance(3600_000)
    const [doc] = await stationsDb(harness.store).stations.find({ unionId: 'hhht-xc', status: 'active' }, { limit: 1 })
    return { ...harness, doc }
  }
  const auditCount = (store: Parameters<typeof stationsDb>[0]) => store.collection('audit').count({})

  it('staff of the managing union change hours, amenities, status and the verified date; audited; searches see it', async () => {
    const { callAs, store, doc } = await setup()
    const result = await callAs('demo-clerk', 'stations', 'update', {
      code: doc._id, expectedUpdatedAt: doc.updatedAt, hours: '24h', amenities: ['换电柜', '饮水'], verifiedOn: '2026-11-20',
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(v.safeParse(contract.stations.update.output, result.data).success).toBe(true)
    expect(result.data).toMatchObject({ hours: '24h', hoursText: ['24 小时营业'], amenities: ['饮水', '换电柜'], verifiedOn: '2026-11-20', openNow: true })
    const [entry] = await store.collection<{ _id: string; actor: string; action: string; before: unknown; after: unknown }>('audit').find({ 'target.id': doc._id }, { limit: 1000 })
    expect(entry).toMatchObject({ actor: 'demo-clerk', action: 'stations.update', before: { amenities: doc.amenities, verifiedOn: doc.verifiedOn }, after: { amenities: ['饮水', '换电柜'], verifiedOn: '2026-11-20' } })
    // The index follows the edit: a search for 换电柜 right here finds it first.
    const near = await callAs(null, 'stations', 'nearby', { latitude: doc.lat, longitude: doc.lng, k: 1, amenities: ['换电柜'] })
    expect(near).toMatchObject({ ok: true, data: { stations: [{ code: doc._id, distanceM: 0 }] } })
    // Suspending takes it out of searches.
    const after = (result.data as { updatedAt: string }).updatedAt
    expect(await callAs('demo-clerk', 'stations', 'update', { code: doc._id, expectedUpdatedAt: after, status: 'suspended' })).toMatchObject({ ok: true, data: { status: 'suspended', openNow: false } })
    const gone = await callAs(null, 'stations', 'nearby', { latitude: doc.lat, longitude: doc.lng, k: 1 })
    expect((gone as { data: { stations: Array<{ code: string }> } }).data.stations[0]?.code).not.toBe(doc._id)
  })

  it('a union above may edit; a sibling union, a worker or nobody may not, and nothing changes', async () => {
    const { callAs, store, doc } = await setup()
    const audits = await auditCount(store)
    for (const [who, code] of [['demo-hm-clerk', 'FORBIDDEN'], ['demo-worker', 'FORBIDDEN'], ['demo-merchant', 'FORBIDDEN'], [null, 'UNAUTHENTICATED']] as const) {
      expect(await callAs(who, 'stations', 'update', { code: doc._id, expectedUpdatedAt: doc.updatedAt, status: 'closed' })).toMatchObject({ ok: false, error: { code } })
    }
    expect(await stationsDb(store).stations.get(doc._id)).toEqual(doc)
    expect(await auditCount(store)).toBe(audits)
    expect(await callAs('demo-city-clerk', 'stations', 'update', { code: doc._id, expectedUpdatedAt: doc.updatedAt, status: 'closed' })).toMatchObject({ ok: true, data: { status: 'closed' } })
  })

  it('refuses bad hours, nothing to change, a stale version, and an unknown station', async () => {
    const { callAs, store, doc } = await setup()
    const base = { code: doc._id, expectedUpdatedAt: doc.updatedAt }
    expect(await callAs('demo-clerk', 'stations', 'update', { ...base, hours: 'mon 08:00-' })).toMatchObject({ ok: false, error: { code: 'BAD_HOURS' } })
    expect(await callAs('demo-clerk', 'stations', 'update', base)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '没有要修改的内容' } })
    expect(await callAs('demo-clerk', 'stations', 'update', { ...base, amenities: ['按摩'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await callAs('demo-clerk', 'stations', 'update', { ...base, verifiedOn: '20.11.2026' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '核实日期须为 YYYY-MM-DD' } })
    expect(await callAs('demo-clerk', 'stations', 'update', { ...base, expectedUpdatedAt: '2020-01-01T00:00:00.000Z', status: 'closed' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await callAs('demo-clerk', 'stations', 'update', { ...base, code: 'NOPE', status: 'closed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await stationsDb(store).stations.get(doc._id)).toEqual(doc)
    expect(await auditCount(store)).toBe(0)
  })

  it('of two edits made on the same version at once, one wins and the other is told', async () => {
    const { callAs, store, doc } = await setup()
    const results = await Promise.all(
      ['active', 'suspended', 'closed', 'suspended'].map((status) => callAs('demo-clerk', 'stations', 'update', { code: doc._id, expectedUpdatedAt: doc.updatedAt, status })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(3)
    expect(await auditCount(store)).toBe(1)
  })
})

describe('the station importer', () => {
  const header = 'code,name,type,lat,lng,address,amenities,hours,phone,unionId,photos,verifiedOn,status'
  const good = (code: string, extra = '') => `${code},示例驿站${code}（演示）,环卫工人爱心驿站,40.81,111.70,"示例路1号,东门",饮水|热饭,daily 05:00-21:00,0471-6000001,hhht-xc,,2026-10-01,${extra}`

  it('imports the good rows, reports each bad row with its line and reason, and can be repeated', async () => {
    const { store, clock } = await cloudHarness()
    const before = await stationsDb(store).stations.count({})
    const csv = [
      header,
      good('T001'),
      'T002,坏坐标（演示）,环卫工人爱心驿站,abc,111.7,地址,饮水,24h,,hhht-xc,,2026-10-01,',
      'T003,国外（演示）,环卫工人爱心驿站,48.85,2.35,地址,饮水,24h,,hhht-xc,,2026-10-01,',
      'T004,坏时间（演示）,环卫工人爱心驿站,40.8,111.7,地址,饮水,mon 25:00-26:00,,hhht-xc,,2026-10-01,',
      'T005,坏设施（演示）,环卫工人爱心驿站,40.8,111.7,地址,饮水|按摩,24h,,hhht-xc,,2026-10-01,',
      'T006,"多行\n地址（演示）",环卫工人爱心驿站,40.8,111.7,地址,饮水,24h,,no-such-union,,2026-10-01,',
      good('T007'),
      good('T001'),
    ].join('\n')
    const rows = parseCsv(csv)
    const report = await importStations(store, rows, clock.now())
    expect(report).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 })
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([[3, 'T002'], [4, 'T003'], [5, 'T004'], [6, 'T005'], [7, 'T006'], [10, 'T001']])
    expect(report.rejected.map((r) => r.reasons.join('；'))).toEqual([
      '经纬度须为数字', '坐标不在中国境内：48.85,2.35', '时间段写法不对：25:00-26:00', '未知的服务设施：按摩', '未知的管理工会：no-such-union', '同一文件中站点编码重复',
    ])
    expect(await stationsDb(store).stations.count({})).toBe(before + 2)
    const t001 = await stationsDb(store).stations.get('T001')
    expect(t001).toMatchObject({ address: '示例路1号,东门', unionPath: ['nmg', 'hhht', 'hhht-xc'], amenities: ['饮水', '热饭'] })

    // Again: nothing more changes.
    expect(await importStations(store, rows, clock.now())).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 })
    expect(await stationsDb(store).stations.count({})).toBe(before + 2)

    // A changed row updates that station whole.
    const changed = parseCsv([header, good('T001').replace('daily 05:00-21:00', '24h')].join('\n'))
    expect(await importStations(store, changed, clock.now())).toMatchObject({ inserted: 0, updated: 1 })
    expect(await stationsDb(store).stations.get('T001')).toMatchObject({ hours: '24h', address: '示例路1号,东门' })
  })

  it('new stations are found by the next search', async () => {
    const { store, clock, callAs } = await cloudHarness()
    await callAs(null, 'stations', 'nearby', { ...HOHHOT })
    await importStations(store, parseCsv([header, good('T100').replace('40.81,111.70', '41.5,113.5')].join('\n')), clock.now())
    expect(await callAs(null, 'stations', 'nearby', { latitude: 41.5, longitude: 113.5, k: 1 })).toMatchObject({ ok: true, data: { stations: [{ code: 'T100', distanceM: 0 }] } })
  })

  it('reads JSON rows with the line each object starts on', () => {
    const rows = parseJsonRows('[\n  {"code": "A1", "name": "x"},\n  {\n    "code": "A2"\n  }\n]')
    expect(rows.map((r) => [r.line, r.fields.code])).toEqual([[2, 'A1'], [3, 'A2']])
    expect(parseCsv('\ufeffcode,name\r\nA,"x, ""y"""\r\n\r\nB,z\r\n')).toEqual([
      { line: 2, fields: { code: 'A', name: 'x, "y"' } },
      { line: 4, fields: { code: 'B', name: 'z' } },
    ])
  })
})
