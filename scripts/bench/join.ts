import { fictionalIdNumber } from '../../domain/join/fictional'
import { percentile, round, timeEach } from './stats'
import type { Results } from './results'

async function login(url: string, as: string): Promise<string> {
  const response = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })
  if (!response.ok) throw new Error(`login as ${as}: HTTP ${response.status} (is ALLOW_BENCH_PEOPLE=1 set?)`)
  return ((await response.json()) as { token: string }).token
}

async function post(url: string, token: string, fn: string, action: string, data: unknown): Promise<{ ok: boolean; data?: { id: string }; error?: { code: string } }> {
  const response = await fetch(`${url}/api/cloud/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) })
  return (await response.json()) as { ok: boolean; data?: { id: string }; error?: { code: string } }
}

/** A distinct, valid, fictional person for each n. */
function form(n: number) {
  const birth = new Date(Date.UTC(1975, 0, 1) + n * 86_400_000 * 7).toISOString().slice(0, 10).replace(/-/g, '')
  return {
    unionId: 'hhht-xc-kd',
    requestId: `bench-${n}-${Date.now().toString(36)}`,
    name: '压测',
    idNumber: fictionalIdNumber('150102', birth, n % 1000),
    phone: `139${String(n).padStart(8, '0')}`,
    ethnicity: '汉族',
    education: '大专',
    politicalStatus: '群众',
    hukou: '城镇',
    employer: '示例压测（演示）公司',
    employment: 'courier',
    consentPersonal: true,
    consentSensitive: true,
  }
}

/**
 * join.submit_*: `people` distinct people submit at once, `concurrency` at a time, over HTTP;
 * review.approve_p95_ms: the clerk approves the first `approvals` of them one after another.
 */
export async function benchJoin(url: string, results: Results, people = 300, concurrency = 20, approvals = 100): Promise<void> {
  const tokens = await Promise.all(Array.from({ length: people }, (_, n) => login(url, `bench-${n}`)))
  const durations: number[] = []
  const ids: string[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people) {
        const n = next++
        const t0 = performance.now()
        const result = await post(url, tokens[n], 'member', 'join', form(n))
        durations.push(performance.now() - t0)
        if (!result.ok || !result.data) throw new Error(`join ${n}: ${result.error?.code}`)
        ids.push(result.data.id)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  results.add('join.submit_per_s', round(people / seconds, 1), `applications/s (${people} people, ${concurrency} at a time)`)
  results.add('join.submit_p95_ms', round(percentile(durations, 95)), `ms (${people} submissions)`)

  const clerk = await login(url, 'clerk')
  const approve = await timeEach(Math.min(approvals, ids.length), async (i) => {
    const result = await post(url, clerk, 'review', 'approve', { applicationId: ids[i] })
    if (!result.ok) throw new Error(`approve ${ids[i]}: ${result.error?.code}`)
  })
  results.add('review.approve_p95_ms', round(percentile(approve, 95)), `ms (${approve.length} approvals, one after another)`)
}
