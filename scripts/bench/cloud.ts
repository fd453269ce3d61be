import { percentile, round, timeEach } from './stats'
import type { Results } from './results'

/** N calls over HTTP to a trivial endpoint and to member.profile, so their ratio shows what the dispatcher and store cost. */
export async function benchCloud(url: string, token: string, results: Results, n = 300): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`)
      return r.json()
    })
  await timeEach(20, () => post('/api/echo', { warm: true }))
  await timeEach(20, () => post('/api/cloud/member', { action: 'profile', data: {} }))
  const echo = await timeEach(n, (i) => post('/api/echo', { i }))
  const profile = await timeEach(n, () => post('/api/cloud/member', { action: 'profile', data: {} }))
  results.add('cloud.echo_p50_ms', round(percentile(echo, 50)), `ms (${n} calls)`)
  results.add('cloud.profile_p50_ms', round(percentile(profile, 50)), `ms (${n} calls)`)
  results.add('cloud.profile_p95_ms', round(percentile(profile, 95)), `ms (${n} calls)`)
}
