import * as v from 'valibot'
import { stationsDb, type ReportDoc, type StationDoc } from '../../cloud/features/stations/collections'
import { contract } from '../../domain/contract'
import { REPORT_LIMITS } from '../../domain/stations/reports'
import { cloudHarness } from '../helpers/cloud'

type Harness = Awaited<ReturnType<typeof cloudHarness>>

/** An active station managed by 新城区总工会 (demo-clerk's) and one by 回民区总工会 (demo-hm-clerk's). */
async function stationsOf(h: Harness): Promise<{ xc: StationDoc; hm: StationDoc }> {
  const { stations } = stationsDb(h.store)
  const [xc] = await stations.find({ unionId: 'hhht-xc', status: 'active' }, { sort: { _id: 1 }, limit: 1 })
  const [hm] = await stations.find({ unionId: 'hhht-hm', status: 'active' }, { sort: { _id: 1 }, limit: 1 })
  return { xc, hm }
}

function data<T>(result: { ok: boolean; data?: unknown; error?: { message: string } }): T {
  if (!result.ok) throw new Error(result.error?.message)
  return result.data as T
}

const detailOf = async (h: Harness, who: string | null, code: string) => data<{ warnings: string[]; status: string; verifiedOn: string; helpfulRecent: number; helpfulToday: boolean }>(await h.callAs(who, 'stations', 'get', { code }))

