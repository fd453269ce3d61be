import { AID_STATUS_NAMES } from '../../../domain/aid/machine'
import { expiryReminder, REMIND_DAYS } from '../../../domain/benefits/coupons'
import type { WaitingItem } from '../../../domain/contract'
import { formatDate } from '../../../domain/format'
import { AID_DECISION_DAYS, WAITING_PATHS } from '../../../domain/home'
import type { ActionContext } from '../../lib/context'
import { findByIds } from '../../lib/store/read'
import { aidDb } from '../aid/collections'
import { benefitsDb } from '../benefits/collections'
import { joinDb } from '../join/collections'
import { transferDb } from '../transfer/collections'

const DAY_MS = 24 * 60 * 60 * 1000
/** A person has a handful of each at most; a few more than 首页 shows. */
const FEW = 20

/**
 * What of the caller's own waits, each read by the caller's openid only (never by a field of the
 * request), oldest concern first: an application in review, a transfer in flight, coupons about to
 * expire, and 金秋助学 applications under way or decided within AID_DECISION_DAYS.
 */
export async function waitingFor(ctx: ActionContext, openid: string): Promise<WaitingItem[]> {
  const now = ctx.now()
  const [joins, transfers, coupons, aid] = await Promise.all([
    joinDb(ctx.store).applications.find({ openid, status: 'pending' }, { limit: FEW }),
    transferDb(ctx.store).transfers.find({ openid, status: { $in: ['pending_release', 'pending_accept'] } }, { limit: FEW }),
    benefitsDb(ctx.store).coupons.find(
      { openid, status: 'active', expiresAt: { $gt: now.toISOString(), $lte: new Date(now.getTime() + (REMIND_DAYS + 1) * DAY_MS).toISOString() } },
      { limit: FEW, sort: { expiresAt: 1 } },
    ),
    aidDb(ctx.store).applications.find({ owner: openid, status: { $nin: ['withdrawn'] }, updatedAt: { $gte: new Date(now.getTime() - AID_DECISION_DAYS * DAY_MS).toISOString() } }, { limit: FEW }),
  ])
  const unionIds = [...joins.map((a) => a.unionId), ...transfers.map((t) => t.toUnionId)]
  const unionNames = new Map((await findByIds(ctx.db.unions, unionIds)).map((u) => [u._id, u.name]))
  const name = (id: string) => unionNames.get(id) ?? '工会'
  return [
    ...joins.map((a) => ({ key: `join-${a._id}`, kind: 'join' as const, title: '入会申请审核中', detail: `${name(a.unionId)} · ${formatDate(a.submittedAt)}提交`, path: WAITING_PATHS.join })),
    ...transfers.map((t) => ({
      key: `transfer-${t._id}`,
      kind: 'transfer' as const,
      title: '转会办理中',
      detail: `转入${name(t.toUnionId)} · ${t.status === 'pending_release' ? '等待原工会放行' : '等待新工会接收'}`,
      path: WAITING_PATHS.transfer,
    })),
    ...coupons.flatMap((c) => {
      const reminder = expiryReminder(c, now)
      return reminder ? [{ key: `coupon-${c._id}`, kind: 'coupon' as const, title: `${c.title}（${reminder}）`, detail: `${c.merchantName} · 到店出示核销`, path: `${WAITING_PATHS.coupon}?id=${encodeURIComponent(c._id)}` }] : []
    }),
    ...aid
      // An erased application keeps only what "one per child and year" needs: nothing to show.
      .filter((a) => !a.erasedAt)
      .map((a) => ({ key: `aid-${a._id}`, kind: 'aid' as const, title: `金秋助学：${AID_STATUS_NAMES[a.status]}`, detail: `${a.child.name} · ${a.year}年`, path: WAITING_PATHS.aid })),
  ]
}
