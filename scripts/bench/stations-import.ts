import { functions } from '../../cloud/functions'
import { ensureIndexes } from '../../cloud/functions/schema'
import { fixedClock } from '../../cloud/lib/clock'
import { dispatch } from '../../cloud/lib/dispatch'
import { randomSecrets } from '../../cloud/lib/secrets'
import { IMPORT_COLUMNS, IMPORT_LIMITS } from '../../domain/stations/upkeep'
import { seedDemo } from '../../server/seed/demo'
import { testStore, type StoreKind } from '../../tests/helpers/store'
import type { Results } from './results'
import { round } from './stats'

const row = (i: number, name: string) => {
  const fields: Record<string, string> = { code: `MEASURE-${i}`, name, type: '户外劳动者服务站点', lat: (40.8 + (i % 1000) / 10000).toFixed(4), lng: '111.70', address: '新城区示例路 1 号', amenities: '饮水|充电', hours: 'mon-fri 08:00-20:00', phone: '', unionId: 'hhht-xc', photos: '', verifiedOn: '2026-11-20', status: 'active' }
  return IMPORT_COLUMNS.map((c) => fields[c]).join(',')
}
const csvOf = (n: number, suffix: string) => [IMPORT_COLUMNS.join(','), ...Array.from({ length: n }, (_, i) => row(i, `测量驿站${i}${suffix}`))].join('\n')

/**
 * The largest CSV the app takes (5,000 rows) through stations.applyImport as the import page calls
 * it, batch by batch: new stations, then every row changed, then unchanged, on the embedded store
 * and through the WeChat adapter (the real wx-server-sdk) on the stand-in database server, counting
 * the requests each call sends there. The stand-in answers in process; in WeChat each request also
 * crosses Tencent's network, so the requests of the busiest call are what to hold against the
 * function's timeout (cloud/functions/settings.ts).
 */
export async function benchStationImport(results: Results, n: number = IMPORT_LIMITS.maxRows): Promise<void> {
  for (const kind of ['nedb', 'wx'] as StoreKind[]) {
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
      const started = performance.now()
      while (from !== null) {
        requests = 0
        const t = performance.now()
        const answer: { ok: true; data: unknown } | { ok: false; error: { message: string } } = await dispatch('stations', functions.stations as never, { action: 'applyImport', data: { csv, from } }, { identity: { openid: 'demo-clerk' }, store, clock, secrets, wechat: null })
        if (!answer.ok) throw new Error(`applyImport refused: ${answer.error.message}`)
        slowest = Math.max(slowest, performance.now() - t)
        most = Math.max(most, requests)
        calls++
        from = (answer.data as { next: number | null }).next
      }
      const perSecond = round(n / ((performance.now() - started) / 1000), 0)
      results.add(`stations.apply_${label}_rows_per_s_${kind}`, perSecond, `rows/s (${n} ${label} rows in ${calls} calls of applyImport, in process, ${kind === 'wx' ? 'WeChat adapter on the stand-in' : 'embedded store'})`)
      results.add(`stations.apply_${label}_slowest_ms_${kind}`, round(slowest, 0), 'ms (the slowest of those calls)')
      if (server) results.add(`stations.apply_${label}_requests_max_${kind}`, most, 'requests at most in one call (each crosses the network in WeChat)')
    }
    await store.close()
  }
}