describe('stations.report and the clerks’ queue', () => {
  it('anyone reports a broken microwave; the detail warns; the managing union’s clerk sees it (not who sent it) and resolves it; the warning goes', async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const sent = await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'amenity', amenity: '热饭', note: '微波炉坏了' })
    expect(sent.ok).toBe(true)
    expect((await detailOf(h, null, xc._id)).warnings).toEqual(['有用户反馈：热饭设施缺失或损坏（待核实）'])

    h.clock.advance(3 * 3600 * 1000)
    const queue = data<{ items: Array<{ id: string; code: string; note: string; waiting: string }>; total: number }>(await h.callAs('demo-clerk', 'stations', 'reports', {}))
    expect(v.safeParse(contract.stations.reports.output, queue).success).toBe(true)
    expect(queue.total).toBe(1)
    expect(queue.items[0]).toMatchObject({ code: xc._id, note: '微波炉坏了', waiting: '已等待 3 小时' })
    expect(JSON.stringify(queue)).not.toMatch(/sender|demo-/)

    const resolved = await h.callAs('demo-clerk', 'stations', 'resolve', { id: queue.items[0].id, outcome: 'confirmed', note: '已换新微波炉' })
    expect(resolved.ok).toBe(true)
    const after = await detailOf(h, null, xc._id)
    expect(after.warnings).toEqual([])
    expect(after.verifiedOn).toBe('2026-11-23')
    expect(data<{ total: number }>(await h.callAs('demo-clerk', 'stations', 'reports', {})).total).toBe(0)
    const audits = await h.store.collection<{ _id: string; action: string }>('audit').find({ action: 'stations.resolve' }, { limit: 10 })
    expect(audits).toHaveLength(1)
  })

  it('a confirmed 关门 closes the station: it leaves the search, and a report on it is refused, changing nothing', async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const { id } = data<{ id: string }>(await h.callAs('demo-member', 'stations', 'report', { code: xc._id, kind: 'closed' }))
    const near = { latitude: xc.lat, longitude: xc.lng, k: 5 }
    expect(data<{ stations: Array<{ code: string }> }>(await h.callAs(null, 'stations', 'nearby', near)).stations[0].code).toBe(xc._id)
    expect((await h.callAs('demo-clerk', 'stations', 'resolve', { id, outcome: 'confirmed', note: '现场核实已关闭' })).ok).toBe(true)
    expect((await detailOf(h, null, xc._id)).status).toBe('closed')
    expect(data<{ stations: Array<{ code: string }> }>(await h.callAs(null, 'stations', 'nearby', near)).stations.map((s) => s.code)).not.toContain(xc._id)
    const count = await stationsDb(h.store).reports.count({})
    expect(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'other', note: '还在吗' })).toMatchObject({ ok: false, error: { code: 'STATION_RETIRED', message: expect.stringContaining('已撤销') } })
    expect(await stationsDb(h.store).reports.count({})).toBe(count)
  })

  it('a clerk of another subtree neither sees nor resolves the report; a union above does both', async () => {
    const h = await cloudHarness()
    const { xc, hm } = await stationsOf(h)
    const { id } = data<{ id: string }>(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'hours', note: '周日不开门' }))
    await h.callAs(null, 'stations', 'report', { code: hm._id, kind: 'phone' })
    const hmQueue = data<{ items: Array<{ code: string }>; total: number }>(await h.callAs('demo-hm-clerk', 'stations', 'reports', {}))
    expect(hmQueue.items.map((r) => r.code)).toEqual([hm._id])
    expect(await h.callAs('demo-hm-clerk', 'stations', 'resolve', { id, outcome: 'rejected', note: '越权' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.callAs('demo-member', 'stations', 'reports', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await stationsDb(h.store).reports.get(id))?.status).toBe('open')
    const city = data<{ total: number }>(await h.callAs('demo-city-clerk', 'stations', 'reports', {}))
    expect(city.total).toBe(2)
    expect((await h.callAs('demo-city-clerk', 'stations', 'resolve', { id, outcome: 'rejected', note: '营业时间无误' })).ok).toBe(true)
    // Resolved once only.
    expect(await h.callAs('demo-clerk', 'stations', 'resolve', { id, outcome: 'confirmed', note: '再次处理' })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } })
  })

  it('the queue is oldest first; resolving may change the station with the edit’s rules (bad hours change nothing)', async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const first = data<{ id: string }>(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'hours' }))
    h.clock.advance(60_000)
    await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'phone' })
    const queue = data<{ items: Array<{ id: string }> }>(await h.callAs('demo-clerk', 'stations', 'reports', {}))
    expect(queue.items[0].id).toBe(first.id)
    expect(await h.callAs('demo-clerk', 'stations', 'resolve', { id: first.id, outcome: 'confirmed', note: '改时间', hours: 'mon-fri 25:00-26:00' })).toMatchObject({ ok: false, error: { code: 'BAD_HOURS' } })
    expect((await stationsDb(h.store).reports.get(first.id))?.status).toBe('open')
    const done = data<{ station: { hoursText: string[] } }>(await h.callAs('demo-clerk', 'stations', 'resolve', { id: first.id, outcome: 'confirmed', note: '改时间', hours: 'daily 08:00-20:00' }))
    expect(done.station.hoursText).toEqual(['每天 08:00–20:00'])
  })

  it('refuses a 设施 report without the amenity, a long note and an unknown station, storing nothing', async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    expect(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'amenity' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择是哪项设施' } })
    expect(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'other', note: '长'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.callAs(null, 'stations', 'report', { code: 'NOPE01', kind: 'other' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'broken' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择问题类型' } })
    expect(await stationsDb(h.store).reports.count({})).toBe(0)
  })
})

describe('the report queue pages', () => {
  it('120 open reports: 50, 50 and 20, oldest first, each once, with the total; a report resolved meanwhile shifts nothing', async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const start = h.clock.now().getTime()
    // Written straight into the store (the limits would take hours of reports); two share each time.
    const docs: ReportDoc[] = Array.from({ length: 120 }, (_, i) => ({ _id: `report-page-${String(i).padStart(3, '0')}`, station: xc._id, unionPath: xc.unionPath, kind: 'other', amenity: null, note: `第${i}条`, sender: null, anonymous: true, day: '2026-11-23', status: 'open', createdAt: new Date(start - (120 - Math.floor(i / 2)) * 60_000).toISOString() }))
    await stationsDb(h.store).reports.insertMany(docs)
    type Page = { items: Array<{ id: string }>; nextCursor: string | null; total: number }
    const first = data<Page>(await h.callAs('demo-clerk', 'stations', 'reports', {}))
    expect(v.safeParse(contract.stations.reports.output, first).success).toBe(true)
    expect(first).toMatchObject({ total: 120 })
    expect(first.items).toHaveLength(50)
    // One of the first page is resolved before the next page is read.
    expect((await h.callAs('demo-clerk', 'stations', 'resolve', { id: first.items[0].id, outcome: 'rejected', note: '已核实' })).ok).toBe(true)
    const second = data<Page>(await h.callAs('demo-clerk', 'stations', 'reports', { cursor: first.nextCursor }))
    const third = data<Page>(await h.callAs('demo-clerk', 'stations', 'reports', { cursor: second.nextCursor }))
    expect([second.items.length, third.items.length, third.nextCursor]).toEqual([50, 20, null])
    expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual(docs.map((d) => d._id))
    expect(third.total).toBe(119)
    expect(await h.callAs('demo-clerk', 'stations', 'reports', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '列表位置不正确，请下拉刷新后重试' } })
  })
})

