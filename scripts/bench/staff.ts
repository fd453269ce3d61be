import { fixedClock } from '../../cloud/lib/clock'
import { ensureIndexes } from '../../cloud/functions/schema'
import { functions } from '../../cloud/functions'
import { dispatch } from '../../cloud/lib/dispatch'
import { randomSecrets } from '../../cloud/lib/secrets'
import { collections, type UnionDoc } from '../../cloud/lib/collections'
import { benefitsDb, type CouponDoc, type OfferDoc } from '../../cloud/features/benefits/collections'
import { joinDb, type ApplicationDoc } from '../../cloud/features/join/collections'
import { addApplication, addCoupon, counterDocs, type CounterTable } from '../../cloud/features/staff/recompute'
import { staffDb } from '../../cloud/features/staff/collections'
import type { Store } from '../../cloud/lib/store/port'
import { EMPLOYMENT_KEYS } from '../../domain/join/options'
import { seedDemo } from '../../server/seed/demo'
import { testStore, type StoreKind } from '../../tests/helpers/store'
import type { Results } from './results'
import { percentile, round, timeEach } from './stats'

export const STAFF_APPLICATIONS = 100_000
export const STAFF_COUPONS = 50_000
const NOW = new Date('2026-12-01T04:00:00.000Z')
const YEAR_MS = 365 * 24 * 3600 * 1000
const CITIES = 12
const BATCH = 1000

/** A repeatable spread: the same numbers every run. */
const spread = (i: number, k: number) => Math.abs(Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1

/**
 * The province under the demo root: 12 fictional cities of two counties each beside 呼和浩特, so
 * the root's figures are broken down by a province's worth of unions (12 × 365 counter documents).
 */
function benchUnions(): UnionDoc[] {
  const unions: UnionDoc[] = []
  for (let c = 0; c < CITIES; c += 1) {
    const city = `bench-city-${c}`
    unions.push({ _id: city, name: `压测市${c}总工会（演示）`, level: 'city', parentId: 'nmg', ancestors: ['nmg'], terms: [], regionCode: '150100', status: 'active' })
    for (let k = 0; k < 2; k += 1) unions.push({ _id: `${city}-${k}`, name: `压测市${c}区${k}总工会（演示）`, level: 'county', parentId: city, ancestors: ['nmg', city], terms: [], regionCode: '150100', status: 'active' })
  }
  return unions
}

/**
 * 100,000 decided join applications and 50,000 coupons over the year before NOW, and the counters
 * their writes would have made (the same functions the recompute uses), in bulk inserts. With
 * `records` false only the counters are stored: the figures read nothing else of them.
 */
async function fill(store: Store, records: boolean): Promise<number> {
  const leaves = benchUnions().filter((u) => u.level === 'county')
  const unionById = new Map(benchUnions().map((u) => [u._id, u]))
  const table: CounterTable = new Map()
  await collections(store).unions.insertMany(benchUnions())
  const at = (i: number, k: number) => new Date(NOW.getTime() - spread(i, k) * YEAR_MS)
  const { applications } = joinDb(store)
  for (let from = 0; from < STAFF_APPLICATIONS; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, STAFF_APPLICATIONS - from) }, (_, j) => {
      const i = from + j
      const union = leaves[i % leaves.length]
      const submitted = at(i, 1)
      const approved = spread(i, 2) < 0.9
      return {
        _id: `bench-app-${i}`, openid: `bench-${i}`, unionId: union._id, unionPath: [...union.ancestors, union._id], status: approved ? 'approved' : 'rejected',
        employment: EMPLOYMENT_KEYS[i % EMPLOYMENT_KEYS.length], hukou: spread(i, 3) < 0.4 ? '农村' : '城镇', submittedAt: submitted.toISOString(),
        decidedAt: new Date(submitted.getTime() + spread(i, 4) * 7 * 24 * 3600 * 1000).toISOString(), decidedBy: 'bench', membershipId: approved ? `member-bench-${i}` : null,
      } as unknown as ApplicationDoc
    })
    for (const app of docs) addApplication(table, app, unionById.get(app.unionId) ?? null)
    if (records) await applications.insertMany(docs)
  }
  const { offers, coupons } = benefitsDb(store)
  const offerDocs = Array.from({ length: 50 }, (_, o) => {
    const union = leaves[o % leaves.length]
    return { _id: `bench-offer-${o}`, merchantId: `m-bench-${o % 10}`, unionId: union._id, unionPath: [...union.ancestors, union._id], title: `压测福利${o}（演示）`, merchantName: '压测商户（演示）', stores: [], sortKey: `bench-${o}` } as unknown as OfferDoc
  })
  if (records) await offers.insertMany(offerDocs)
  for (let from = 0; from < STAFF_COUPONS; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, STAFF_COUPONS - from) }, (_, j) => {
      const i = from + j
      const offer = offerDocs[i % offerDocs.length]
      const claimed = at(i, 5)
      const used = spread(i, 6) < 0.6 ? new Date(Math.min(NOW.getTime(), claimed.getTime() + 3 * 24 * 3600 * 1000)).toISOString() : null
      return { _id: `bench-coupon-${i}`, offerId: offer._id, merchantId: offer.merchantId, claimedAt: claimed.toISOString(), usedAt: used, code: `BC${i}`, limitKey: `bench-l-${i}`, requestKey: `bench-r-${i}`, status: used ? 'used' : 'active' } as unknown as CouponDoc
    })
    for (const c of docs) addCoupon(table, c, offerDocs.find((o) => o._id === c.offerId))
    if (records) await coupons.insertMany(docs)
  }
  const { daily, monthly } = counterDocs(table)
  const { figures, months } = staffDb(store)
  for (let i = 0; i < daily.length; i += BATCH) await figures.insertMany(daily.slice(i, i + BATCH))
  for (let i = 0; i < monthly.length; i += BATCH) await months.insertMany(monthly.slice(i, i + BATCH))
  return daily.length + monthly.length
}

