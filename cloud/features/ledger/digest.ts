import type { QueueKind } from '../../../domain/home'
import { deadlineState, serviceDays, type DeadlineState } from '../../../domain/staff/deadline'
import { subscribeTime } from '../../../domain/subscribe'
import { chinaToday } from '../../../domain/time'
import { ACTIVE_ROLE, type RoleDoc, type UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { findByIds, forEachPage } from '../../lib/store/read'
import type { Collection, Doc, Filter } from '../../lib/store/port'
import { joinDb } from '../join/collections'
import { rightsDb } from '../rights/collections'
import { transferDb } from '../transfer/collections'
import { releaseDue } from '../transfer/moves'

/** One thing waiting for a decision: which queue, whose union decides, and since when it waits. */
interface Waiting {
  key: string
  kind: QueueKind
  unionId: string
  since: string
}

/** A subtree's waiting items are read whole; past this many per queue the digest still goes, counting these. */
const PER_QUEUE_MAX = 20_000
const DAY_MS = 24 * 3600 * 1000

/** Where a clerk opens what the digest is about: 首页 lists their queues. */
const DIGEST_LINK = '/pages/home/index'

/**
 * The daily digest (#17 item 4), the `review` function's one timer: each clerk gets one message of
 * what waits in their unions' subtrees — new since yesterday, about to pass the service deadline
 * ('soon'), past it — counted against the deciding union's own days (domain/staff/deadline.ts).
 * A clerk with nothing new, soon or overdue gets nothing. The notice's key is the clerk and the
 * China day, so a second run the same day (a retried timer) sends nothing more. Aid queues are
 * left out: who acts on an aid application depends on review levels the 金秋助学 pages count.
 */
export async function sendDigest(ctx: ActionContext): Promise<{ sent: number }> {
  const rootsByClerk = new Map<string, Set<string>>()
  await forEachPage(ctx.db.roles, { kind: 'union_staff', ...ACTIVE_ROLE } as Filter<RoleDoc>, (page) => {
    for (const role of page) if (role.kind === 'union_staff') rootsByClerk.set(role.openid, (rootsByClerk.get(role.openid) ?? new Set()).add(role.unionId))
  })
  const now = ctx.now()
  const bySubtree = new Map<string, Promise<Waiting[]>>()
  const unions = new Map<string, UnionDoc>()
  let sent = 0
  for (const [openid, roots] of rootsByClerk) {
    const key = `digest-${chinaToday(now)}-${openid}`
    if (await ctx.db.notifications.get(key)) continue
    const seen = new Map<string, Waiting>()
    for (const root of roots) {
      if (!bySubtree.has(root)) bySubtree.set(root, waitingUnder(ctx, root, now))
      for (const item of await bySubtree.get(root)!) seen.set(item.key, item)
    }
    const items = [...seen.values()]
    const missing = items.map((i) => i.unionId).filter((id) => !unions.has(id))
    for (const union of await findByIds(ctx.db.unions, missing)) unions.set(union._id, union)
    const counts = tally(items, unions, now)
    if (!counts.fresh && !counts.soon && !counts.overdue) continue
    const body = `新收到 ${counts.fresh} 件，即将超时 ${counts.soon} 件，已超时 ${counts.overdue} 件，共 ${items.length} 件待办理。`
    await notify(ctx, openid, { title: '今日待办', body, link: DIGEST_LINK, key }, {
      topic: 'staffDigest',
      fields: { summary: `新${counts.fresh} 将超时${counts.soon} 已超时${counts.overdue}`, total: String(items.length), time: subscribeTime(now) },
    })
    sent += 1
  }
  return { sent }
}

function tally(items: Waiting[], unions: Map<string, UnionDoc>, now: Date): { fresh: number; soon: number; overdue: number } {
  const yesterday = now.getTime() - DAY_MS
  const counts = { fresh: 0, soon: 0, overdue: 0 }
  for (const item of items) {
    const since = new Date(item.since)
    if (since.getTime() >= yesterday) counts.fresh += 1
    const state: DeadlineState = deadlineState(since, serviceDays(unions.get(item.unionId)?.serviceDays)[item.kind], now)
    if (state === 'soon') counts.soon += 1
    if (state === 'overdue') counts.overdue += 1
  }
  return counts
}

/** What waits under one union, with the same filters as the queue pages (cloud/features/home/queues.ts). */
async function waitingUnder(ctx: ActionContext, root: string, now: Date): Promise<Waiting[]> {
  const { applications } = joinDb(ctx.store)
  const { transfers } = transferDb(ctx.store)
  const read = <T extends Doc>(collection: Collection<T>, filter: Filter<T>) => readUpTo(collection, filter, PER_QUEUE_MAX)
  const [joins, out, accepting, released, rights] = await Promise.all([
    read(applications, { unionPath: root, status: 'pending' }),
    read(transfers, { fromUnionPath: root, ...releaseDue(now, false) }),
    read(transfers, { toUnionPath: root, status: 'pending_accept' }),
    read(transfers, { toUnionPath: root, ...releaseDue(now, true) }),
    read(rightsDb(ctx.store).requests, { unionPath: root, status: 'pending' }),
  ])
  return [
    ...joins.map((a): Waiting => ({ key: `a:${a._id}`, kind: 'join', unionId: a.unionId, since: a.submittedAt })),
    ...out.map((t): Waiting => ({ key: `o:${t._id}`, kind: 'transferOut', unionId: t.fromUnionId, since: t.createdAt })),
    ...accepting.map((t): Waiting => ({ key: `i:${t._id}`, kind: 'transferIn', unionId: t.toUnionId, since: t.releasedAt ?? t.createdAt })),
    ...released.map((t): Waiting => ({ key: `i:${t._id}`, kind: 'transferIn', unionId: t.toUnionId, since: t.autoReleaseAt })),
    ...rights.map((r): Waiting => ({ key: `r:${r._id}`, kind: 'rights', unionId: r.unionId ?? r.unionPath[r.unionPath.length - 1], since: r.createdAt })),
  ]
}

/** The first `max` matching documents, page by page. */
async function readUpTo<T extends Doc>(collection: Collection<T>, filter: Filter<T>, max: number): Promise<T[]> {
  const all: T[] = []
  await forEachPage(collection, filter, (page) => {
    all.push(...page.slice(0, max - all.length))
    return all.length < max
  })
  return all
}
