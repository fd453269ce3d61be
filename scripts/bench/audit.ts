import { systemClock } from '../../cloud/lib/clock'
import type { AuditDoc, RoleDoc } from '../../cloud/lib/collections'
import { dispatch } from '../../cloud/lib/dispatch'
import { functions } from '../../cloud/functions'
import { ensureIndexes } from '../../cloud/functions/schema'
import { randomSecrets } from '../../cloud/lib/secrets'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import { seedDemo } from '../../server/seed/demo'
import { chinaToday } from '../../domain/time'
import type { Results } from './results'
import { percentile, round, timeEach } from './stats'

const ENTRIES = 200_000
const BATCH = 10_000
/** The demo tree's unions, each with its path: entries spread over the whole province. */
const PATHS = [
  ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'],
  ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-hw'],
  ['nmg', 'hhht', 'hhht-xc'],
  ['nmg', 'hhht', 'hhht-hm', 'hhht-hm-jz'],
  ['nmg', 'hhht'],
]
const ACTIONS = ['join.approve', 'join.reject', 'transfer.accept', 'aid.verify', 'org.edit']
const ACTORS = ['demo-clerk', 'demo-city-clerk', 'demo-hm-clerk', 'system']

/**
 * staff.audit_page_p95_ms: a page of the 台账's audit trail for the root union's clerk over 200,000
 * entries over the past year, on the embedded store in this process (the action itself, no HTTP): the first
 * page, a page filtered by action, by person, and by a month half a year back, 40 of each.
 */
export async function benchAudit(results: Results, entries = ENTRIES): Promise<void> {
  const store = createNedbStore(null)
  await ensureIndexes(store)
  await seedDemo(store, systemClock)
  await store.collection<RoleDoc>('roles').insert({ _id: 'bench-root-clerk', openid: 'bench-root-clerk', kind: 'union_staff', unionId: 'nmg' })
  const audit = store.collection<AuditDoc>('audit')
  // The year up to now: the first page is today's.
  const start = Date.now() - 365 * 24 * 3600 * 1000
  const step = (365 * 24 * 3600 * 1000) / entries
  const started = performance.now()
  for (let i = 0; i < entries; i += BATCH) {
    await audit.insertMany(
      Array.from({ length: BATCH }, (_, j): AuditDoc => {
        const n = i + j
        return { _id: `bench-${String(n).padStart(6, '0')}`, at: new Date(start + n * step).toISOString(), actor: ACTORS[n % ACTORS.length], action: ACTIONS[n % ACTIONS.length], target: { collection: 'applications', id: `app-${n}` }, before: { status: 'pending' }, after: { status: 'approved' }, unionPath: PATHS[n % PATHS.length] }
      }),
    )
  }
  console.log(`  ${entries} 条写入 ${round((performance.now() - started) / 1000, 1)} s`)
  const secrets = randomSecrets()
  const call = async (data: Record<string, unknown>) => {
    const out = await dispatch('review', functions.review, { action: 'auditLog', data }, { identity: { openid: 'bench-root-clerk' }, store, clock: systemClock, secrets })
    if (!out.ok) throw new Error(`auditLog failed: ${JSON.stringify(out)}`)
  }
  const inputs = [{}, { action: 'join.reject' }, { actorName: '赵干事（演示）' }, { from: chinaToday(new Date(start + 180 * 24 * 3600 * 1000)), to: chinaToday(new Date(start + 210 * 24 * 3600 * 1000)) }]
  await call({}) // warm
  const times = await timeEach(inputs.length * 40, (i) => call(inputs[i % inputs.length]))
  results.add('staff.audit_page_p95_ms', round(percentile(times, 95)), 'ms')
  await store.close()
}