/**
 * staff.stats_p95_ms: review.figures for the root union (内蒙古) over the year, as its clerk, through
 * the dispatcher, over the counters of 100,000 applications and 50,000 coupons. The embedded store
 * also holds the records themselves; the WeChat adapter (over the stand-in database) holds only the
 * counters, since the figures read nothing else of those records and 150,000 stand-in inserts would
 * take minutes.
 */
export async function benchStaff(results: Results, kinds: StoreKind[] = ['nedb', 'wx'], calls = 30): Promise<void> {
  for (const kind of kinds) {
    const { store } = testStore(kind)
    const clock = fixedClock(NOW)
    await ensureIndexes(store)
    await seedDemo(store, clock)
    await collections(store).roles.insert({ _id: 'role-bench-root', openid: 'bench-root', kind: 'union_staff', unionId: 'nmg', unionPath: ['nmg'] })
    const written = await fill(store, kind === 'nedb')
    const secrets = randomSecrets()
    const input = { period: 'custom', from: '2025-12-02', to: '2026-12-01' }
    const ask = async () => {
      const answer = await dispatch('review', functions.review as never, { action: 'figures', data: input }, { identity: { openid: 'bench-root' }, store, clock, secrets, wechat: null })
      if (!answer.ok) throw new Error(`figures failed: ${JSON.stringify(answer.error)}`)
      return answer
    }
    const first = (await ask()) as { data: { tables: Array<{ key: string; rows: Array<{ label: string; values: unknown[] }> }> } }
    const joined = first.data.tables.find((t) => t.key === 'members')?.rows.find((r) => r.label === '合计')?.values[0]
    const times = await timeEach(calls, ask)
    const suffix = kind === 'nedb' ? '' : '_wx'
    results.add(`staff.stats_p95_ms${suffix}`, round(percentile(times, 95)), `ms (root union, one year, ${STAFF_APPLICATIONS} applications + ${STAFF_COUPONS} coupons, ${kind === 'nedb' ? 'embedded store' : 'WeChat adapter over the stand-in, counters only'}; ${written} counter documents; ${String(joined)} joined)`)
    await store.close()
  }
}