describe('report rate limits', () => {
  it(`one person sending 100 reports in a minute gets a clear message after ${REPORT_LIMITS.perPersonPerMinute}; a minute later they may again`, async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const results = []
    for (let i = 0; i < 100; i++) results.push(await h.callAs('demo-member', 'stations', 'report', { code: xc._id, kind: 'other', note: `第${i}条` }))
    expect(results.filter((r) => r.ok)).toHaveLength(REPORT_LIMITS.perPersonPerMinute)
    expect(results[REPORT_LIMITS.perPersonPerMinute]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('每人每分钟最多') } })
    expect(await stationsDb(h.store).reports.count({})).toBe(REPORT_LIMITS.perPersonPerMinute)
    // Another person is not held back by the first.
    expect((await h.callAs('demo-worker', 'stations', 'report', { code: xc._id, kind: 'other' })).ok).toBe(true)
    h.clock.advance(61_000)
    expect((await h.callAs('demo-member', 'stations', 'report', { code: xc._id, kind: 'other' })).ok).toBe(true)
  })

  it(`a burst of ${REPORT_LIMITS.perPersonPerMinute + 5} reports from one person at once: exactly ${REPORT_LIMITS.perPersonPerMinute} accepted (the count and the check are one step)`, async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const burst = await Promise.all(Array.from({ length: REPORT_LIMITS.perPersonPerMinute + 5 }, (_, i) => h.callAs('demo-member', 'stations', 'report', { code: xc._id, kind: 'other', note: `同时第${i}条` })))
    expect(burst.filter((r) => r.ok)).toHaveLength(REPORT_LIMITS.perPersonPerMinute)
    expect(burst.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toBe(true)
    expect(await stationsDb(h.store).reports.count({})).toBe(REPORT_LIMITS.perPersonPerMinute)
  })

  it('anonymous bursts at once: exactly the station’s day and everyone’s minute', async () => {
    const h = await cloudHarness()
    const many = await stationsDb(h.store).stations.find({ status: 'active' }, { sort: { _id: 1 }, limit: 40 })
    const one = await Promise.all(Array.from({ length: REPORT_LIMITS.anonymousPerStationPerDay + 5 }, () => h.callAs(null, 'stations', 'report', { code: many[0]._id, kind: 'other' })))
    expect(one.filter((r) => r.ok)).toHaveLength(REPORT_LIMITS.anonymousPerStationPerDay)
    h.clock.advance(61_000)
    const spread = await Promise.all(many.slice(1, REPORT_LIMITS.anonymousPerMinute + 6).map((s) => h.callAs(null, 'stations', 'report', { code: s._id, kind: 'other' })))
    expect(spread.filter((r) => r.ok)).toHaveLength(REPORT_LIMITS.anonymousPerMinute)
    expect(await stationsDb(h.store).reports.count({ anonymous: true })).toBe(REPORT_LIMITS.anonymousPerStationPerDay + REPORT_LIMITS.anonymousPerMinute)
  })

  it('a retry of the same report (same key) is the same report, not counted again', async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const input = { code: xc._id, kind: 'other', idempotencyKey: 'retry-key-0001' }
    const a = data<{ id: string }>(await h.callAs('demo-member', 'stations', 'report', input))
    const b = data<{ id: string }>(await h.callAs('demo-member', 'stations', 'report', input))
    expect(b.id).toBe(a.id)
    expect(await stationsDb(h.store).reports.count({})).toBe(1)
  })

  it('anonymous reports: a few per station per day, and a cap across all stations per minute', async () => {
    const h = await cloudHarness()
    const { stations } = stationsDb(h.store)
    const many = await stations.find({ status: 'active' }, { sort: { _id: 1 }, limit: 30 })
    const one = many[0]
    for (let i = 0; i < REPORT_LIMITS.anonymousPerStationPerDay; i++) expect((await h.callAs(null, 'stations', 'report', { code: one._id, kind: 'other' })).ok).toBe(true)
    expect(await h.callAs(null, 'stations', 'report', { code: one._id, kind: 'other' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('请登录后再反馈') } })
    // Signed in, the same person may still report it.
    expect((await h.callAs('demo-member', 'stations', 'report', { code: one._id, kind: 'other' })).ok).toBe(true)
    // Spread over stations: the minute's cap.
    let refused = 0
    for (const s of many.slice(1)) {
      const r = await h.callAs(null, 'stations', 'report', { code: s._id, kind: 'other' })
      if (!r.ok) {
        expect(r.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('匿名反馈太多了') })
        refused++
      }
    }
    expect(await stationsDb(h.store).reports.count({ anonymous: true })).toBe(REPORT_LIMITS.anonymousPerMinute)
    expect(refused).toBe(many.length - 1 - (REPORT_LIMITS.anonymousPerMinute - REPORT_LIMITS.anonymousPerStationPerDay))
    // The next China day, the station takes anonymous reports again.
    h.clock.advance(24 * 3600 * 1000)
    expect((await h.callAs(null, 'stations', 'report', { code: one._id, kind: 'other' })).ok).toBe(true)
  })
})

