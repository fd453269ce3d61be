import type { Store } from '../../lib/store/port'
import { benefitsDb } from '../benefits/collections'
import { joinDb } from '../join/collections'
import { transferDb } from '../transfer/collections'
import { staffDb } from './collections'
import { recomputeFigures } from './recompute'

/**
 * The figures' counters made from the records when there are none yet: a store (a DATA_DIR, a
 * WeChat environment) holding decisions and coupons from before the counters existed would show
 * their figures as zero, since tally.ts counts only the writes made after it. Run at the local
 * server's start and by the deploy (review.rebuildFigures). Once any counter exists it does
 * nothing, so running it twice is safe; the recompute reads the records a page at a time.
 */
export async function rebuildFiguresIfEmpty(store: Store): Promise<{ rebuilt: boolean; documents: number }> {
  const { figures, months } = staffDb(store)
  const counted = (await figures.find({}, { limit: 1 })).length + (await months.find({}, { limit: 1 })).length
  if (counted) return { rebuilt: false, documents: 0 }
  // The records the counters are made from (recompute.ts): decided joins, closed transfers, coupons.
  const [joins, transfers, coupons] = await Promise.all([
    joinDb(store).applications.find({ status: { $in: ['approved', 'rejected'] } }, { limit: 1 }),
    transferDb(store).transfers.find({ status: { $in: ['completed', 'rejected'] } }, { limit: 1 }),
    benefitsDb(store).coupons.find({}, { limit: 1 }),
  ])
  if (!joins.length && !transfers.length && !coupons.length) return { rebuilt: false, documents: 0 }
  return { rebuilt: true, documents: await recomputeFigures(store) }
}
