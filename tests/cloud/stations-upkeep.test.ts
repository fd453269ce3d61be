import * as v from 'valibot'
import { stationsDb } from '../../cloud/features/stations/collections'
import { contract } from '../../domain/contract'
import { cloudHarness } from '../helpers/cloud'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
type Result = { ok: boolean; data?: unknown; error?: { code: string; message: string } }

function data<T>(result: Result): T {
  if (!result.ok) throw new Error(result.error?.message)
  return result.data as T
}

/** A new station of 新城区总工会 as the form sends it. */
const form = (over: Record<string, unknown> = {}) => ({
  code: 'XC-NEW-01',
  name: '新华大街环卫驿站',
  type: '环卫工人爱心驿站',
  latitude: 40.8456,
  longitude: 111.7012,
  address: '新城区新华大街 88 号',
  hours: 'daily 22:00-06:00',
  amenities: ['热饭', '饮水'],
  phone: '0471-6661234',
  photos: [],
  unionId: 'hhht-xc',
  status: 'active',
  ...over,
})

const audits = (h: Harness, action: string) => h.store.collection<{ _id: string; action: string; unionPath: string[]; after: unknown }>('audit').find({ action }, { limit: 10 })
const search = async (h: Harness, q: string) => data<{ stations: Array<{ code: string }> }>(await h.callAs(null, 'stations', 'search', { q })).stations.map((s) => s.code)

