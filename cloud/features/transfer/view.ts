import type { ActionOutput, TransferView } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import type { ActionContext } from '../../lib/context'
import { unionPathNames, unionSummary } from '../../lib/unions'
import type { TransferDoc } from './collections'
import { findByIds } from '../../lib/store/read'
import { mine, queue } from './queries'
import { checkTarget } from './start'

/** What the member and staff see of transfers: union names, the member's name and number. */
export async function toViews(ctx: ActionContext, docs: TransferDoc[]): Promise<TransferView[]> {
  if (!docs.length) return []
  const unionIds = [...new Set(docs.flatMap((d) => [d.fromUnionId, d.toUnionId]))]
  const [unions, people, memberships] = await Promise.all([
    findByIds(ctx.db.unions, unionIds),
    findByIds(ctx.db.people, docs.map((d) => d.openid)),
    findByIds(ctx.db.memberships, docs.map((d) => d.membershipId)),
  ])
  const unionById = new Map(unions.map((u) => [u._id, unionSummary(u)]))
  const nameById = new Map(people.map((p) => [p._id, p.displayName]))
  const numberById = new Map(memberships.map((m) => [m._id, m.memberNo]))
  return docs.map((d) => {
    const fromUnion = unionById.get(d.fromUnionId)
    const toUnion = unionById.get(d.toUnionId)
    if (!fromUnion || !toUnion) throw new CloudError('INTERNAL', '转会涉及的工会不存在，请联系工会')
    return {
      id: d._id,
      status: d.status,
      memberName: nameById.get(d.openid) ?? '会员',
      memberNo: numberById.get(d.membershipId) ?? '',
      fromUnion,
      toUnion,
      reason: d.reason,
      reasonText: d.reasonText,
      newEmployer: d.newEmployer,
      jobType: d.jobType,
      createdAt: d.createdAt,
      autoReleaseAt: d.status === 'pending_release' ? d.autoReleaseAt : null,
      releasedAt: d.releasedAt,
      releasedBy: d.releasedBy === null ? null : d.releasedBy === 'auto' ? 'auto' : 'staff',
      closedAt: d.closedAt,
      rejectReason: d.rejectReason,
    }
  })
}

export async function toView(ctx: ActionContext, doc: TransferDoc): Promise<TransferView> {
  const [view] = await toViews(ctx, [doc])
  return view
}

/** transfer.preview: the unions a transfer to `toUnionId` would leave and enter, once it may start. */
export async function previewView(ctx: ActionContext, toUnionId: string): Promise<ActionOutput<'transfer', 'preview'>> {
  const { from, to } = await checkTarget(ctx, toUnionId)
  return { fromUnion: unionSummary(from), toUnion: unionSummary(to), toUnionPath: await unionPathNames(ctx, to) }
}

/** transfer.mine: the member's transfer in flight, their last closed one, and their unions over time. */
export async function mineView(ctx: ActionContext): Promise<ActionOutput<'transfer', 'mine'>> {
  const { current, last, history } = await mine(ctx)
  return { current: current && (await toView(ctx, current)), last: last && (await toView(ctx, last)), history }
}

/** transfer.queue: a page of a clerk's side, as views. */
export async function queueView(ctx: ActionContext, side: 'outgoing' | 'incoming', cursor?: string): Promise<ActionOutput<'transfer', 'queue'>> {
  const { items, nextCursor, total } = await queue(ctx, side, cursor)
  return { items: await toViews(ctx, items), nextCursor, total }
}
