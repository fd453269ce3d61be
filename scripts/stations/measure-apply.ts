import { functions } from '../../cloud/functions'
import { ensureIndexes } from '../../cloud/functions/schema'
import { fixedClock } from '../../cloud/lib/clock'
import { dispatch } from '../../cloud/lib/dispatch'
import { randomSecrets } from '../../cloud/lib/secrets'
import { IMPORT_COLUMNS, IMPORT_LIMITS } from '../../domain/stations/upkeep'
import { seedDemo } from '../../server/seed/demo'
import { testStore, type StoreKind } from '../../tests/helpers/store'

/**
 * npx tsx scripts/stations/measure-apply.ts [wx|nedb] [rows]: how fast stations.applyImport writes
 * a CSV of new stations, then the same file with every row changed, then unchanged, batch by batch
 * as the import page calls it, on the embedded store or through the WeChat adapter (the real
 * wx-server-sdk) on the stand-in database server, counting the requests it sends there. The stand-in
 * answers in-process: in WeChat each request also crosses Tencent's network, so count the requests
 * against the function's timeout (cloud/functions/settings.ts). Not part of npm run bench.
 */
const HEADER = IMPORT_COLUMNS.join(',')
const row = (i: number, name: string) => {
  const fields: Record<string, string> = { code: `MEASURE-${i}`, name, type: '户外劳动者服务站点', lat: (40.8 + (i % 1000) / 10000).toFixed(4), lng: '111.70', address: '新城区示例路 1 号', amenities: '饮水|充电', hours: 'mon-fri 08:00-20:00', phone: '', unionId: 'hhht-xc', photos: '', verifiedOn: '2026-11-20', status: 'active' }
  return IMPORT_COLUMNS.map((c) => fields[c]).join(',')
}
const csvOf = (n: number, suffix: string) => [HEADER, ...Array.from({ length: n }, (_, i) => row(i, `测量驿站${i}${suffix}`))].join('\n')

async function main() {
  const kind: StoreKind = process.argv[2] === 'nedb' ? 'nedb' : 'wx'
  const n = Number(process.argv[3] ?? IMPORT_LIMITS.maxRows)
  const { store, server } = testStore(kind)
  const clock = fixedClock('2026-12-02T02:00:00.000Z')
  await ensureIndexes(store)
  await seedDemo(store, clock)
  const secrets = randomSecrets()
  let requests = 0
  if (server) {
    const send = server.send.bind(server)
    server.send = ((action, params) => {
      requests++
      return send(action, params)
    }) as typeof server.send
  }
  for (const [label, csv] of [['new', csvOf(n, '')], ['changed', csvOf(n, '（改）')], ['unchanged', csvOf(n, '（改）')]] as const) {
    let from: number | null = 0
    let slowest = 0
    let most = 0
    let calls = 0
    const started = process.hrtime.bigint()
    while (from !== null) {
      requests = 0
      const t = process.hrtime.bigint()
      const answer: { ok: true; data: unknown } | { ok: false; error: { message: string } } = await dispatch('stations', functions.stations as never, { action: 'applyImport', data: { csv, from } }, { identity: { openid: 'demo-clerk' }, store, clock, secrets, wechat: null })
      if (!answer.ok) throw new Error(answer.error.message)
      slowest = Math.max(slowest, Number(process.hrtime.bigint() - t) / 1e6)
      most = Math.max(most, requests)
      calls++
      from = (answer.data as { next: number | null }).next
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const perSecond = Math.round((n / ms) * 1000)
    console.log(`${kind} ${label}: ${n} rows in ${calls} calls, ${Math.round(ms)} ms (${perSecond} rows/s); slowest call ${Math.round(slowest)} ms${server ? `, most requests in one call ${most}` : ''}`)
  }
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
