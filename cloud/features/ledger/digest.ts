import { reviewScopeOf, type ReviewScope } from '../../../domain/aid/review'
import type { QueueKind } from '../../../domain/home'
import { deadlineState, serviceDays, type DeadlineState } from '../../../domain/staff/deadline'
import { subscribeTime } from '../../../domain/subscribe'
import { chinaToday } from '../../../domain/time'
import { ACTIVE_ROLE, type RoleDoc, type UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { findByIds, forEachPage } from '../../lib/store/read'
import type { Collection, Doc, Filter } from '../../lib/store/port'
import { aidDb } from '../aid/collections'
import { openObjections, waitingAt } from '../aid/levels'
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
 * 金秋助学 counts at the caller's review level, as the 工作台 does (cloud/features/staff/desk.ts):
 * applications to verify where they act at level one, to approve and 公示 objections where they
 * act at level two; so a 金秋助学 reviewer (aid_reviewer) hears of their level only.
 * A clerk with nothing new, soon or overdue gets nothing. The notice's key is the clerk and the
 * China day, so a second run the same day (a retried timer) sends nothing more.
 */
export async function sendDigest(ctx: ActionContext): Promise<{ sent: number }> {
  const rolesOf = new Map<string, RoleDoc[]>()
  for (const kind of ['union_staff', 'aid_reviewer'] as const) {
    await forEachPage(ctx.db.roles, { kind, ...ACTIVE_ROLE } as Filter<RoleDoc>, (page) => {
      for (const role of page) rolesOf.set(role.openid, [...(rolesOf.get(role.openid) ?? []), role])
    })
  }
  const now = ctx.now()
  const bySubtree = new Map<string, Promise<Waiting[]>>()
  const byScope = new Map<string, Promise<Waiting[]>>()
  const unions = new Map<string, UnionDoc>()
  let sent = 0
  for (const [openid, roles] of rolesOf) {
    const key = `digest-${chinaToday(now)}-${openid}`
    if (await ctx.db.notifications.get(key)) continue
    const seen = new Map<string, Waiting>()
    for (const role of roles) {
      if (role.kind !== 'union_staff') continue
      if (!bySubtree.has(role.unionId)) bySubtree.set(role.unionId, waitingUnder(ctx, role.unionId, now))
      for (const item of await bySubtree.get(role.unionId)!) seen.set(item.key, item)
    }
    const scope = reviewScopeOf(roles)
    const scopeKey = JSON.stringify([[...scope.levelOne].sort(), [...scope.levelTwo].sort()])
    if (!byScope.has(scopeKey)) byScope.set(scopeKey, aidWaiting(ctx, scope))
    for (const item of await byScope.get(scopeKey)!) seen.set(item.key, item)
    const items = [...seen.values()]
    const missing = items.map((i) => i.unionId).filter((id) => !unions.has(id))
    for (const union of await findByIds(ctx.db.unions, missing)) unions.set(union._id, union)
    const counts = tally(items, unions, now)
    if (!counts.fresh && !counts.soon && !counts.overdue) continue
    const aid = items.filter((i) => i.kind === 'aidOne' || i.kind === 'aidTwo').length
    const body = `新收到 ${counts.fresh} 件，即将超时 ${counts.soon} 件，已超时 ${counts.overdue} 件，共 ${items.length} 件待办理${aid ? `（其中金秋助学 ${aid} 件）` : ''}。`
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

/**
 * 金秋助学 waiting for someone of this review scope, with the 工作台's filters: applications to
 * verify (level one) or approve (level two), and open 公示 objections (level two), each read on the
 * reviewing unions stored on it (cloud/features/aid/levels.ts), so exactly the scope's.
 */
async function aidWaiting(ctx: ActionContext, scope: ReviewScope): Promise<Waiting[]> {
  const { applications, objections } = aidDb(ctx.store)
  const [levelOne, levelTwo, objected] = [waitingAt(1, scope), waitingAt(2, scope), openObjections(scope)]
  const [one, two, open] = await Promise.all([
    levelOne ? readUpTo(applications, levelOne, PER_QUEUE_MAX) : [],
    levelTwo ? readUpTo(applications, levelTwo, PER_QUEUE_MAX) : [],
    objected ? readUpTo(objections, objected, PER_QUEUE_MAX) : [],
  ])
  return [
    ...one.map((a): Waiting => ({ key: `aid:${a._id}`, kind: 'aidOne', unionId: a.unionId, since: a.updatedAt })),
    ...two.map((a): Waiting => ({ key: `aid:${a._id}`, kind: 'aidTwo', unionId: a.unionId, since: a.updatedAt })),
    ...open.map((o): Waiting => ({ key: `obj:${o._id}`, kind: 'aidTwo', unionId: o.unionPath[o.unionPath.length - 1], since: o.createdAt })),
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
