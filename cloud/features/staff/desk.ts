import type { ActionOutput, ActionParsed, DeskItem } from '../../../domain/contract'
import { QUEUES, type QueueKind } from '../../../domain/home'
import { waitedText } from '../../../domain/join/form'
import { pageCursor } from '../../../domain/paging'
import { RIGHTS_TYPE_NAMES } from '../../../domain/rights'
import { deadlineState, dueAt, serviceDays } from '../../../domain/staff/deadline'
import { pageStart } from '../../lib/paging'
import { reviewScope, staffUnionIds } from '../../lib/roles'
import type { Doc } from '../../lib/store/port'
import { byKeyset, findByIds, keysetPage, keysetPageOfAny } from '../../lib/store/read'
import { signedIn, type ActionContext } from '../../lib/context'
import { aidDb } from '../aid/collections'
import { openObjections, waitingAt } from '../aid/levels'
import { joinDb } from '../join/collections'
import { rightsDb } from '../rights/collections'
import { transferDb } from '../transfer/collections'
import { releaseDue } from '../transfer/moves'

/** A phone's screenful or three. */
export const DESK_PAGE_SIZE = 30

/** One waiting thing before its deadline is worked out: `since` orders the desk, `deadlineFrom` starts the clock. */
interface Waiting {
  kind: QueueKind
  id: string
  since: string
  deadlineFrom: string
  unionId: string
  title: string
  detail: string
}

const lastOf = (path: readonly string[]) => path[path.length - 1]

/**
 * review.desk (工作台): everything waiting for the caller, from every queue of theirs, oldest first,
 * each against its union's service days (domain/staff/deadline.ts). The filters are the queues'
 * own (cloud/features/home/queues.ts), so the desk, 首页's counts and the queue pages agree. Each
 * queue reads its own next page after the cursor; the merge keeps the oldest DESK_PAGE_SIZE.
 */
export async function desk(ctx: ActionContext, input: ActionParsed<'review', 'desk'>): Promise<ActionOutput<'review', 'desk'>> {
  const caller = signedIn(ctx)
  const roots = staffUnionIds(caller)
  const scope = reviewScope(caller)
  const after = pageStart(input.cursor)
  const now = ctx.now()
  const want = DESK_PAGE_SIZE + 1
  const parts: Array<Promise<Waiting[]>> = []
  if (roots.length) {
    const inRoots = { $in: roots }
    const { transfers } = transferDb(ctx.store)
    parts.push(
      keysetPage(joinDb(ctx.store).applications, { unionPath: inRoots, status: 'pending' }, 'submittedAt', after, want).then((rows) =>
        rows.map((a) => ({ kind: 'join' as const, id: a._id, since: a.submittedAt, deadlineFrom: a.submittedAt, unionId: a.unionId, title: `入会申请：${a.name}`, detail: '待审核' })),
      ),
      keysetPage(transfers, { fromUnionPath: inRoots, ...releaseDue(now, false) }, 'createdAt', after, want).then((rows) =>
        rows.map((t) => ({ kind: 'transferOut' as const, id: t._id, since: t.createdAt, deadlineFrom: t.createdAt, unionId: t.fromUnionId, title: '转会：待放行', detail: '会员申请转出' })),
      ),
      keysetPageOfAny(transfers, [{ toUnionPath: inRoots, status: 'pending_accept' }, { toUnionPath: inRoots, ...releaseDue(now, true) }], 'createdAt', after, want).then((rows) =>
        rows.map((t) => ({ kind: 'transferIn' as const, id: t._id, since: t.createdAt, deadlineFrom: t.releasedAt ?? t.autoReleaseAt, unionId: t.toUnionId, title: '转会：待接收', detail: '原工会已放行' })),
      ),
      keysetPage(rightsDb(ctx.store).requests, { unionPath: inRoots, status: 'pending' }, 'createdAt', after, want).then((rows) =>
        rows.map((r) => ({ kind: 'rights' as const, id: r._id, since: r.createdAt, deadlineFrom: r.createdAt, unionId: lastOf(r.unionPath), title: `个人信息请求：${RIGHTS_TYPE_NAMES[r.type] ?? r.type}`, detail: '待答复' })),
      ),
    )
  }
  // 金秋助学 by the reviewing unions stored on each row (cloud/features/aid/levels.ts): exactly the caller's.
  const { applications, objections } = aidDb(ctx.store)
  for (const level of [1, 2] as const) {
    const waiting = waitingAt(level, scope)
    if (!waiting) continue
    parts.push(
      keysetPage(applications, waiting, 'updatedAt', after, want).then((rows) =>
        rows.map((a) => ({ kind: level === 1 ? ('aidOne' as const) : ('aidTwo' as const), id: a._id, since: a.updatedAt, deadlineFrom: a.updatedAt, unionId: a.unionId, title: `金秋助学：${a.child?.name ?? '申请'}`, detail: level === 1 ? '待基层审核' : '待上级审批' })),
      ),
    )
  }
  const open = openObjections(scope)
  if (open) {
    parts.push(
      keysetPage(objections, open, 'createdAt', after, want).then((rows) =>
        rows.map((o) => ({ kind: 'aidTwo' as const, id: o._id, since: o.createdAt, deadlineFrom: o.createdAt, unionId: lastOf(o.unionPath), title: '金秋助学：公示异议', detail: '待上级处理' })),
      ),
    )
  }
  const order = byKeyset<Doc & { since: string }>('since')
  const merged = (await Promise.all(parts))
    .flat()
    .map((w) => ({ ...w, _id: w.id }))
    .sort(order)
  const page = merged.slice(0, DESK_PAGE_SIZE)
  const last = page[page.length - 1]
  const unions = new Map((await findByIds(ctx.db.unions, page.map((w) => w.unionId))).map((u) => [u._id, u]))
  const items: DeskItem[] = page.map((w) => {
    const days = serviceDays(unions.get(w.unionId)?.serviceDays)[w.kind]
    const from = new Date(w.deadlineFrom)
    return {
      id: `${w.kind}-${w.id}`,
      kind: w.kind,
      title: w.title,
      detail: `${unions.get(w.unionId)?.name ?? '工会'} · ${w.detail}`,
      since: w.since,
      waited: waitedText(w.since, now),
      dueAt: dueAt(from, days).toISOString(),
      state: deadlineState(from, days, now),
      path: QUEUES[w.kind].path,
    }
  })
  return { items, nextCursor: merged.length > DESK_PAGE_SIZE && last ? pageCursor({ value: last.since, id: last.id }) : null }
}
