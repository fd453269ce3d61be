import * as v from 'valibot'
import { stationsDb } from '../../cloud/features/stations/collections'
import { contract } from '../../domain/contract'
import { IMPORT_APPLY_BATCH, IMPORT_COLUMNS, IMPORT_LIMITS } from '../../domain/stations/upkeep'
import { cloudHarness } from '../helpers/cloud'
import { itOn } from '../helpers/store'

type Result = { ok: boolean; data?: unknown; error?: { code: string; message: string } }
interface RowReport { line: number; code: string; ok: boolean; outcome: string | null; reasons: string[] }
interface Checked { total: number; good: number; bad: number; rows: RowReport[] }

function data<T>(result: Result): T {
  if (!result.ok) throw new Error(result.error?.message)
  return result.data as T
}

const HEADER = IMPORT_COLUMNS.join(',')
const row = (code: string, over: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}) => {
  const base: Record<string, string> = { code, name: `导入驿站${code}`, type: '户外劳动者服务站点', lat: '40.85', lng: '111.70', address: '新城区示例路 1 号', amenities: '饮水|充电', hours: 'mon-fri 08:00-20:00', phone: '', unionId: 'hhht-xc', photos: '', verifiedOn: '2026-11-20', status: 'active', ...over }
  return IMPORT_COLUMNS.map((c) => base[c]).join(',')
}
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n')

