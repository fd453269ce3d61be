import type { ApplicationView } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { subscribeTime } from '../../../domain/subscribe'
import type { MembershipDoc, UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { isStaffOf, unionPathOf } from '../../lib/roles'
import { insertOnce } from '../../lib/resume'
import { DuplicateKeyError } from '../../lib/store/port'
import { SAME_ID_APPROVED_REASON } from '../../../domain/join/lapse'
import { lockIdNumber, releaseAccountClaim } from './claims'
import { closeApplication, sameIdApproved, STATUS_LINK } from './close'
import { joinDb, type ApplicationDoc } from './collections'
import { formatMemberNo, nextSequence } from './memberNo'
import { viewOf } from './views'
import { tallyJoinDecision } from '../staff/tally'

/** The application, if the caller is staff of its union or a union above; otherwise NOT_FOUND (nothing revealed). */
export async function applicationForStaff(ctx: ActionContext, id: string): Promise<{ app: ApplicationDoc; union: UnionDoc }> {
  const app = await joinDb(ctx.store).applications.get(id)
  const union = app ? await ctx.db.unions.get(app.unionId) : null
  if (!app || !union || !isStaffOf(ctx.caller, union)) throw new CloudError('NOT_FOUND', '找不到这份申请，或不属于你所在工会')
  return { app, union }
}

/** review.approve: a clerk of the application's union (or one above) approves it. */
export async function approveByStaff(ctx: ActionContext, id: string): Promise<ApplicationView> {
  const { union } = await applicationForStaff(ctx, id)
  return approveApplication(ctx, id, { actor: 'staff', union })
}

/** A member number unique in the store: the next of the region's sequence (the unique index is the last word). */
async function insertMembership(ctx: ActionContext, app: ApplicationDoc, union: UnionDoc, joinedAt: string): Promise<MembershipDoc> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const memberNo = formatMemberNo(union.regionCode, await nextSequence(ctx, `memberNo-${union.regionCode}`))
    // Named after the application: an approval finished after a crash finds the membership it made.
    const membership: MembershipDoc = { _id: `member-${app._id}`, openid: app.openid, unionId: union._id, memberNo, joinedAt, status: 'active' }
    try {
      return (await insertOnce(ctx.db.memberships, membership)).doc
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
      // Taken by a number given out before the sequence existed: take the next. Or the person is a member already.
      if (await ctx.db.memberships.count({ openid: app.openid })) throw new CloudError('ALREADY_MEMBER', '申请人已是工会会员；换了工作请办理转会')
    }
  }
  throw new CloudError('CONFLICT', '会员编号分配失败，请稍后重试')
}

/** After an approval: the other pending applications with its ID number can no longer be approved. */
async function closeSameIdOthers(ctx: ActionContext, winner: ApplicationDoc): Promise<void> {
  const others = await joinDb(ctx.store).applications.find({ idHash: winner.idHash, status: 'pending' }, { limit: 100 })
  for (const other of others) if (other._id !== winner._id) await closeApplication(ctx, other, sameIdApproved('pending'))
}

/**
 * Approves a pending application: one conditional update decides who wins when two clerks (or an
 * auto-approval and a clerk) act on it at once; then the ID number's lock decides between two
 * applications with the same ID number approved at once (#14 item 4): the one that loses it is
 * not approved. The winner alone allocates the number and the membership.
 */
export async function approveApplication(ctx: ActionContext, id: string, by: { actor: 'staff' | 'system'; union: UnionDoc }): Promise<ApplicationView> {
  const { applications, claims } = joinDb(ctx.store)
  // A closed union takes no new members (a close is refused while applications wait; this is the guard).
  if (by.union.status === 'closed') throw new CloudError('UNION_CLOSED', `「${by.union.name}」已撤销，不能再通过入会申请，请不通过并说明原因`)
  const decidedAt = ctx.now().toISOString()
  const decidedBy = by.actor === 'system' ? 'system' : (ctx.caller?.openid ?? 'system')
  const won = await applications.update({ _id: id, status: 'pending' }, { set: { status: 'approved', decidedAt, decidedBy } })
  const before = await applications.get(id)
  if (!before) throw new CloudError('NOT_FOUND')
  // Approved by this same decider but cut before its membership (a crash): this try finishes it (cloud/lib/resume.ts).
  const unfinished = before.status === 'approved' && !before.membershipId && before.decidedBy === decidedBy
  if (won === 0 && !unfinished) throw new CloudError('ALREADY_DECIDED')
  if (!(await lockIdNumber(ctx, before))) {
    await closeApplication(ctx, before, sameIdApproved('approved'))
    throw new CloudError('ALREADY_DECIDED', `${SAME_ID_APPROVED_REASON}，这份已自动不通过`)
  }
  let membership: MembershipDoc
  try {
    membership = await insertMembership(ctx, before, by.union, before.decidedAt ?? decidedAt)
  } catch (error) {
    // Put the application back as it was, so it can be decided again, and free its ID number.
    await applications.update({ _id: id, status: 'approved', memberNo: null }, { set: { status: 'pending', decidedAt: null, decidedBy: null } })
    await claims.remove({ _id: before.idHash, applicationId: id })
    throw error
  }
  await applications.update({ _id: id }, { set: { memberNo: membership.memberNo, membershipId: membership._id } })
  // Counted by the try that decided it (or finishes it): once, for the staff figures.
  if (won || unfinished) await tallyJoinDecision(ctx, before, true, before.decidedAt ?? decidedAt, by.union)
  await releaseAccountClaim(ctx, before.openid, id)
  const after = { ...before, memberNo: membership.memberNo, membershipId: membership._id }
  await ctx.audit({
    key: `join-approve-${id}`,
    action: by.actor === 'system' ? 'join.autoApprove' : 'join.approve',
    target: { collection: 'applications', id },
    before: { status: 'pending' },
    after: { status: 'approved', memberNo: membership.memberNo, membershipId: membership._id, decidedBy },
    unionPath: unionPathOf(by.union),
  })
  await notify(ctx, before.openid, {
    title: '入会申请已通过',
    body: `欢迎加入${by.union.name}！你的会员编号是 ${membership.memberNo}，电子会员证在“我的”页面。`,
    link: STATUS_LINK,
    target: { kind: 'application', id },
    key: `join-approve-${id}`,
  }, { topic: 'joinResult', fields: { result: '已通过', union: by.union.name, note: `会员编号 ${membership.memberNo}`, time: subscribeTime(ctx.now()) } })
  await closeSameIdOthers(ctx, before)
  return viewOf(ctx, after)
}

/** Rejects a pending application with a reason the applicant sees; frees the account for a corrected resubmission. */
export async function rejectApplication(ctx: ActionContext, id: string, reason: string): Promise<ApplicationView> {
  const { app } = await applicationForStaff(ctx, id)
  const decidedBy = ctx.caller?.openid ?? 'system'
  const closed = await closeApplication(ctx, app, { status: 'rejected', from: 'pending', reason, decidedBy, audit: 'join.reject', title: '入会申请未通过', next: '你可以修改后重新提交。' })
  if (!closed) throw new CloudError('ALREADY_DECIDED')
  return viewOf(ctx, closed)
}
