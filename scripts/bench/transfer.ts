import { percentile, round, timeEach } from './stats'
import type { Results } from './results'

async function login(url: string, as: string): Promise<string> {
  const response = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })
  return ((await response.json()) as { token: string }).token
}

/**
 * A full 转会 over HTTP — the member starts, the leaving union releases, the receiving union accepts —
 * repeated with the demo member moving between 示例速递 (新城区) and 示例建筑 (回民区) and back.
 */
export async function benchTransfer(url: string, results: Results, n = 40): Promise<void> {
  const [member, xc, hm] = await Promise.all([login(url, 'member'), login(url, 'clerk'), login(url, 'hm-clerk')])
  const call = async (token: string, action: string, data: unknown) => {
    const response = await fetch(`${url}/api/cloud/transfer`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) })
    const body = (await response.json()) as { ok: boolean; data: { id: string }; error?: { code: string } }
    if (!body.ok) throw new Error(`transfer.${action}: ${body.error?.code}`)
    return body.data
  }
  const durations = await timeEach(n, async (i) => {
    const outward = i % 2 === 0
    const { id } = await call(member, 'start', {
      toUnionId: outward ? 'hhht-hm-jz' : 'hhht-xc-kd',
      reason: 'job_change',
      newEmployer: '示例单位（演示）',
      jobType: 'employee',
      idempotencyKey: `bench-transfer-${i}-${Date.now()}`,
    })
    await call(outward ? xc : hm, 'release', { transferId: id })
    await call(outward ? hm : xc, 'accept', { transferId: id })
  })
  results.add('transfer.complete_p95_ms', round(percentile(durations, 95)), `ms (${n} full transfers)`)
}
