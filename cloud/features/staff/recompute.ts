import { chinaToday } from '../../../domain/time'
import type { UnionDoc } from '../../lib/collections'
import { collections as coreDb } from '../../lib/collections'
import type { Store } from '../../lib/store/port'
import { findByIds, forEachPage } from '../../lib/store/read'
import { benefitsDb, type CouponDoc, type OfferDoc } from '../benefits/collections'
import { joinDb, type ApplicationDoc } from '../join/collections'
import { transferDb } from '../transfer/collections'
import { staffDb, type FigureDoc } from './collections'
import { C, couponCounts, joinDecisionCounts, transferDecisionCounts, type Counts } from './tally'

/** Counters by document id (scope|row|day), as the records say they should be. */
export type CounterTable = Map<string, { scope: string; row: string; day: string; counts: Counts }>

/** Daily and monthly documents in one table: a month's id ends in YYYY-MM, a day's in YYYY-MM-DD. */
function add(table: CounterTable, path: readonly string[], day: string, counts: Counts): void {
  path.forEach((scope, i) => {
    const row = path[i + 1] ?? scope
    for (const key of [day, day.slice(0, 7)]) {
      const id = `${scope}|${row}|${key}`
      const entry = table.get(id) ?? { scope, row, day: key, counts: {} }
      for (const [k, n] of Object.entries(counts)) entry.counts[k] = (entry.counts[k] ?? 0) + n
      table.set(id, entry)
    }
  })
}

const isMonth = (key: string) => key.length === 7

/** A decided join application's share of the counters (what tally.ts added when it was decided). */
export function addApplication(table: CounterTable, app: ApplicationDoc, union: UnionDoc | null): void {
  if (!app.decidedAt || (app.status !== 'approved' && app.status !== 'rejected') || (app.status === 'approved' && !app.membershipId)) return
  // A closing union's own rejection (decidedBy 'system') is timed against the default days, as the write did.
  const days = app.decidedBy === 'system' && app.status === 'rejected' ? null : union
  add(table, app.unionPath, chinaToday(new Date(app.decidedAt)), joinDecisionCounts(app, app.status === 'approved', app.decidedAt, days))
}

/** A coupon's share: its claim, and its redemption when it was used. */
export function addCoupon(table: CounterTable, c: CouponDoc, offer: OfferDoc | undefined): void {
  if (!offer) return
  add(table, offer.unionPath, chinaToday(new Date(c.claimedAt)), couponCounts(c, 'c'))
  if (c.usedAt) add(table, offer.unionPath, chinaToday(new Date(c.usedAt)), couponCounts(c, 'r'))
}

/** The table as the documents of the two counter collections. */
export function counterDocs(table: CounterTable): { daily: FigureDoc[]; monthly: FigureDoc[] } {
  const docs: FigureDoc[] = [...table].map(([_id, e]) => ({ _id, scope: e.scope, row: e.row, day: e.day, ...e.counts }))
  return { daily: docs.filter((d) => !isMonth(d.day)), monthly: docs.filter((d) => isMonth(d.day)) }
}

/**
 * Every counter worked out again from the records themselves (join applications, transfers,
 * coupons), with the same rules tally.ts applies on each write. The tests hold the counters to it;
 * recomputeFigures writes it back after a crash left a counter short.
 */
export async function countsFromRecords(store: Store): Promise<CounterTable> {
  const table: CounterTable = new Map()
  const unions = new Map<string, UnionDoc | null>()
  const unionOf = async (ids: string[]) => {
    const missing = [...new Set(ids)].filter((id) => !unions.has(id))
    for (const u of await findByIds(coreDb(store).unions, missing)) unions.set(u._id, u)
    for (const id of missing) if (!unions.has(id)) unions.set(id, null)
  }
  await forEachPage(joinDb(store).applications, { status: { $in: ['approved', 'rejected'] } }, async (page) => {
    await unionOf(page.map((a) => a.unionId))
    for (const app of page) addApplication(table, app, unions.get(app.unionId) ?? null)
  })
  await forEachPage(transferDb(store).transfers, { status: { $in: ['completed', 'rejected'] } }, async (page) => {
    await unionOf(page.map((t) => t.toUnionId))
    for (const t of page) {
      if (!t.closedAt) continue
      const completed = t.status === 'completed'
      const day = chinaToday(new Date(t.closedAt))
      add(table, t.toUnionPath, day, { ...transferDecisionCounts(t, completed, t.closedAt, unions.get(t.toUnionId) ?? null), ...(completed ? { [C.transferIn]: 1 } : {}) })
      if (completed) add(table, t.fromUnionPath, day, { [C.transferOut]: 1 })
    }
  })
  const offers = new Map<string, OfferDoc>()
  await forEachPage(benefitsDb(store).coupons, {}, async (page) => {
    const missing = [...new Set(page.map((c) => c.offerId))].filter((id) => !offers.has(id))
    for (const o of await findByIds(benefitsDb(store).offers, missing)) offers.set(o._id, o)
    for (const c of page) addCoupon(table, c, offers.get(c.offerId))
  })
  return table
}

/** The counters as stored, in the same shape (zero counters left out). */
export async function storedCounts(store: Store): Promise<CounterTable> {
  const table: CounterTable = new Map()
  const { figures, months } = staffDb(store)
  for (const collection of [figures, months]) {
    await forEachPage(collection, {}, (page) => {
      for (const doc of page) table.set(doc._id, { scope: doc.scope, row: doc.row, day: doc.day, counts: countersOf(doc) })
    })
  }
  return table
}

/** A counter document's counters alone. */
export function countersOf(doc: FigureDoc): Counts {
  const counts: Counts = {}
  for (const [k, v] of Object.entries(doc)) if (typeof v === 'number' && v !== 0) counts[k] = v
  return counts
}

/**
 * Rewrites every counter from the records: for a repair after a crash between a write and its
 * count, run while nothing else writes (a maintenance step, not a daily job). Returns how many
 * documents it wrote.
 */
export async function recomputeFigures(store: Store): Promise<number> {
  const table = await countsFromRecords(store)
  const { figures, months } = staffDb(store)
  await figures.remove({})
  await months.remove({})
  const { daily, monthly } = counterDocs(table)
  for (let i = 0; i < daily.length; i += 500) await figures.insertMany(daily.slice(i, i + 500))
  for (let i = 0; i < monthly.length; i += 500) await months.insertMany(monthly.slice(i, i + 500))
  return daily.length + monthly.length
}
