import { aidDb, type ApplicationDoc } from '../../cloud/features/aid/collections'
import { EXPORT_KEPT_MS, EXPORT_LINK_SECONDS } from '../../cloud/features/aid/export-files'
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
    expect(await aidDb(h.store).exports.count({ fileId: null })).toBe(1)
    // The clerk tries again: this time it works.
    ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    expect(h.wx!.storage.size).toBe(1)
  })

  it('the daily job deletes exports older than a day from cloud storage, and nothing younger', async () => {
    const h = await cloudHarness()
    ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member')))
    ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    const purge = () => dispatch('aid', functions.aid, { action: 'purgeExports', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat: h.wx!.wechat })
    expect(await purge()).toEqual({ ok: true, data: { removed: 0 } })
    h.clock.advance(EXPORT_KEPT_MS + 1000)
    ok(await h.callAs('demo-clerk', 'aid', 'exportCsv', { programmeId: 'aid-hhht-2026' }))
    expect(h.wx!.storage.size).toBe(2)
    expect(await purge()).toEqual({ ok: true, data: { removed: 1 } })
    expect(h.wx!.storage.size).toBe(1)
    expect(await aidDb(h.store).exports.count({})).toBe(1)
  })
})