describe('stations CSV import through the cloud: check → per-row report → apply', () => {
  it('reports every row (line, code, ok or the reason) and writes nothing; apply writes only the good rows, once', async () => {
    const h = await cloudHarness()
    const [hm] = await stationsDb(h.store).stations.find({ unionId: 'hhht-hm' }, { sort: { _id: 1 }, limit: 1 })
    const file = csv(
      row('IMP-1'),
      row('IMP-2', { lat: '91.5' }),
      row('IMP-1', { name: '重复' }),
      row('IMP-3', { type: '加油站', amenities: '饮水|桑拿' }),
      row('IMP-4', { unionId: 'hhht-hm' }),
      row(hm._id),
      row('IMP-5', { hours: 'daily 22:00-06:00' }),
    )
    const count = await stationsDb(h.store).stations.count({})
    const checked = data<Checked>(await h.callAs('demo-clerk', 'stations', 'checkImport', { csv: file }))
    expect(v.safeParse(contract.stations.checkImport.output, checked).success).toBe(true)
    expect(await stationsDb(h.store).stations.count({})).toBe(count)
    expect(checked).toMatchObject({ total: 7, good: 2, bad: 5 })
    const byLine = new Map(checked.rows.map((r) => [r.line, r]))
    expect(byLine.get(2)).toEqual({ line: 2, code: 'IMP-1', ok: true, outcome: 'insert', reasons: [] })
    expect(byLine.get(3)?.reasons).toEqual(['坐标不在中国境内：91.5,111.7'])
    expect(byLine.get(4)?.reasons).toEqual(['同一文件中站点编码重复'])
    expect(byLine.get(5)?.reasons).toEqual(['未知的站点类型：加油站', '未知的服务设施：桑拿'])
    expect(byLine.get(6)?.reasons).toEqual(['管理工会不存在或不在你的管辖范围内：hhht-hm'])
    expect(byLine.get(7)?.reasons).toEqual(['站点编码已被其他工会的驿站使用'])
    expect(byLine.get(8)).toMatchObject({ code: 'IMP-5', ok: true, outcome: 'insert' })

    const applied = data<Checked & { inserted: number; updated: number; unchanged: number }>(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: file }))
    expect(v.safeParse(contract.stations.applyImport.output, applied).success).toBe(true)
    expect(applied).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, bad: 5 })
    expect(await stationsDb(h.store).stations.count({})).toBe(count + 2)
    expect((await stationsDb(h.store).stations.get('IMP-1'))?.unionPath).toEqual(['nmg', 'hhht', 'hhht-xc'])
    expect(await stationsDb(h.store).stations.get(hm._id)).toEqual(hm)
    const [entry] = await h.store.collection<{ _id: string; action: string; unionPath: string[]; after: { codes: string[] } }>('audit').find({ action: 'stations.import' }, { limit: 5 })
    expect(entry).toMatchObject({ unionPath: ['nmg', 'hhht', 'hhht-xc'], after: { codes: ['IMP-1', 'IMP-5'] } })

    // The same file again: idempotent by code.
    expect(data<{ inserted: number; unchanged: number }>(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: file }))).toMatchObject({ inserted: 0, unchanged: 2 })
    // A changed row updates the station; the check says so first.
    const changed = csv(row('IMP-1', { name: '导入驿站（改名）' }))
    expect(data<Checked>(await h.callAs('demo-clerk', 'stations', 'checkImport', { csv: changed })).rows[0]).toMatchObject({ ok: true, outcome: 'update' })
    expect(data<{ updated: number }>(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: changed })).updated).toBe(1)
    expect((await stationsDb(h.store).stations.get('IMP-1'))?.name).toBe('导入驿站（改名）')
  })

  it('applies a large file in batches: each call writes its rows only, a repeated or resumed call writes nothing twice, a code repeated across batches is refused', async () => {
    const h = await cloudHarness()
    const { stations } = stationsDb(h.store)
    const before = await stations.count({})
    const n = 2 * IMPORT_APPLY_BATCH + 200
    // The last row repeats the first row's code, a whole batch apart.
    const file = csv(...Array.from({ length: n - 1 }, (_, i) => row(`BAT-${i}`)), row('BAT-0', { name: '重复' }))
    type Applied = Checked & { from: number; next: number | null; inserted: number; updated: number; unchanged: number }
    const apply = async (from?: number) => data<Applied>(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: file, ...(from === undefined ? {} : { from }) }))

    const first = await apply()
    expect(v.safeParse(contract.stations.applyImport.output, first).success).toBe(true)
    expect(first).toMatchObject({ total: n, good: n - 1, bad: 1, from: 0, next: IMPORT_APPLY_BATCH, inserted: IMPORT_APPLY_BATCH, updated: 0, unchanged: 0 })
    expect(first.rows.map((r) => r.line)).toEqual(Array.from({ length: IMPORT_APPLY_BATCH }, (_, i) => i + 2))
    expect(await stations.count({})).toBe(before + IMPORT_APPLY_BATCH)
    expect(await stations.get(`BAT-${IMPORT_APPLY_BATCH}`)).toBeNull()

    // The same batch again (an answer lost on the way): nothing more is written.
    expect(await apply(0)).toMatchObject({ next: IMPORT_APPLY_BATCH, inserted: 0, unchanged: IMPORT_APPLY_BATCH })
    expect(await stations.count({})).toBe(before + IMPORT_APPLY_BATCH)

    expect(await apply(IMPORT_APPLY_BATCH)).toMatchObject({ from: IMPORT_APPLY_BATCH, next: 2 * IMPORT_APPLY_BATCH, inserted: IMPORT_APPLY_BATCH })
    const last = await apply(2 * IMPORT_APPLY_BATCH)
    expect(last).toMatchObject({ next: null, inserted: 199, bad: 1 })
    expect(last.rows[last.rows.length - 1]).toEqual({ line: n + 1, code: 'BAT-0', ok: false, outcome: null, reasons: ['同一文件中站点编码重复'] })
    expect(await stations.count({})).toBe(before + n - 1)
    expect((await stations.get('BAT-0'))?.name).toBe('导入驿站BAT-0')
    // Past the end: refused, nothing written.
    expect(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: file, from: n })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('导入位置不正确') } })
    expect(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: file, from: 1.5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // One audit entry per batch that wrote something.
    expect(await h.store.collection<{ _id: string; action: string }>('audit').count({ action: 'stations.import' })).toBe(3)
  })

  it('refuses, changing nothing: too many rows, no rows, missing columns, no clerk', async () => {
    const h = await cloudHarness()
    const count = await stationsDb(h.store).stations.count({})
    const many = csv(...Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => row(`MANY-${i}`)))
    expect(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: many })).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('一次最多导入 5000 行') } })
    expect(await h.callAs('demo-clerk', 'stations', 'checkImport', { csv: 'x'.repeat(IMPORT_LIMITS.maxBytes + 1) })).toMatchObject({ ok: false, error: { message: expect.stringContaining('CSV 文件过大') } })
    expect(await h.callAs('demo-clerk', 'stations', 'checkImport', { csv: HEADER })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('没有数据行') } })
    expect(await h.callAs('demo-clerk', 'stations', 'checkImport', { csv: 'code,name\nA1,甲' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^CSV 缺少列：type、lat、lng/) } })
    expect(await h.callAs('demo-clerk', 'stations', 'checkImport', {})).toMatchObject({ ok: false, error: { message: '请选择或粘贴一个 CSV 文件' } })
    expect(await h.callAs('demo-member', 'stations', 'applyImport', { csv: csv(row('IMP-9')) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await stationsDb(h.store).stations.count({})).toBe(count)
  })

  itOn('wx', 'WeChat cloud storage', 'reads a CSV the app put in cloud storage (stations/imports/), and nothing else in the bucket', async () => {
    const h = await cloudHarness()
    const wx = h.wx
    if (!wx) throw new Error('the WeChat home has its services')
    const fileId = wx.putFromApp('stations/imports/a.csv', Buffer.from(`\uFEFF${csv(row('IMP-W1'), row('IMP-W2', { lng: 'abc' }))}`))
    const checked = data<Checked>(await h.callAs('demo-clerk', 'stations', 'checkImport', { fileId }))
    expect(checked).toMatchObject({ total: 2, good: 1, bad: 1 })
    expect(checked.rows[1].reasons).toEqual(['经纬度须为数字'])
    expect(data<{ inserted: number }>(await h.callAs('demo-clerk', 'stations', 'applyImport', { fileId })).inserted).toBe(1)
    const other = wx.putFromApp('aid/a.csv', Buffer.from(csv(row('IMP-W3'))))
    expect(await h.callAs('demo-clerk', 'stations', 'checkImport', { fileId: other })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const gbk = wx.putFromApp('stations/imports/gbk.csv', Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xd5, 0xbe, 0xb5, 0xe3, 0xff]))
    expect(await h.callAs('demo-clerk', 'stations', 'checkImport', { fileId: gbk })).toMatchObject({ ok: false, error: { message: expect.stringContaining('UTF-8') } })
  })
})

