import fs from 'node:fs'
import path from 'node:path'
import { withDerived } from '../../cloud/features/benefits/build'
import type { OfferDoc } from '../../cloud/features/benefits/collections'
import type { MembershipDoc } from '../../cloud/lib/collections'
import { OFFER_CATEGORIES, OFFER_CITIES, type OfferCity } from '../../domain/benefits/categories'
import { percentile, round, timeEach } from './stats'
import type { Results } from './results'

export const BENCH_MEMBERS = 1000
export const BENCH_OFFERS = 10_000
export const BENCH_STOCK = 100
const BENCH_OFFER_ID = 'bench-offer-claim'

/** Rough centres of the cities the bench offers are spread around (fictional stores). */
const CENTRES: Record<OfferCity, [number, number]> = {
  呼和浩特: [40.84, 111.75], 包头: [40.66, 109.84], 乌海: [39.66, 106.79], 赤峰: [42.26, 118.89], 通辽: [43.65, 122.24], 鄂尔多斯: [39.61, 109.78],
  呼伦贝尔: [49.21, 119.77], 巴彦淖尔: [40.74, 107.39], 乌兰察布: [41.0, 113.13], 兴安: [46.08, 122.07], 锡林郭勒: [43.93, 116.09], 阿拉善: [38.85, 105.73],
}

/** One to three stores within ~15 km of the offer's city centre, repeatable from `i`. */
function benchStores(i: number, city: OfferCity) {
  const [lat, lng] = CENTRES[city]
  const jitter = (k: number) => ((Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1) * 0.15
  return Array.from({ length: 1 + (i % 3) }, (_, s) => ({ name: `示例门店${s + 1}（演示）`, address: '示例地址（演示）', latitude: lat + jitter(s * 2), longitude: lng + jitter(s * 2 + 1) }))
}

/**
 * Writes the bench's data into its own server's empty data folder (nedb's one-JSON-per-line
 * files) before the server starts: 1,000 fictional members and 10,000 fictional offers, one of
 * them with 100 units for the claim race. The demo seed then adds its own data beside them.
 */
export function prepareBenefitsData(dataDir: string): void {
  const now = Date.now()
  const lines = (docs: unknown[]) => `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`
  const members: MembershipDoc[] = Array.from({ length: BENCH_MEMBERS }, (_, i) => ({
    _id: `ms-bench-${i}`, openid: `bench-${i}`, unionId: 'hhht-xc-kd', memberNo: `B${String(i).padStart(11, '0')}`, joinedAt: new Date(now - 86400000).toISOString(), status: 'active',
  }))
  const offer = (i: number, stock: number, id = `bench-offer-${i}`): OfferDoc =>
    withDerived({
      _id: id, merchantId: 'm-bianmin', merchantName: '示例便民超市（演示）', unionId: 'nmg', unionPath: ['nmg'], eligibleUnionId: null,
      title: `压测福利${i}号（演示）`, category: OFFER_CATEGORIES[i % OFFER_CATEGORIES.length], description: '压测用的虚构福利。', rules: ['虚构'], images: [],
      city: OFFER_CITIES[i % OFFER_CITIES.length], county: '示例区', stores: benchStores(i, OFFER_CITIES[i % OFFER_CITIES.length]),
      startAt: new Date(now - 86400000).toISOString(), endAt: new Date(now + 30 * 86400000).toISOString(), total: stock, stock,
      limit: { count: 1, period: 'once' }, couponValidDays: 30, status: 'active',
      createdAt: new Date(now - 2 * 86400000 + i * 1000).toISOString(), updatedAt: new Date(now).toISOString(),
    })
  const offers = Array.from({ length: BENCH_OFFERS - 1 }, (_, i) => offer(i, 1000))
  offers.push(offer(BENCH_OFFERS, BENCH_STOCK, BENCH_OFFER_ID))
  fs.writeFileSync(path.join(dataDir, 'memberships.db'), lines(members))
  fs.writeFileSync(path.join(dataDir, 'offers.db'), lines(offers))
}

type Answer = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }

