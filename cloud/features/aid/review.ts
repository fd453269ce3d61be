import { TRANSITIONS, type ApplicationEvent } from '../../../domain/aid/machine'
import { actsAt, mayView } from '../../../domain/aid/review'
import { amountFor, HARDSHIP_STATUS_NAMES, hardshipStatus, noticeEndsAt, readRules, SCHOOL_LEVEL_NAMES } from '../../../domain/aid/programme'
import { chinaDateText } from '../../../domain/aid/dates'
import type { ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { formatFen } from '../../../domain/money'
import { subscribeTime } from '../../../domain/subscribe'
import type { ActionContext } from '../../lib/context'
import { notify, type Push } from '../../lib/notify'
import { requireReviewer, reviewScope } from '../../lib/roles'
import { aidDb, type ApplicationDoc } from './collections'
import { requireProgramme } from './programmes'
import { STATUS_LINK } from './submit'

/** The application, if the caller reviews it at some level; others learn nothing (NOT_FOUND). */
export async function reviewable(ctx: ActionContext, id: string): Promise<ApplicationDoc> {
  const { scope } = requireReviewer(ctx)
  const doc = await aidDb(ctx.store).applications.get(id)
  if (!doc || !mayView(doc.unionPath, scope)) throw new CloudError('NOT_FOUND')
  return doc
}

/**
 * Fires one event of the state table: the caller must act at the row's level, and the update's
 * filter repeats the row's `from`, so two reviewers racing change it once.
 */
export async function fire(ctx: ActionContext, doc: ApplicationDoc, event: ApplicationEvent, set: Partial<ApplicationDoc>, extraFilter: Record<string, unknown> = {}): Promise<ApplicationDoc> {
  const row = TRANSITIONS[event]
  if (row.by === 'applicant' || !actsAt(row.by === 'level_one' ? 1 : 2, doc.unionPath, reviewScope(ctx.caller))) {
    throw new CloudError('FORBIDDEN', row.by === 'level_one' ? '该申请应由基层工会或其上一级工会审核' : '该申请应由上级工会审批')
  }
  if (doc.status !== row.from) throw new CloudError('CONFLICT', '申请状态已变化，请刷新后重试')
  const applications = aidDb(ctx.store).applications
  const after = { ...set, status: row.to, updatedAt: ctx.now().toISOString() }
  const changed = await applications.update({ _id: doc._id, status: row.from, ...extraFilter }, { set: after })
  if (changed === 0) throw new CloudError('CONFLICT', '申请状态已变化，请刷新后重试')
  await ctx.audit({ action: `aid.${event}`, target: { collection: 'aidApplications', id: doc._id }, before: { status: doc.status }, after, unionPath: doc.unionPath })
  return (await applications.get(doc._id)) as ApplicationDoc
}

/** The subscribe message for a step of the timeline: the step (five characters at most), a note, the time. */
const progress = (ctx: ActionContext, step: string, note: string): Push => ({ topic: 'aidProgress', fields: { step, note, time: subscribeTime(ctx.now()) } })

const required = (value: string | undefined, field: string, message: string): string => {
  if (!value) throw new CloudError('INVALID_INPUT', message, { [field]: message })
  return value
}

export async function reviewApplication(ctx: ActionContext, input: ActionParsed<'aid', 'review'>): Promise<ApplicationDoc> {
  const doc = await reviewable(ctx, input.applicationId)
  const name = doc.child.name
  switch (input.decision) {
    case 'verify': {
      const next = await fire(ctx, doc, 'verify', { returnNote: null })
      await notify(ctx, doc.owner, { title: '基层审核已通过', body: `${name}的助学申请已通过基层审核，等待上级工会审批。`, link: STATUS_LINK, target: { kind: 'aid', id: doc._id } }, progress(ctx, '基层已审', '等待上级工会审批'))
      return next
    }
    case 'send_back': {
      const note = required(input.note, 'note', '请写明需要修改的内容')
      const next = await fire(ctx, doc, 'send_back', { returnNote: note })
      await notify(ctx, doc.owner, { title: '助学申请需要修改', body: `退回原因：${note}`, link: STATUS_LINK, target: { kind: 'aid', id: doc._id } }, progress(ctx, '需修改', note))
      return next
    }
    case 'approve': {
      const programme = readRules(await requireProgramme(ctx, doc.programmeId))
      if (programme.homeVisit && !doc.homeVisit) throw new CloudError('AID_VISIT_MISSING')
      // The standard of the table for the child's level and the family's 建档 status; staff may grant less, never more.
      const cap = amountFor(programme.amounts, doc.child.level, doc.household.category) ?? 0
      const amount = input.amountFen ?? cap
      const standard = `${SCHOOL_LEVEL_NAMES[doc.child.level]}${HARDSHIP_STATUS_NAMES[hardshipStatus(doc.household.category)]}`
      if (amount <= 0 || amount > cap) throw new CloudError('AID_AMOUNT_TOO_HIGH', `资助金额应在 ¥0.01 到 ${formatFen(cap)}（${standard}标准）之间`)
      const start = ctx.now()
      const ends = noticeEndsAt(start, programme.noticeDays).toISOString()
      const next = await fire(ctx, doc, 'approve', { amountFen: amount, noticeStartsAt: start.toISOString(), noticeEndsAt: ends })
      await notify(ctx, doc.owner, { title: '助学申请已批准，正在公示', body: `${name}获批资助 ${formatFen(amount)}，公示至 ${chinaDateText(ends)}，期满无异议后发放。`, link: STATUS_LINK, target: { kind: 'aid', id: doc._id } }, progress(ctx, '公示中', `公示至${chinaDateText(ends)}`))
      return next
    }
    case 'reject': {
      const reason = required(input.note, 'note', '请写明不予资助的理由')
      const next = await fire(ctx, doc, 'reject', { rejectReason: reason })
      await notify(ctx, doc.owner, { title: '助学申请未通过', body: `原因：${reason}`, link: STATUS_LINK, target: { kind: 'aid', id: doc._id } }, progress(ctx, '未通过', reason))
      return next
    }
  }
}

export async function resolveObjection(ctx: ActionContext, input: ActionParsed<'aid', 'resolveObjection'>): Promise<ApplicationDoc> {
  const objections = aidDb(ctx.store).objections
  const objection = await objections.get(input.objectionId)
  if (!objection) throw new CloudError('NOT_FOUND')
  const doc = await reviewable(ctx, objection.applicationId)
  if (!actsAt(2, doc.unionPath, reviewScope(ctx.caller))) throw new CloudError('FORBIDDEN', '异议由上级工会处理')
  const status = input.uphold ? 'upheld' : 'dismissed'
  const changed = await objections.update({ _id: objection._id, status: 'open' }, { set: { status, note: input.note } })
  if (changed === 0) throw new CloudError('CONFLICT', '该异议已处理')
  await ctx.audit({ action: `aid.objection.${status}`, target: { collection: 'aidObjections', id: objection._id }, before: { status: 'open' }, after: { status, note: input.note }, unionPath: doc.unionPath })
  if (!input.uphold) return doc
  const next = await fire(ctx, doc, 'uphold_objection', { rejectReason: `公示期间异议经核实成立：${input.note}` })
  await notify(ctx, doc.owner, { title: '助学申请未通过', body: `公示期间异议经核实成立：${input.note}`, link: STATUS_LINK, target: { kind: 'aid', id: doc._id } }, progress(ctx, '未通过', '公示期间异议经核实成立'))
  return next
}

export async function markPaid(ctx: ActionContext, input: ActionParsed<'aid', 'markPaid'>): Promise<ApplicationDoc> {
  const doc = await reviewable(ctx, input.applicationId)
  if (doc.status === 'approved' && doc.noticeEndsAt && ctx.now().getTime() < Date.parse(doc.noticeEndsAt)) throw new CloudError('AID_NOTICE_RUNNING', `公示期至 ${chinaDateText(doc.noticeEndsAt)}，期满后才能发放`)
  if ((await aidDb(ctx.store).objections.count({ applicationId: doc._id, status: 'open' })) > 0) throw new CloudError('AID_OBJECTION_OPEN')
  // The filter repeats the notice's end: the clock check above and the change agree.
  const next = await fire(ctx, doc, 'mark_paid', { paidAt: input.paidOn, paidReference: input.reference }, { noticeEndsAt: { $lte: ctx.now().toISOString() } })
  await notify(ctx, doc.owner, { title: '助学金已发放', body: `${formatFen(doc.amountFen ?? 0)} 已于 ${input.paidOn} 发放到尾号 ${doc.payout.cardMasked.slice(-4)} 的银行卡。`, link: STATUS_LINK, target: { kind: 'aid', id: doc._id } }, progress(ctx, '已发放', `${formatFen(doc.amountFen ?? 0)} 已发放`))
  return next
}

/**
 * Level two closes several objections to one application as unfounded in one go (#14: twenty
 * objections need not mean twenty taps). Each is its own conditional update and audit entry, so a
 * colleague closing one at the same time is not overwritten; one already closed refuses the lot.
 */
export async function dismissObjections(ctx: ActionContext, input: ActionParsed<'aid', 'dismissObjections'>): Promise<ApplicationDoc> {
  const objections = aidDb(ctx.store).objections
  const ids = [...new Set(input.objectionIds)]
  const found = await objections.find({ _id: { $in: ids } }, { limit: ids.length })
  if (found.length !== ids.length) throw new CloudError('NOT_FOUND')
  const applicationId = found[0].applicationId
  if (found.some((o) => o.applicationId !== applicationId)) throw new CloudError('INVALID_INPUT', '一次只能处理同一份申请的异议', { objectionIds: '一次只能处理同一份申请的异议' })
  const doc = await reviewable(ctx, applicationId)
  if (!actsAt(2, doc.unionPath, reviewScope(ctx.caller))) throw new CloudError('FORBIDDEN', '异议由上级工会处理')
  if (found.some((o) => o.status !== 'open')) throw new CloudError('CONFLICT', '其中有异议已处理，请刷新')
  for (const objection of found) {
    const changed = await objections.update({ _id: objection._id, status: 'open' }, { set: { status: 'dismissed', note: input.note } })
    if (changed) await ctx.audit({ action: 'aid.objection.dismissed', target: { collection: 'aidObjections', id: objection._id }, before: { status: 'open' }, after: { status: 'dismissed', note: input.note }, unionPath: doc.unionPath })
  }
  return doc
}