describe('the report limits’ rows', () => {
  it('of past China days are deleted by the next day’s first window; today’s stay and the limits still hold', async () => {
    const h = await cloudHarness()
    const { xc } = await stationsOf(h)
    const { counters } = stationsDb(h.store)
    for (let i = 0; i < REPORT_LIMITS.anonymousPerStationPerDay; i++) expect((await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'other' })).ok).toBe(true)
    expect((await h.callAs('demo-member', 'stations', 'report', { code: xc._id, kind: 'other' })).ok).toBe(true)
    const day1 = '2026-11-23'
    expect(await counters.count({ day: day1 })).toBe(3)

    h.clock.advance(24 * 3600 * 1000)
    const day2 = '2026-11-24'
    expect((await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'other' })).ok).toBe(true)
    expect(await counters.count({ day: day1 })).toBe(0)
    expect(await counters.count({ day: day2 })).toBe(2)
    // A later window of the same day deletes nothing of today's.
    h.clock.advance(61_000)
    expect((await h.callAs('demo-member', 'stations', 'report', { code: xc._id, kind: 'other' })).ok).toBe(true)
    expect(await counters.count({ day: day2 })).toBe(3)
    // Today's anonymous cap on the station still counts the report made before the clean-up.
    for (let i = 1; i < REPORT_LIMITS.anonymousPerStationPerDay; i++) expect((await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'other' })).ok).toBe(true)
    expect(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'other' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await counters.count({})).toBe(await counters.count({ day: day2 }))
  })
})

describe('stations.helpful (有用)', () => {
  it('once per person per station per China day; the detail counts the last 30 days', async () => {
    // 2026-11-23 23:00 in China.
    const h = await cloudHarness('2026-11-23T15:00:00.000Z')
    const { xc } = await stationsOf(h)
    expect(data<{ helpfulRecent: number }>(await h.callAs('demo-member', 'stations', 'helpful', { code: xc._id })).helpfulRecent).toBe(1)
    expect(await h.callAs('demo-member', 'stations', 'helpful', { code: xc._id })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('今天已经点过') } })
    expect(await detailOf(h, 'demo-member', xc._id)).toMatchObject({ helpfulRecent: 1, helpfulToday: true })
    expect(await detailOf(h, 'demo-worker', xc._id)).toMatchObject({ helpfulRecent: 1, helpfulToday: false })
    expect(data<{ helpfulRecent: number }>(await h.callAs('demo-worker', 'stations', 'helpful', { code: xc._id })).helpfulRecent).toBe(2)
    // Two hours later it is the next China day.
    h.clock.advance(2 * 3600 * 1000)
    expect(data<{ helpfulRecent: number }>(await h.callAs('demo-member', 'stations', 'helpful', { code: xc._id })).helpfulRecent).toBe(3)
    h.clock.advance(31 * 24 * 3600 * 1000)
    expect((await detailOf(h, null, xc._id)).helpfulRecent).toBe(0)
    expect(await h.callAs(null, 'stations', 'helpful', { code: xc._id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(JSON.stringify(await stationsDb(h.store).helpful.find({}, { limit: 10 }))).not.toMatch(/demo-/)
  })
})
