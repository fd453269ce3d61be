import { aidDb, UNREVIEWED, type ApplicationDoc } from '../../cloud/features/aid/collections'
import { reviewLevels } from '../../cloud/features/aid/levels'
import { fixedClock } from '../../cloud/lib/clock'
import { ensureIndexes } from '../../cloud/functions/schema'
import { dispatch } from '../../cloud/lib/dispatch'
import { randomSecrets } from '../../cloud/lib/secrets'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import { functions } from '../../cloud/functions'
import { seedDemo } from '../../server/seed/demo'
import { checkCharacter, maskIdCard } from '../../domain/idcard'
import { cardFor, PDF, PNG } from '../../server/seed/samples'
import { round } from './stats'
import type { Results } from './results'


/** The i-th made-up child's ID number (born in 2008, a distinct sequence number each). */
function childId(i: number): string {
  const first17 = `150102${20080101 + (i % 28)}${String(100 + Math.floor(i / 28)).padStart(3, '0')}`
  return first17 + checkCharacter(first17)
}

/**
 * aid.submit_per_s: the demo member sends `n` applications (a different child each) over HTTP,
 * each with its two documents uploaded first, 4 at a time; the figure counts whole applications.
 */
async function submitPerSecond(url: string, results: Results, n = 120, concurrency = 4) {
  const login = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'member' }) })
  const { token } = (await login.json()) as { token: string }
  const auth = { Authorization: `Bearer ${token}` }
  const upload = async (type: string, body: Buffer) => {
    const r = await fetch(`${url}/api/upload`, { method: 'POST', headers: { ...auth, 'Content-Type': type }, body: new Uint8Array(body) })
    if (!r.ok) throw new Error(`upload: HTTP ${r.status}`)
    return ((await r.json()) as { data: { fileId: string } }).data.fileId
  }
  const apply = async (i: number) => {
    const [letter, proof] = await Promise.all([upload('image/png', PNG), upload('application/pdf', PDF)])
    const data = {
      programmeId: 'aid-hhht-2026',
      idempotencyKey: `bench-${i}-${Date.now()}`,
      child: { name: `测试学生${i}`, idNumber: childId(i), relation: 'parent', school: '示例大学（演示）', major: '', admissionYear: 2026, level: 'undergraduate' },
      household: { size: 3, annualIncomeFen: 3_600_000, category: 'dibao', description: '压测数据（虚构）' },
      documents: [
        { kind: 'admission_letter', fileId: letter },
        { kind: 'hardship_proof', fileId: proof },
      ],
      consents: { sensitive: true },
      payout: { bank: '示例银行', cardNumber: cardFor() },
    }
    const r = await fetch(`${url}/api/cloud/aid`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'submit', data }) })
    if (!r.ok) throw new Error(`submit: HTTP ${r.status} ${await r.text()}`)
  }
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await apply(next++)
    }),
  )
  const seconds = (performance.now() - start) / 1000
  results.add('aid.submit_per_s', round(n / seconds, 1), `applications/s (${n}, 2 uploads each, ${concurrency} at a time)`)
}

/**
 * aid.export_10k_ms: exportCsv over 10,000 applications. They are inserted straight into an
 * in-memory embedded store in this process (10,000 submissions over HTTP would take minutes and
 * measure submit again); the export itself runs through the same dispatcher and action.
 */
async function export10k(results: Results, n = 10_000) {
  const store = createNedbStore(null)
  const clock = fixedClock('2026-11-23T08:00:00.000Z')
  await ensureIndexes(store)
  await seedDemo(store, clock)
  const secrets = randomSecrets()
  const applications = aidDb(store).applications
  for (let i = 0; i < n; i++) {
    const id = childId(i)
    const unionPath = ['nmg', 'hhht', 'hhht-xc', i % 2 ? 'hhht-xc-kd' : 'hhht-xc-hw']
    const doc: ApplicationDoc = {
      _id: `bench-${i}`,
      programmeId: 'aid-hhht-2026',
      year: 2026,
      owner: `bench-owner-${i}`,
      idempotencyKey: `k${i}`,
      unionPath,
      unionId: unionPath[3],
      ...reviewLevels(unionPath),
      status: 'submitted',
      child: { name: `测试学生${i}`, idSealed: 'v1.x.y.z', idMasked: maskIdCard(id), relation: 'parent', school: '示例大学（演示）', major: '', admissionYear: 2026, level: 'undergraduate', age: 18 },
      childKey: `bench-key-${i}`,
      household: { size: 3, annualIncomeFen: 3_600_000, perCapitaMonthlyFen: 100_000, category: 'dibao', description: '压测数据（虚构）' },
      documents: [],
      fileIds: [],
      consents: { sensitive: true, guardian: false, at: '2026-11-23T08:00:00.000Z' },
      payout: { bank: '示例银行', cardSealed: 'v1.x.y.z', cardMasked: '**** 0000' },
      submittedAt: new Date(Date.parse('2026-11-01T00:00:00.000Z') + i * 1000).toISOString(),
      updatedAt: '2026-11-23T08:00:00.000Z',
      ...UNREVIEWED,
    }
    await applications.insert(doc)
  }
  const start = performance.now()
  const result = await dispatch('aid', functions.aid, { action: 'exportCsv', data: { programmeId: 'aid-hhht-2026' } }, { identity: { openid: 'demo-city-clerk' }, store, clock, secrets })
  const ms = performance.now() - start
  if (!result.ok || (result.data as { rows: number }).rows !== n) throw new Error(`export failed: ${JSON.stringify(result).slice(0, 200)}`)
  results.add('aid.export_10k_ms', round(ms, 0), `ms (${n} rows, in-process store, CSV ${Math.round((result.data as { csv: string }).csv.length / 1024)} KB)`)
  await store.close()
}

export async function benchAid(url: string, results: Results): Promise<void> {
  await submitPerSecond(url, results)
  await export10k(results)
}