describe('applyImport within WeChat\'s time limit', () => {
  // Requests, not milliseconds: each one crosses Tencent's network in WeChat, and the function has
  // cloud/functions/settings.ts's timeout for a call. npm run bench -- stations-import times them.
  itOn('wx', 'counts requests to the database server', 'a batch of changed rows sends about one request a row, a batch of new rows a few in all', async () => {
    const h = await cloudHarness()
    let requests = 0
    const send = h.server!.send.bind(h.server!)
    h.server!.send = ((action, params) => {
      requests++
      return send(action, params)
    }) as typeof send
    const file = (suffix: string) => csv(...Array.from({ length: IMPORT_APPLY_BATCH }, (_, i) => row(`REQ-${i}`, { name: `请求驿站${i}${suffix}` })))
    requests = 0
    expect(data<{ inserted: number; next: number | null }>(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: file('') }))).toMatchObject({ inserted: IMPORT_APPLY_BATCH, next: null })
    expect(requests).toBeLessThanOrEqual(30)
    requests = 0
    expect(data<{ updated: number }>(await h.callAs('demo-clerk', 'stations', 'applyImport', { csv: file('（改）') }))).toMatchObject({ updated: IMPORT_APPLY_BATCH })
    expect(requests).toBeGreaterThanOrEqual(IMPORT_APPLY_BATCH)
    expect(requests).toBeLessThanOrEqual(IMPORT_APPLY_BATCH + 10)
  })
})
