import { SAME_ID_APPROVED_REASON } from '../../../domain/join/lapse'
import { subscribeTime } from '../../../domain/subscribe'
import type { ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { tallyJoinDecision } from '../staff/tally'
import { releaseAccountClaim } from './claims'
import { joinDb, type ApplicationDoc } from './collections'

export const STATUS_LINK = '/pages/me/index'

export interface Closing {
  /** What it becomes: not approved (by a clerk, or because another with its ID number was), or lapsed. */
  status: 'rejected' | 'lapsed'
  /** What it must still be: pending, or 'approved' for an approval that lost its ID number to another. */
  from: 'pending' | 'approved'
  reason: string
  decidedBy: string
  /** The audit entry's action. */
  audit: string
  /** What the applicant is told: a title, and what follows the union's name and the reason. */
  title: string
  next: string
}

/**
 * Ends an application that is not approved: one conditional update (a decision made meanwhile wins,
 * and then this changes nothing and answers null), the account free for a new application, the
 * audit and the applicant told. A lock on the ID number from before #14 item 4 is released too.
 */
export async function closeApplication(ctx: ActionContext, app: ApplicationDoc, how: Closing): Promise<ApplicationDoc | null> {
  const { applications, claims } = joinDb(ctx.store)
  const decidedAt = ctx.now().toISOString()
  const set = { status: how.status, decidedAt, decidedBy: how.decidedBy, rejectReason: how.reason }
  // From 'approved' only while its membership is not made (the approval that lost its ID number).
  const changed = await applications.update(how.from === 'approved' ? { _id: app._id, status: 'approved', membershipId: null } : { _id: app._id, status: 'pending' }, { set })
  if (changed === 0) return null
  await claims.remove({ _id: app.idHash, applicationId: app._id, status: 'pending' })
  await releaseAccountClaim(ctx, app.openid, app._id)
  await ctx.audit({ key: `join-close-${app._id}`, action: how.audit, target: { collection: 'applications', id: app._id }, before: { status: how.from }, after: { status: how.status, rejectReason: how.reason, decidedBy: how.decidedBy }, unionPath: app.unionPath })
  const union = await ctx.db.unions.get(app.unionId)
  // Not approved is a decision the staff figures count (once: only the try that changed it gets here); lapsing is not.
  if (how.status === 'rejected') await tallyJoinDecision(ctx, app, false, decidedAt, union)
  const unionName = union?.name ?? '工会'
  await notify(ctx, app.openid, { title: how.title, body: `${unionName}：${how.reason}。${how.next}`, link: STATUS_LINK, target: { kind: 'application', id: app._id }, key: `join-close-${app._id}` }, {
    topic: 'joinResult',
    fields: { result: how.status === 'lapsed' ? '已失效' : '未通过', union: unionName, note: how.reason, time: subscribeTime(ctx.now()) },
  })
  return { ...app, ...set }
}

/** Same ID number, another application approved: this one is not (#14 item 4). */
export const sameIdApproved = (from: 'pending' | 'approved'): Closing => ({
  status: 'rejected',
  from,
  reason: SAME_ID_APPROVED_REASON,
  decidedBy: 'system',
  audit: 'join.rejectSameId',
  title: '入会申请未通过',
  next: '如果这是你本人的身份证号，请带身份证到工会核实。',
})
