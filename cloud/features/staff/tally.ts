import { durationBucket } from '../../../domain/staff/figures'
import { dueAt, serviceDays } from '../../../domain/staff/deadline'
import { chinaToday } from '../../../domain/time'
import type { UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { DuplicateKeyError, type Collection, type Store } from '../../lib/store/port'
import type { ApplicationDoc } from '../join/collections'
import type { TransferDoc } from '../transfer/collections'
import { staffDb, type FigureDoc } from './collections'

/**
 * What each write adds to the figures' counters. A counter changes only by an atomic increment
 * ($inc on both stores), so any number of writes at once add up exactly; a document is created
 * empty by an insert whose duplicate-key failure means another write created it first. Each feature
 * calls these only after its own conditional update won, so an event is counted at most once; a
 * crash between the two undercounts by one, which recomputeFigures (./recompute.ts) repairs.
 */
export type Counts = Record<string, number>

/** The counter names: short, as they are stored once per union and day. */
export const C = {
  joinOk: 'join_ok',
  joinNo: 'join_no',
  joinLate: 'join_late',
  joinTime: (bucket: number) => `join_t${bucket}`,
  employment: (key: string) => `emp_${key}`,
  rural: 'hukou_rural',
  transferIn: 'tin',
  transferOut: 'tout',
  trOk: 'tr_ok',
  trNo: 'tr_no',
  trLate: 'tr_late',
  trTime: (bucket: number) => `tr_t${bucket}`,
  claimed: 'cp_c',
  redeemed: 'cp_r',
  offer: (id: string, what: 'c' | 'r') => `cpo_${id}_${what}`,
  merchant: (id: string, what: 'c' | 'r') => `cpm_${id}_${what}`,
}

/** Ids become field names: a "." or "$" would be read as a path or an operator. */
const safe = (id: string) => id.replace(/[.$]/g, '_')

/** Adds `counts` at every union of `path` (top down, the event's own union last) for one China day. */
export async function addCounts(store: Store, path: readonly string[], day: string, counts: Counts): Promise<void> {
  const { figures, months } = staffDb(store)
  await Promise.all(
    path.flatMap((scope, i) => {
      const row = path[i + 1] ?? scope
      return [increment(figures, scope, row, day, counts), increment(months, scope, row, day.slice(0, 7), counts)]
    }),
  )
}

/** The document's counters up by `counts`, the document made first if it is not there yet. */
async function increment(collection: Collection<FigureDoc>, scope: string, row: string, day: string, counts: Counts): Promise<void> {
  const id = `${scope}|${row}|${day}`
  if (await collection.update({ _id: id }, { inc: counts })) return
  try {
    await collection.insert({ _id: id, scope, row, day })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  await collection.update({ _id: id }, { inc: counts })
}

/** A join decision's counts: who decided how fast, and, approved, the new member's employment and 户籍. */
export function joinDecisionCounts(app: Pick<ApplicationDoc, 'submittedAt' | 'employment' | 'hukou'>, approved: boolean, decidedAt: string, union: Pick<UnionDoc, 'serviceDays'> | null): Counts {
  const since = new Date(app.submittedAt)
  const at = new Date(decidedAt)
  const counts: Counts = { [approved ? C.joinOk : C.joinNo]: 1, [C.joinTime(durationBucket(at.getTime() - since.getTime()))]: 1 }
  if (at.getTime() > dueAt(since, serviceDays(union?.serviceDays).join).getTime()) counts[C.joinLate] = 1
  if (approved) {
    counts[C.employment(app.employment)] = 1
    if (app.hukou === '农村') counts[C.rural] = 1
  }
  return counts
}

export async function tallyJoinDecision(ctx: ActionContext, app: ApplicationDoc, approved: boolean, decidedAt: string, union: UnionDoc | null): Promise<void> {
  await addCounts(ctx.store, app.unionPath, chinaToday(new Date(decidedAt)), joinDecisionCounts(app, approved, decidedAt, union))
}

/**
 * A transfer closed by the receiving union: a decision there (timed from the member's request,
 * against the leaving and receiving unions' days together), and, completed, a member out of one
 * subtree and into another.
 */
export function transferDecisionCounts(transfer: Pick<TransferDoc, 'createdAt'>, completed: boolean, closedAt: string, toUnion: Pick<UnionDoc, 'serviceDays'> | null): Counts {
  const since = new Date(transfer.createdAt)
  const at = new Date(closedAt)
  const days = serviceDays(toUnion?.serviceDays)
  const counts: Counts = { [completed ? C.trOk : C.trNo]: 1, [C.trTime(durationBucket(at.getTime() - since.getTime()))]: 1 }
  if (at.getTime() > dueAt(since, days.transferOut + days.transferIn).getTime()) counts[C.trLate] = 1
  return counts
}

export async function tallyTransferClosed(ctx: ActionContext, transfer: TransferDoc): Promise<void> {
  if (!transfer.closedAt || (transfer.status !== 'completed' && transfer.status !== 'rejected')) return
  const completed = transfer.status === 'completed'
  const day = chinaToday(new Date(transfer.closedAt))
  const toUnion = await ctx.db.unions.get(transfer.toUnionId)
  await addCounts(ctx.store, transfer.toUnionPath, day, { ...transferDecisionCounts(transfer, completed, transfer.closedAt, toUnion), ...(completed ? { [C.transferIn]: 1 } : {}) })
  if (completed) await addCounts(ctx.store, transfer.fromUnionPath, day, { [C.transferOut]: 1 })
}

/** A coupon claimed or redeemed, counted under the offer's union, by offer and by merchant. */
export function couponCounts(coupon: { offerId: string; merchantId: string }, what: 'c' | 'r'): Counts {
  return { [what === 'c' ? C.claimed : C.redeemed]: 1, [C.offer(safe(coupon.offerId), what)]: 1, [C.merchant(safe(coupon.merchantId), what)]: 1 }
}

export async function tallyCoupon(ctx: ActionContext, offerUnionPath: readonly string[], coupon: { offerId: string; merchantId: string }, what: 'c' | 'r', at: string): Promise<void> {
  await addCounts(ctx.store, offerUnionPath, chinaToday(new Date(at)), couponCounts(coupon, what))
}
