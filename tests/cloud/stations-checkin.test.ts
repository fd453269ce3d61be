import * as v from 'valibot'
import { joinDb } from '../../cloud/features/join/collections'
import { stationsDb, type StationDoc } from '../../cloud/features/stations/collections'
import { contract, type ActionOutput } from '../../domain/contract'
import { ANONYMOUS_CHECKINS_PER_STATION_DAY, CHECKIN_PAGE } from '../../domain/stations/checkin'
import { cloudHarness } from '../helpers/cloud'
import { wechatStub } from '../helpers/wx-fake'

/** #18 item 3: 打卡 by the station's QR, its poster, card checks at a station, and the figures (#17 item 2). */

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } }
const DAY = 24 * 3600 * 1000

function ok<T>(answer: Answer): T {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`)
  return answer.data as T
}

/** Two active stations of 新城区 (demo-clerk's) and one of 回民区 (demo-hm-clerk's), by code. */
async function stationsOf(h: Harness): Promise<{ xc: StationDoc; xc2: StationDoc; hm: StationDoc }> {
  const { stations } = stationsDb(h.store)
  const [xc, xc2] = await stations.find({ unionId: 'hhht-xc', status: 'active' }, { sort: { _id: 1 }, limit: 2 })
  const [hm] = await stations.find({ unionId: 'hhht-hm', status: 'active' }, { sort: { _id: 1 }, limit: 1 })
  return { xc, xc2, hm }
}

const visitsOf = async (h: Harness, code: string, day: string) => (await stationsDb(h.store).visits.get(`${code}:${day}`)) ?? { visits: 0, anonymous: 0 }
const setStatus = (h: Harness, code: string, status: StationDoc['status']) => stationsDb(h.store).stations.update({ _id: code }, { set: { status } })

describe('stations.checkIn (打卡)', () => {
  it('counts a signed-in person once per station per China day, keeps no list of who visited, and counts again the next day', async () => {
    const h = await cloudHarness()
    const { xc, xc2 } = await stationsOf(h)
    const first = ok<ActionOutput<'stations', 'checkIn'>>(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id }))
    expect(v.safeParse(contract.stations.checkIn.output, first).success).toBe(true)
    expect(first).toEqual({ code: xc._id, name: xc.name, result: 'counted', day: '2026-11-23' })
    expect(ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id }))).toMatchObject({ result: 'already' })
    expect(ok(await h.callAs('demo-worker', 'stations', 'checkIn', { code: xc._id }))).toMatchObject({ result: 'counted' })
    expect(ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc2._id }))).toMatchObject({ result: 'counted' })
    expect(await visitsOf(h, xc._id, '2026-11-23')).toMatchObject({ visits: 2, anonymous: 0, unionPath: xc.unionPath })
    expect(await visitsOf(h, xc2._id, '2026-11-23')).toMatchObject({ visits: 1 })

    // Only counts and unlinkable marks: no openid, and one person's marks at two stations differ in everything but the day.
    const marks = await stationsDb(h.store).marks.find({}, { limit: 10 })
    expect(marks).toHaveLength(3)
    expect(JSON.stringify([marks, await stationsDb(h.store).visits.find({}, { limit: 10 })])).not.toMatch(/demo-/)
    const hashes = marks.map((m) => m._id.split(':')[2])
    expect(new Set(hashes).size).toBe(3)

    // The next China day (08:00 UTC + 16 h = 00:00 in China): counted again; yesterday's marks of that station are gone.
    h.clock.advance(16 * 3600 * 1000)
    expect(ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id }))).toMatchObject({ result: 'counted', day: '2026-11-24' })
    expect(await visitsOf(h, xc._id, '2026-11-24')).toMatchObject({ visits: 1 })
    expect(await stationsDb(h.store).marks.count({ station: xc._id })).toBe(1)
    expect(await stationsDb(h.store).marks.count({ station: xc2._id })).toBe(1)
  })

  it('signed out: counted apart, up to the cap per station per day even when sent all at once; then a clear refusal that changes nothing', async () => {
    const h = await cloudHarness()
    const { xc, xc2 } = await stationsOf(h)
    const burst = await Promise.all(Array.from({ length: ANONYMOUS_CHECKINS_PER_STATION_DAY + 5 }, () => h.callAs(null, 'stations', 'checkIn', { code: xc._id })))
    expect(burst.filter((a) => a.ok)).toHaveLength(ANONYMOUS_CHECKINS_PER_STATION_DAY)
    expect(burst.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '这个驿站今天未登录的打卡已达上限，请登录后再打卡' } })
    expect(await visitsOf(h, xc._id, '2026-11-23')).toMatchObject({ visits: ANONYMOUS_CHECKINS_PER_STATION_DAY, anonymous: ANONYMOUS_CHECKINS_PER_STATION_DAY })
    // Signed in still counts there; another station's cap is its own; the next day starts afresh.
    expect(ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id }))).toMatchObject({ result: 'counted' })
    expect(ok(await h.callAs(null, 'stations', 'checkIn', { code: xc2._id }))).toMatchObject({ result: 'counted' })
    expect(await visitsOf(h, xc._id, '2026-11-23')).toMatchObject({ visits: ANONYMOUS_CHECKINS_PER_STATION_DAY + 1, anonymous: ANONYMOUS_CHECKINS_PER_STATION_DAY })
    h.clock.advance(DAY)
    expect(ok(await h.callAs(null, 'stations', 'checkIn', { code: xc._id }))).toMatchObject({ result: 'counted', day: '2026-11-24' })
  })

  it('a paused or retired station, an unknown code and a bad code: a clear message, nothing counted', async () => {
    const h = await cloudHarness()
    const { xc, xc2 } = await stationsOf(h)
    await setStatus(h, xc._id, 'closed')
    await setStatus(h, xc2._id, 'suspended')
    expect(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id })).toMatchObject({ ok: false, error: { code: 'STATION_RETIRED', message: expect.stringContaining('已撤销，不能打卡') } })
    expect(await h.callAs(null, 'stations', 'checkIn', { code: xc2._id })).toMatchObject({ ok: false, error: { code: 'STATION_PAUSED', message: '这个驿站暂停服务，暂不能打卡；恢复后再来' } })
    expect(await h.callAs('demo-member', 'stations', 'checkIn', { code: 'NO-SUCH' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到这个驿站' } })
    expect(await h.callAs('demo-member', 'stations', 'checkIn', { code: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await stationsDb(h.store).visits.count({})).toBe(0)
    expect(await stationsDb(h.store).marks.count({})).toBe(0)
  })
})

describe('stations.poster (打卡海报)', () => {
  it('staff of the managing union or above get it; in WeChat the 小程序码 of the check-in page with the code as scene, made once', async () => {
    const codes: Array<{ page: string; scene: string }> = []
    const wechat = wechatStub({
      async unlimitedCode(page, scene) {
        codes.push({ page, scene })
        return Buffer.from([0x89, 0x50, 0x4e, 0x47])
      },
      async uploadFile(cloudPath) {
        return `cloud://env-1.bucket/${cloudPath}`
      },
    })
    const h = await cloudHarness(undefined, { wechat })
    const { xc } = await stationsOf(h)
    const poster = ok<ActionOutput<'stations', 'poster'>>(await h.callAs('demo-clerk', 'stations', 'poster', { code: xc._id }))
    expect(v.safeParse(contract.stations.poster.output, poster).success).toBe(true)
    expect(poster).toEqual({ code: xc._id, name: xc.name, type: xc.type, unionName: '新城区总工会', status: 'active', fileId: `cloud://env-1.bucket/station-codes/${xc._id}.png` })
    expect(ok(await h.callAs('demo-city-clerk', 'stations', 'poster', { code: xc._id }))).toMatchObject({ fileId: poster.fileId })
    expect(codes).toEqual([{ page: `/${CHECKIN_PAGE}`, scene: xc._id }])
  })

  it('another subtree, a member and a retired station are refused; the embedded home answers no file', async () => {
    const h = await cloudHarness(undefined, { wechat: null })
    const { xc } = await stationsOf(h)
    expect(ok(await h.callAs('demo-clerk', 'stations', 'poster', { code: xc._id }))).toMatchObject({ fileId: null })
    expect(await h.callAs('demo-hm-clerk', 'stations', 'poster', { code: xc._id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs('demo-member', 'stations', 'poster', { code: xc._id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs(null, 'stations', 'poster', { code: xc._id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    await setStatus(h, xc._id, 'closed')
    expect(await h.callAs('demo-clerk', 'stations', 'poster', { code: xc._id })).toMatchObject({ ok: false, error: { code: 'STATION_RETIRED' } })
  })
})

describe('member card checks at a station (驿站核验)', () => {
  it('a check opened from a station is counted for the clerk’s union and for the station; online and offline', async () => {
    const h = await cloudHarness()
    const { xc, hm } = await stationsOf(h)
    const card = ok<{ token: string }>(await h.callAs('demo-member', 'member', 'card', {}))
    ok(await h.callAs('demo-clerk', 'member', 'verifyCard', { token: card.token, stationCode: xc._id }))
    ok(await h.callAs('demo-clerk', 'member', 'verifyCard', { token: card.token }))
    ok(await h.callAs('demo-clerk', 'member', 'recordOfflineChecks', { count: 3, idempotencyKey: 'offline-batch-1', stationCode: xc._id }))
    ok(await h.callAs('demo-clerk', 'member', 'recordOfflineChecks', { count: 3, idempotencyKey: 'offline-batch-1', stationCode: xc._id }))
    const today = ok<ActionOutput<'member', 'cardChecks'>>(await h.callAs('demo-clerk', 'member', 'cardChecks', { stationCode: xc._id }))
    expect(v.safeParse(contract.member.cardChecks.output, today).success).toBe(true)
    expect(today).toMatchObject({ place: { kind: 'union', id: 'hhht-xc' }, online: 2, offline: 3, station: { code: xc._id, name: xc.name, checks: 4 } })
    const stored = await joinDb(h.store).checks.find({ station: xc._id }, { limit: 10 })
    expect(stored.map((d) => d.stationPath)).toEqual([xc.unionPath, xc.unionPath])
    expect(JSON.stringify(stored)).not.toContain('demo-')

    // Another subtree's station, a cashier at a station, an unknown station: refused, nothing counted.
    const before = await joinDb(h.store).checks.count({})
    const refusal = { ok: false, error: { code: 'FORBIDDEN', message: '只有驿站管理工会的工作人员才能在驿站核验会员码' } }
    expect(await h.callAs('demo-clerk', 'member', 'verifyCard', { token: card.token, stationCode: hm._id })).toMatchObject(refusal)
    expect(await h.callAs('demo-merchant', 'member', 'verifyCard', { token: card.token, stationCode: xc._id })).toMatchObject(refusal)
    expect(await h.callAs('demo-clerk', 'member', 'recordOfflineChecks', { count: 1, idempotencyKey: 'offline-batch-2', stationCode: 'NO-SUCH' })).toMatchObject(refusal)
    expect(await joinDb(h.store).checks.count({})).toBe(before)
  })
})

describe('review.figures: stations with visits and card checks (#17 item 2)', () => {
  it('hand-counted: per union below, in the period only, and 回民区’s clerk never sees 新城区’s counts', async () => {
    // Monday 2026-11-02, 16:00 in China.
    const h = await cloudHarness('2026-11-02T08:00:00.000Z')
    const { xc, xc2, hm } = await stationsOf(h)
    // October: one visit at 新城区's, not in November.
    h.clock.set(new Date('2026-10-31T08:00:00.000Z'))
    ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id }))
    h.clock.set(new Date('2026-11-02T08:00:00.000Z'))
    // November: 新城区 — 2 signed-in + 1 anonymous at xc, 1 at xc2, the member again (already); 2 card checks at xc (one online, one offline), 1 with no station.
    // 回民区 — 1 visit at hm and 1 card check there by its clerk.
    ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id }))
    ok(await h.callAs('demo-worker', 'stations', 'checkIn', { code: xc._id }))
    ok(await h.callAs(null, 'stations', 'checkIn', { code: xc._id }))
    ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc2._id }))
    ok(await h.callAs('demo-member', 'stations', 'checkIn', { code: xc._id }))
    ok(await h.callAs('demo-worker', 'stations', 'checkIn', { code: hm._id }))
    const fresh = ok<{ token: string }>(await h.callAs('demo-member', 'member', 'card', {}))
    ok(await h.callAs('demo-clerk', 'member', 'verifyCard', { token: fresh.token, stationCode: xc._id }))
    ok(await h.callAs('demo-clerk', 'member', 'recordOfflineChecks', { count: 1, idempotencyKey: 'offline-fig-1', stationCode: xc2._id }))
    ok(await h.callAs('demo-clerk', 'member', 'verifyCard', { token: fresh.token }))
    ok(await h.callAs('demo-hm-clerk', 'member', 'verifyCard', { token: fresh.token, stationCode: hm._id }))

    const november = { period: 'custom', from: '2026-11-01', to: '2026-11-30' }
    type Figures = ActionOutput<'review', 'figures'>
    const row = (f: Figures, label: string) => {
      const t = f.tables.find((x) => x.key === 'stations')!
      const r = t.rows.find((x) => x.label === label)!
      return Object.fromEntries(t.columns.slice(2).map((c, i) => [c, r.values[i + 2]]))
    }
    const city = ok<Figures>(await h.callAs('demo-city-clerk', 'review', 'figures', november))
    expect(row(city, '新城区总工会')).toEqual({ 打卡到访: 4, 其中未登录: 1, 会员核验: 2 })
    expect(row(city, '回民区总工会')).toEqual({ 打卡到访: 1, 其中未登录: 0, 会员核验: 1 })
    expect(row(city, '合计')).toEqual({ 打卡到访: 5, 其中未登录: 1, 会员核验: 3 })
    const october = ok<Figures>(await h.callAs('demo-city-clerk', 'review', 'figures', { period: 'custom', from: '2026-10-01', to: '2026-10-31' }))
    expect(row(october, '合计')).toEqual({ 打卡到访: 1, 其中未登录: 0, 会员核验: 0 })

    const xcFigures = ok<Figures>(await h.callAs('demo-clerk', 'review', 'figures', november))
    expect(row(xcFigures, '合计')).toEqual({ 打卡到访: 4, 其中未登录: 1, 会员核验: 2 })
    const hmFigures = ok<Figures>(await h.callAs('demo-hm-clerk', 'review', 'figures', november))
    expect(row(hmFigures, '合计')).toEqual({ 打卡到访: 1, 其中未登录: 0, 会员核验: 1 })
    expect(hmFigures.tables.find((t) => t.key === 'stations')!.rows.map((r) => r.label).join()).not.toMatch(/新城区/)
  })
})
