import { aidDb, type ApplicationDoc } from '../../cloud/features/aid/collections'
import { EXPORT_KEPT_MS, EXPORT_LINK_SECONDS, exportFiles } from '../../cloud/lib/exportFiles'
import { dispatch } from '../../cloud/lib/dispatch'
import { functions } from '../../cloud/functions'
import { cloudHarness, FUNCTION_RESULT_MAX_BYTES } from '../helpers/cloud'
import { applicationInput, code, exportedCsv, ok } from '../helpers/aid'
import { describeOn, STORE_KIND } from '../helpers/store'

/** A programme's list as 10,000 rows: more than one read, and (as CSV) more than a function may answer in WeChat. */
async function tenThousand() {
  const h = await cloudHarness()
  const template = ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
  const doc = (await aidDb(h.store).applications.get(template.id)) as ApplicationDoc
  const docs = Array.from({ length: 9_999 }, (_, i): ApplicationDoc => ({
    ...doc,
    _id: `bulk-${String(i).padStart(5, '0')}`,
    childKey: `bulk-child-${i}`,
    idempotencyKey: `bulk-${i}`,
    submittedAt: new Date(Date.parse(doc.submittedAt) - (i + 1) * 60_000).toISOString(),
    child: { ...doc.child, name: `示例学生${i}（演示）` },
  }))
  await aidDb(h.store).applications.insertMany(docs)
  return h
}

describe('aid.exportCsv at a programme’s size', () => {
  it('exports 10,000 applications, every one once, oldest first', async () => {
    const h = await tenThousand()
    const out = ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    expect(out.rows).toBe(10_000)
    const lines = exportedCsv(h, out).trimEnd().split('\r\n')
    expect(lines).toHaveLength(10_001)
    const ids = lines.slice(1).map((line) => line.split(',')[0])
    expect(new Set(ids).size).toBe(10_000)
    expect(ids[0]).toBe('bulk-09998')
    // Delivered as the platform allows: the CSV itself locally (over 1 MB), a short-lived link in
    // WeChat, where a function's answer may be at most 1 MB.
    if (STORE_KIND === 'wx') {
      expect(Buffer.byteLength(JSON.stringify(out))).toBeLessThan(FUNCTION_RESULT_MAX_BYTES)
      expect(out).toMatchObject({ csv: null, url: expect.stringMatching(/^https:\/\//) })
      expect(h.wx!.links.at(-1)?.maxAge).toBe(EXPORT_LINK_SECONDS)
    } else {
      expect(out.url).toBeNull()
      expect(Buffer.byteLength(out.csv!)).toBeGreaterThan(FUNCTION_RESULT_MAX_BYTES)
    }
  }, 120_000)
})

describeOn('wx', 'exports go through cloud storage', () => {
  it('a storage failure mid-upload answers INTERNAL; no link, no file; the record goes with the daily job', async () => {
    const h = await cloudHarness()
    ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    h.wx!.failNext('uploadFile')
    expect(code(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))).toBe('INTERNAL')
    expect(h.wx!.storage.size).toBe(0)
    expect(await exportFiles(h.store).count({ fileId: null })).toBe(1)
    // The clerk tries again: this time it works.
    ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    expect(h.wx!.storage.size).toBe(1)
  })

  it('the daily job deletes exports older than a day from cloud storage, and nothing younger', async () => {
    const h = await cloudHarness()
    ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    const purge = () => dispatch('aid', functions.aid, { action: 'purgeExports', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat: h.wx!.wechat })
    expect(await purge()).toEqual({ ok: true, data: { removed: 0, uploads: { removed: 0, ids: [] } } })
    h.clock.advance(EXPORT_KEPT_MS + 1000)
    ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    expect(h.wx!.storage.size).toBe(2)
    expect(await purge()).toEqual({ ok: true, data: { removed: 1, uploads: { removed: 0, ids: [] } } })
    expect(h.wx!.storage.size).toBe(1)
    expect(await exportFiles(h.store).count({})).toBe(1)
  })
})

// #14 item 7: what a spreadsheet would run as a formula, however it is dressed up.
describe('aid.exportCsv defuses formulas', () => {
  it.each([
    ['fullwidth ＝', '＝HYPERLINK("x","点")'],
    ['fullwidth ＋', '＋1+cmd|calc'],
    ['fullwidth －', '－2+3'],
    ['fullwidth ＠', '＠SUM(1,2)'],
    ['a zero-width space first', '\u200B=1+1'],
    ['a word joiner first', '\u2060+1'],
    ['a byte order mark first', '\uFEFF@SUM(1)'],
    ['a right-to-left mark first', '\u200F-1'],
  ])('%s in a child’s name or school is exported as text', async (_label, dangerous) => {
    const h = await cloudHarness()
    const input = await applicationInput(h.store, 'demo-member')
    ok(await h.callAs('demo-member', 'aid', 'submit', { ...input, child: { ...input.child, name: dangerous, school: dangerous } }))
    const csv = exportedCsv(h, ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' })))
    const fields = csv.trimEnd().split('\r\n')[1].match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ''))
    for (const field of [fields[2], fields[4]]) {
      const text = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field
      expect(text.startsWith("'")).toBe(true)
      expect(text).not.toMatch(/[\u200B-\u200F\u2060\uFEFF]/)
    }
  })

  it('leaves ordinary text as it is', async () => {
    const h = await cloudHarness()
    const input = await applicationInput(h.store, 'demo-member')
    ok(await h.callAs('demo-member', 'aid', 'submit', { ...input, child: { ...input.child, name: '张－明', school: '内蒙古大学（示例）' } }))
    const csv = exportedCsv(h, ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' })))
    expect(csv.trimEnd().split('\r\n')[1].split(',').slice(2, 5)).toEqual(['张－明', expect.any(String), '内蒙古大学（示例）'])
  })
})
