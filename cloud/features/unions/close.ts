import type { CloseCheck, OrgUnion } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { chinaToday } from '../../../domain/time'
import { IN_FLIGHT } from '../../../domain/transfer/machine'
import type { UnionDoc } from '../../lib/collections'
import { signedIn, type ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { requireStaffOf, staffUnionIds } from '../../lib/roles'
import { joinDb } from '../join/collections'
import { transferDb } from '../transfer/collections'
import { followRename, FOLLOW_PAGE, WORK_BUDGET_MS, type WorkOptions } from './follow'
import { reloadView } from './manage'

/**
 * Closing a union (撤销): nothing is deleted. A closed union takes no applications, no transfers in
 * and no unions below it; its code is never given again; its members keep their membership, number
 * and join date, and are each told to transfer (a notice that opens the transfer page).
 *
 * It is refused while anything is under way there: applications waiting for review (or an approval
 * half-done), transfers in flight (out or in), unions below it that are not closed. Without
 * transactions the order makes this hold: the union is closed first (stage 'check': nothing new can
 * start there from that moment, since joins, transfers in and adds read its status again after they
 * write), then what would block it is counted; if anything does, its status goes back. Then its
 * members are told, a page at a time, where the last call stopped (stage 'notify'). A call that dies
 * in either stage is finished by the next (org.close again, or org.finish).
 */

/** Open unions below named in a refusal. */
const NAMED_CHILDREN = 3

/** What a close would meet now. */
export async function closeCounts(ctx: ActionContext, union: UnionDoc): Promise<CloseCheck> {
  const { applications } = joinDb(ctx.store)
  const { transfers } = transferDb(ctx.store)
  const id = union._id
  const open = { parentId: id, status: { $ne: 'closed' as const } }
  const [pending, approving, out, into, openChildren, named, members] = await Promise.all([
    applications.count({ unionPath: id, unionId: id, status: 'pending' }),
    // An approval between its two writes (decided, membership not yet made) counts as waiting.
    applications.count({ unionPath: id, unionId: id, status: 'approved', membershipId: null }),
    transfers.count({ fromUnionPath: id, fromUnionId: id, status: { $in: IN_FLIGHT } }),
    transfers.count({ toUnionPath: id, toUnionId: id, status: { $in: IN_FLIGHT } }),
    ctx.db.unions.count(open),
    ctx.db.unions.find(open, { sort: { name: 1, _id: 1 }, limit: NAMED_CHILDREN }),
    ctx.db.memberships.count({ unionId: id, status: 'active' }),
  ])
  const counts = { members, pendingApplications: pending + approving, transfersInFlight: out + into, openChildren, openChildNames: named.map((u) => u.name) }
  return { ...counts, blocked: blockedMessage(union, counts) }
}

function blockedMessage(union: UnionDoc, c: Omit<CloseCheck, 'blocked'>): string | null {
  const what: string[] = []
  const todo: string[] = []
  if (c.pendingApplications) {
    what.push(`${c.pendingApplications} 份入会申请待审核`)
    todo.push('在“入会审核”中处理完申请')
  }
  if (c.transfersInFlight) {
    what.push(`${c.transfersInFlight} 笔转会正在办理`)
    todo.push('在“转会待办”中办结转会')
  }
  if (c.openChildren) {
    const more = c.openChildren > c.openChildNames.length ? ' 等' : ''
    what.push(`下级还有 ${c.openChildren} 个工会未撤销（${c.openChildNames.join('、')}${more}）`)
    todo.push('先撤销下级工会')
  }
  if (!what.length) return null
  return `「${union.name}」暂不能撤销：${what.join('；')}。请${todo.join('、')}后再撤销。`
}

/** Staff of a union above it (not of the union itself): a union is closed from above. */
async function requireCloser(ctx: ActionContext, unionId: string): Promise<UnionDoc> {
  const union = await requireStaffOf(ctx, unionId)
  const roots = staffUnionIds(ctx.caller)
  if (!union.ancestors.some((id) => roots.includes(id))) throw new CloudError('FORBIDDEN', '工会由上级工会撤销：你任职的工会不能由你自己撤销')
  return union
}

export async function closeCheck(ctx: ActionContext, unionId: string): Promise<CloseCheck> {
  return closeCounts(ctx, await requireCloser(ctx, unionId))
}

/** Closes a union below the caller's (see above); a closed one answers as it is, finishing what is left. */
export async function closeUnion(ctx: ActionContext, unionId: string, work: WorkOptions = {}): Promise<OrgUnion> {
  const { openid } = signedIn(ctx)
  const union = await requireCloser(ctx, unionId)
  if (union.status !== 'closed') {
    // Asked first so that a close refused for a plain reason changes nothing at all.
    const { blocked } = await closeCounts(ctx, union)
    if (blocked) throw new CloudError('UNION_CLOSE_BLOCKED', blocked)
    const closedAt = ctx.now().toISOString()
    const flipped = await ctx.db.unions.update(
      { _id: union._id, status: union.status, closing: { $exists: false } },
      { set: { status: 'closed', closedAt, closedBy: openid, closing: { stage: 'check', statusBefore: union.status, after: '', notified: 0 } } },
    )
    // Not by this call: closed by another at the same instant (go on from what is stored), or changed.
    if (!flipped && (await ctx.db.unions.get(union._id))?.status !== 'closed') throw new CloudError('CONFLICT', '这个工会刚被别人修改过，请刷新后再撤销')
  }
  return finishClose(ctx, union._id, work)
}

/** Takes a close on from its stage: the check (and the audit entry), then telling the members. */
async function finishClose(ctx: ActionContext, unionId: string, work: WorkOptions): Promise<OrgUnion> {
  const { unions } = ctx.db
  let union = await unions.get(unionId)
  if (union?.closing?.stage === 'check') {
    const closedAt = union.closedAt ?? ''
    const { blocked, members } = await closeCounts(ctx, union)
    const place = { _id: unionId, 'closing.stage': 'check', closedAt }
    if (blocked) {
      await unions.update(place, { set: { status: union.closing.statusBefore }, unset: ['closing', 'closedAt', 'closedBy'] })
      throw new CloudError('UNION_CLOSE_BLOCKED', blocked)
    }
    if (await unions.update(place, { set: { 'closing.stage': 'notify' } })) {
      await ctx.audit({
        key: `org.close:${unionId}:${closedAt}`,
        action: 'org.close',
        target: { collection: 'unions', id: unionId },
        before: { status: union.closing.statusBefore },
        after: { status: 'closed', closedAt, members },
        unionPath: [...union.ancestors, unionId],
      })
    }
    union = await unions.get(unionId)
  }
  if (union?.closing?.stage === 'notify') await tellMembers(ctx, union, work)
  return reloadView(ctx, unionId)
}

/**
 * Each member of the closed union is told once (the notice's id is derived from the union and the
 * membership), a page at a time in membership id order from where the last call stopped, the place
 * saved on the union after each page; a call whose time is up leaves the rest to the next.
 */
async function tellMembers(ctx: ActionContext, closed: UnionDoc, work: WorkOptions): Promise<boolean> {
  const { unions, memberships } = ctx.db
  const budget = work.budgetMs ?? WORK_BUDGET_MS
  const size = work.pageSize ?? FOLLOW_PAGE
  const started = performance.now()
  // The day in China, as people write it: 2026年11月23日.
  const [year, month, date] = chinaToday(new Date(closed.closedAt ?? ctx.now().toISOString())).split('-').map(Number)
  const day = `${year}年${month}月${date}日`
  for (;;) {
    const union = await unions.get(closed._id)
    if (union?.closing?.stage !== 'notify') return true
    const { after, notified } = union.closing
    const page = await memberships.find({ unionId: union._id, status: 'active', ...(after ? { _id: { $gt: after } } : {}) }, { sort: { _id: 1 }, limit: size })
    for (let i = 0; i < page.length; i += 20) {
      await Promise.all(
        page.slice(i, i + 20).map((m) =>
          notify(ctx, m.openid, {
            key: `union-closed:${union._id}:${m._id}`,
            title: '所在工会已撤销，请办理转会',
            body: `「${union.name}」已于${day}撤销。你的会籍、会员编号和入会时间不变，各项权益照常；请尽快转入新单位的工会，或所在地的乡镇（街道）工会、新业态工会联合会。`,
            link: TRANSFER_PAGE,
          }),
        ),
      )
    }
    const place = { _id: union._id, 'closing.stage': 'notify', 'closing.after': after }
    if (page.length < size) {
      if (await unions.update(place, { set: { membersNotified: notified + page.length }, unset: ['closing'] })) return true
      continue
    }
    await unions.update(place, { set: { 'closing.after': page[page.length - 1]._id, 'closing.notified': notified + page.length } })
    if (performance.now() - started >= budget) return false
  }
}

/** Where a closed union's members go from their notice. */
export const TRANSFER_PAGE = '/features/transfer/pages/start/index'

/** org.finish: whatever an edit or a close left (the unions below following a rename; a close's check or notices). */
export async function finishWork(ctx: ActionContext, unionId: string, work: WorkOptions = {}): Promise<OrgUnion> {
  const union = await requireStaffOf(ctx, unionId)
  if (union.follow) await followRename(ctx, unionId, work)
  if (union.closing) {
    await requireCloser(ctx, unionId)
    return finishClose(ctx, unionId, work)
  }
  return reloadView(ctx, unionId)
}