async function post(url: string, token: string | null, fn: string, body: unknown): Promise<Answer> {
  const r = await fetch(`${url}/api/cloud/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  return (await r.json()) as Answer
}

async function login(url: string, as: string): Promise<string> {
  const r = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })
  if (!r.ok) throw new Error(`login ${as}: HTTP ${r.status} (is ALLOW_BENCH_PEOPLE=1 set?)`)
  return ((await r.json()) as { token: string }).token
}

/** Needs a server started with ALLOW_BENCH_PEOPLE=1 and prepareBenefitsData. */
export async function benchBenefits(url: string, results: Results, pages = 200): Promise<void> {
  const reader = await login(url, 'bench-0')
  // A page of offers, newest first, among 10,000: first pages, deeper pages by cursor, and a category tab.
  let cursor: string | null = null
  await timeEach(10, () => post(url, reader, 'benefits', { action: 'list', data: {} }))
  const list = await timeEach(pages, async (i) => {
    const data = i % 4 === 3 ? { category: OFFER_CATEGORIES[i % OFFER_CATEGORIES.length] } : cursor ? { cursor } : {}
    const answer = await post(url, reader, 'benefits', { action: 'list', data })
    if (!answer.ok) throw new Error(`list failed: ${answer.error?.code}`)
    if (i % 4 !== 3) cursor = (answer.data?.nextCursor as string | null) ?? null
  })
  results.add('benefits.list_p95_ms', round(percentile(list, 95)), `ms (${pages} pages of 20, ${BENCH_OFFERS} offers)`)

  // The same, nearest store first from 呼和浩特 (about 20,000 stores): first pages, deeper pages by cursor, a category tab.
  const near = { latitude: 40.842, longitude: 111.751 }
  let nearCursor: string | null = null
  await timeEach(10, () => post(url, reader, 'benefits', { action: 'list', data: { near } }))
  const nearList = await timeEach(pages, async (i) => {
    const data = i % 4 === 3 ? { near, category: OFFER_CATEGORIES[i % OFFER_CATEGORIES.length] } : nearCursor ? { near, cursor: nearCursor } : { near }
    const answer = await post(url, reader, 'benefits', { action: 'list', data })
    if (!answer.ok) throw new Error(`near list failed: ${answer.error?.code}`)
    if (i % 4 !== 3) nearCursor = (answer.data?.nextCursor as string | null) ?? null
  })
  results.add('benefits.list_near_p95_ms', round(percentile(nearList, 95)), `ms (${pages} pages of 20 nearest first, ${BENCH_OFFERS} offers)`)

  const tokens: string[] = []
  for (let i = 0; i < BENCH_MEMBERS; i += 50) {
    tokens.push(...(await Promise.all(Array.from({ length: Math.min(50, BENCH_MEMBERS - i) }, (_, j) => login(url, `bench-${i + j}`)))))
  }
  const latencies: number[] = []
  const started = performance.now()
  const answers = await Promise.all(
    tokens.map(async (token, i) => {
      const t = performance.now()
      const answer = await post(url, token, 'benefits', { action: 'claim', data: { offerId: BENCH_OFFER_ID, requestId: `bench-claim-${i}` } })
      latencies.push(performance.now() - t)
      return answer
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const won = answers.filter((a) => a.ok).length
  const unexpected = answers.filter((a) => !a.ok && a.error?.code !== 'SOLD_OUT')
  if (unexpected.length) throw new Error(`claims failed unexpectedly: ${unexpected[0].error?.code}`)
  const detail = await post(url, reader, 'benefits', { action: 'detail', data: { id: BENCH_OFFER_ID } })
  const left = Number(detail.data?.stock)
  results.add('benefits.claim_per_s', round(BENCH_MEMBERS / seconds, 1), `claims/s (${BENCH_MEMBERS} concurrent, ${BENCH_STOCK} units)`)
  results.add('benefits.claim_p95_ms', round(percentile(latencies, 95)), 'ms')
  results.add('benefits.oversold', Math.max(0, won - BENCH_STOCK) + Math.max(0, won + left - BENCH_STOCK), `coupons beyond ${BENCH_STOCK} units (${won} won, ${left} left)`)
}