describe('stations.save: a clerk adds, edits, pauses and retires stations of their subtree', () => {
  it('adds a station with overnight hours: findable by name, on the map, audited with unionPath', async () => {
    const h = await cloudHarness()
    const saved = data<{ code: string; updatedAt: string }>(await h.callAs('demo-clerk', 'stations', 'save', form()))
    expect(v.safeParse(contract.stations.save.output, saved).success).toBe(true)
    const detail = data<{ name: string; hours: string; amenities: string[]; verifiedOn: string; canEdit: boolean; unionName: string }>(await h.callAs('demo-clerk', 'stations', 'get', { code: 'XC-NEW-01' }))
    // Amenities in their canonical order; verified today (China time), as the clerk has just looked.
    expect(detail).toMatchObject({ name: '新华大街环卫驿站', hours: expect.stringMatching(/^mon 22:00-06:00; .* sun 22:00-06:00$/), amenities: ['饮水', '热饭'], verifiedOn: '2026-11-23', canEdit: true, unionName: '新城区总工会' })
    expect(await search(h, '新华大街')).toContain('XC-NEW-01')
    const near = data<{ stations: Array<{ code: string }> }>(await h.callAs(null, 'stations', 'nearby', { latitude: 40.8456, longitude: 111.7012, k: 3 }))
    expect(near.stations[0].code).toBe('XC-NEW-01')
    const [entry] = await audits(h, 'stations.add')
    expect(entry.unionPath).toEqual(['nmg', 'hhht', 'hhht-xc'])
  })

  it('bad input gets the importer’s reasons in Chinese and changes nothing', async () => {
    const h = await cloudHarness()
    const count = await stationsDb(h.store).stations.count({})
    const bad = await h.callAs('demo-clerk', 'stations', 'save', form({ latitude: 51.5, longitude: -0.12, hours: 'mon-fri 9点-17点', phone: 'abc' }))
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(bad.ok ? '' : bad.error.message).toMatch(/坐标不在中国境内.*时间段写法不对.*电话格式不对/)
    expect(await h.callAs('demo-clerk', 'stations', 'save', form({ type: '加油站' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择站点类型' } })
    expect(await stationsDb(h.store).stations.count({})).toBe(count)
    // A taken code is never overwritten by an add.
    await h.callAs('demo-clerk', 'stations', 'save', form())
    expect(await h.callAs('demo-clerk', 'stations', 'save', form({ name: '另一个' }))).toMatchObject({ ok: false, error: { code: 'STATION_CODE_TAKEN' } })
    expect((await stationsDb(h.store).stations.get('XC-NEW-01'))?.name).toBe('新华大街环卫驿站')
  })

  it('edits on the version seen (a stale one is a CONFLICT), then pauses and retires: out of search, retired refuses reports', async () => {
    const h = await cloudHarness()
    const first = data<{ updatedAt: string }>(await h.callAs('demo-clerk', 'stations', 'save', form()))
    h.clock.advance(60_000)
    const edited = data<{ updatedAt: string }>(await h.callAs('demo-clerk', 'stations', 'save', form({ name: '新华大街爱心驿站', hours: '24h', expectedUpdatedAt: first.updatedAt })))
    expect(edited.updatedAt).not.toBe(first.updatedAt)
    expect(await h.callAs('demo-clerk', 'stations', 'save', form({ name: '旧版本的修改', expectedUpdatedAt: first.updatedAt }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const [entry] = await audits(h, 'stations.save')
    // Only what changed is in the trail (and the new version and search pieces that follow from it).
    expect(Object.keys(entry.after as object).sort()).toEqual(['hours', 'name', 'terms', 'updatedAt'])
    expect(await search(h, '新华大街爱心')).toEqual(['XC-NEW-01'])

    const paused = data<{ updatedAt: string }>(await h.callAs('demo-clerk', 'stations', 'save', form({ name: '新华大街爱心驿站', hours: '24h', status: 'suspended', expectedUpdatedAt: edited.updatedAt })))
    expect(await search(h, '新华大街爱心')).toEqual([])
    // Paused still hears from people (it may have reopened).
    expect((await h.callAs(null, 'stations', 'report', { code: 'XC-NEW-01', kind: 'other', note: '好像又开门了' })).ok).toBe(true)
    data(await h.callAs('demo-clerk', 'stations', 'save', form({ name: '新华大街爱心驿站', hours: '24h', status: 'closed', expectedUpdatedAt: paused.updatedAt })))
    expect(await h.callAs(null, 'stations', 'report', { code: 'XC-NEW-01', kind: 'other' })).toMatchObject({ ok: false, error: { code: 'STATION_RETIRED' } })
    const managed = data<{ stations: Array<{ code: string; status: string }> }>(await h.callAs('demo-clerk', 'stations', 'managed', { q: 'XC-NEW-01' }))
    expect(managed.stations).toEqual([expect.objectContaining({ code: 'XC-NEW-01', status: 'closed' })])
  })

  it('a station of another subtree, or a union out of reach: FORBIDDEN with a clear message, nothing changes', async () => {
    const h = await cloudHarness()
    const [hm] = await stationsDb(h.store).stations.find({ unionId: 'hhht-hm' }, { sort: { _id: 1 }, limit: 1 })
    const edit = await h.callAs('demo-clerk', 'stations', 'save', form({ code: hm._id, unionId: 'hhht-xc', expectedUpdatedAt: hm.updatedAt }))
    expect(edit).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能新增或修改本工会及下级工会管理的驿站' } })
    expect(await h.callAs('demo-clerk', 'stations', 'save', form({ unionId: 'hhht-hm' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs('demo-member', 'stations', 'save', form())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.callAs(null, 'stations', 'save', form())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await stationsDb(h.store).stations.get(hm._id)).toEqual(hm)
    expect(await stationsDb(h.store).stations.get('XC-NEW-01')).toBeNull()
    // A union above manages both: the city clerk moves it to a union below.
    expect((await h.callAs('demo-city-clerk', 'stations', 'save', form({ unionId: 'hhht-xc-xyt' }))).ok).toBe(true)
    expect((await stationsDb(h.store).stations.get('XC-NEW-01'))?.unionPath).toEqual(['nmg', 'hhht', 'hhht-xc', 'hhht-xc-xyt'])
    // Another subtree's stations are not in the clerk's list.
    const listed = data<{ stations: Array<{ code: string }> }>(await h.callAs('demo-hm-clerk', 'stations', 'managed', {}))
    expect(listed.stations.length).toBeGreaterThan(0)
    expect(listed.stations.map((s) => s.code)).not.toContain('XC-NEW-01')
    expect(data<{ stations: unknown[] }>(await h.callAs('demo-hm-clerk', 'stations', 'managed', { q: 'XC-NEW-01' })).stations).toEqual([])
  })
})

describe('a report’s photo', () => {
  it('a signed-in sender attaches their own report photo; only the managing union’s queue links it; someone else’s or anonymous is refused', async () => {
    const h = await cloudHarness()
    const [xc] = await stationsDb(h.store).stations.find({ unionId: 'hhht-xc', status: 'active' }, { sort: { _id: 1 }, limit: 1 })
    // As the local server records an upload (server/photos.ts); WeChat's registerPhoto writes the same.
    await stationsDb(h.store).photos.insert({ _id: 'a'.repeat(32), owner: 'demo-member', purpose: 'report', type: 'image/png', size: 70, createdAt: h.clock.now().toISOString() })
    const count = await stationsDb(h.store).reports.count({})
    expect(await h.callAs(null, 'stations', 'report', { code: xc._id, kind: 'amenity', amenity: '热饭', photo: 'a'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await h.callAs('demo-worker', 'stations', 'report', { code: xc._id, kind: 'amenity', amenity: '热饭', photo: 'a'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await stationsDb(h.store).reports.count({})).toBe(count)
    expect((await h.callAs('demo-member', 'stations', 'report', { code: xc._id, kind: 'amenity', amenity: '热饭', note: '微波炉坏了', photo: 'a'.repeat(32) })).ok).toBe(true)
    const queue = data<{ items: Array<{ note: string; photo: string | null }> }>(await h.callAs('demo-clerk', 'stations', 'reports', {}))
    expect(v.safeParse(contract.stations.reports.output, queue).success).toBe(true)
    expect(queue.items.find((r) => r.note === '微波炉坏了')?.photo).toBe(`/api/photos/${'a'.repeat(32)}`)
    expect(data<{ items: unknown[] }>(await h.callAs('demo-hm-clerk', 'stations', 'reports', {})).items).toEqual([])
  })
})
