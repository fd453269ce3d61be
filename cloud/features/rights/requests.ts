import type { ActionOutput, ActionParsed, RightsRequestView, StaffRightsItem } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { waitedText } from '../../../domain/join/form'
import {
  aidApplicationDeletion,
  CORRECTABLE_FIELDS,
  joinApplicationDeletion,
  RIGHTS_STATUS_NAMES,
  RIGHTS_TYPE_NAMES,
  type CorrectableField,
  type RightsRequestType,
} from '../../../domain/rights'
import { signedIn, type ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { activeMembership, requireAnyStaff, unionPathOf } from '../../lib/roles'
import { writeId } from '../../lib/resume'
import { DuplicateKeyError, type Filter } from '../../lib/store/port'
import { findByIds, keysetPage } from '../../lib/store/read'
import { unionSummary } from '../../lib/unions'
import { aidDb } from '../aid/collections'
import { joinDb } from '../join/collections'
import { rightsDb, type RightsRequestDoc } from './collections'
import { applyEffect, correctedValue, shownValue } from './effects'

type RequestInput = ActionParsed<'member', 'requestRights'>

/** Kinds that are the person's own choice and take effect at once; the rest wait for the union. */
const IMMEDIATE: RightsRequestType[] = ['delete_messages', 'withdraw_join', 'withdraw_aid', 'withdraw_privacy', 'withdraw_location']

const isImmediate = (type: RightsRequestType, field: CorrectableField | null) => IMMEDIATE.includes(type) || (type === 'correct_join' && field !== null && CORRECTABLE_FIELDS[field].self)

const openLock = (openid: string, type: RightsRequestType, targetId: string | null) => `open:${openid}:${type}:${targetId ?? '-'}`
const closedLock = (id: string) => `closed:${id}`

/** The same request sent again (a lost answer) is the same request: its id comes from the client's key. */
const requestIdOf = (ctx: ActionContext, openid: string, key: string) => writeId(ctx, 'rights', openid, key, 'rr')

export function requestView(doc: RightsRequestDoc): RightsRequestView {
  return {
    id: doc._id,
    type: doc.type,
    typeName: RIGHTS_TYPE_NAMES[doc.type],
    status: doc.status,
    statusName: RIGHTS_STATUS_NAMES[doc.status],
    targetId: doc.targetId,
    field: doc.field,
    fieldName: doc.field ? CORRECTABLE_FIELDS[doc.field].label : null,
    value: shownValue(doc.field, doc.value),
    note: doc.note,
    createdAt: doc.createdAt,
    answeredAt: doc.answeredAt,
    answer: doc.answer,
  }
}

interface Target {
  targetId: string | null
  unionId: string | null
  unionPath: string[]
}

/** The record a request is about: the caller's own, or NOT_FOUND (nothing said about anyone else's). */
async function targetOf(ctx: ActionContext, openid: string, input: RequestInput): Promise<Target> {
  const membership = await activeMembership(ctx, openid)
  const asMember: Target = { targetId: null, unionId: membership?.unionId ?? null, unionPath: [] }
  if (membership) {
    const union = await ctx.db.unions.get(membership.unionId)
    if (union) asMember.unionPath = unionPathOf(union)
  }
  switch (input.type) {
    case 'correct_join':
    case 'delete_join':
    case 'withdraw_join': {
      const app = await joinDb(ctx.store).applications.get(input.applicationId)
      if (!app || app.openid !== openid) throw new CloudError('NOT_FOUND', '找不到这份入会记录')
      if (input.type === 'delete_join') {
        const deletion = joinApplicationDeletion(app.status)
        if (!deletion.deletable) throw new CloudError('RIGHTS_KEPT', deletion.why)
      }
      if (input.type === 'withdraw_join' && app.status !== 'pending') {
        throw new CloudError('ALREADY_DECIDED', app.status === 'approved' ? '入会申请已通过：会籍按工会章程保存，如需退出请申请退会' : '这份申请已审核完毕，不能撤回；未通过的申请可以申请删除')
      }
      if (input.type === 'correct_join' && !(app.status === 'pending' || app.status === 'approved')) throw new CloudError('CONFLICT', '只能更正审核中的申请或会员档案；未通过的申请可以修改后重新提交')
      return { targetId: app._id, unionId: app.unionId, unionPath: app.unionPath }
    }
    case 'correct_aid':
    case 'delete_aid':
    case 'withdraw_aid': {
      const app = await aidDb(ctx.store).applications.get(input.applicationId)
      if (!app || app.owner !== openid) throw new CloudError('NOT_FOUND', '找不到这份助学申请')
      if (input.type === 'delete_aid') {
        const deletion = aidApplicationDeletion(app.status, Boolean(app.erasedAt))
        if (!deletion.deletable) throw new CloudError('RIGHTS_KEPT', deletion.why)
      }
      if (input.type === 'correct_aid' && app.erasedAt) throw new CloudError('CONFLICT', '这份申请的个人信息已删除')
      return { targetId: app._id, unionId: app.unionId, unionPath: app.unionPath }
    }
    case 'leave': {
      if (!membership) throw new CloudError('NOT_MEMBER', '你目前不是工会会员，无需退会')
      if (membership.transferId) throw new CloudError('TRANSFER_IN_PROGRESS', '你有一笔转会正在办理，请办结或撤回转会后再申请退会')
      return { ...asMember, targetId: membership._id }
    }
    default:
      return asMember
  }
}

/** Carries out a request that is 'processing' and closes it as done; a failure puts a staff-answered one back to pending. */
async function finish(ctx: ActionContext, doc: RightsRequestDoc, staffAnswer: string | null): Promise<RightsRequestDoc> {
  const { requests } = rightsDb(ctx.store)
  let effect: string
  try {
    effect = await applyEffect(ctx, doc)
  } catch (error) {
    if (doc.answeredBy === 'self') {
      // The person's own request could not take effect: it is answered with why, and closed.
      const answer = error instanceof CloudError ? error.message : '未能办理，请稍后重试'
      if (!(error instanceof CloudError)) throw error
      await requests.update({ _id: doc._id, status: 'processing' }, { set: { status: 'refused', answer, lockKey: closedLock(doc._id) } })
      throw error
    }
    await requests.update({ _id: doc._id, status: 'processing' }, { set: { status: 'pending', answeredAt: null, answeredBy: null, answer: null } })
    throw error
  }
  const answer = staffAnswer ? `${effect}。${staffAnswer}` : effect
  await requests.update({ _id: doc._id, status: 'processing' }, { set: { status: 'done', answer, lockKey: closedLock(doc._id) } })
  const done = (await requests.get(doc._id)) ?? doc
  await ctx.audit({ key: `rights-done-${doc._id}`, action: 'rights.done', target: { collection: 'rightsRequests', id: doc._id }, before: { status: 'processing' }, after: { status: done.status, type: doc.type, answeredBy: doc.answeredBy }, unionPath: doc.unionPath })
  return done
}

/** member.requestRights: records the request; the person's own choices take effect at once. */
export async function requestRights(ctx: ActionContext, input: RequestInput): Promise<RightsRequestView> {
  const { openid } = signedIn(ctx)
  const { requests } = rightsDb(ctx.store)
  const id = requestIdOf(ctx, openid, input.idempotencyKey)
  const earlier = await requests.get(id)
  if (earlier) return requestView(earlier.status === 'processing' && earlier.answeredBy === 'self' ? await finish(ctx, earlier, null) : earlier)

  const field = input.type === 'correct_join' ? input.field : null
  const value = input.type === 'correct_join' ? correctedValue(input.field, input.value) : null
  const target = await targetOf(ctx, openid, input)
  const immediate = isImmediate(input.type, field)
  const now = ctx.now().toISOString()
  const doc: RightsRequestDoc = {
    _id: id,
    openid,
    type: input.type,
    status: immediate ? 'processing' : 'pending',
    targetId: target.targetId,
    field,
    value,
    note: ('note' in input && input.note) || null,
    unionId: target.unionId,
    unionPath: target.unionPath,
    lockKey: openLock(openid, input.type, target.targetId),
    createdAt: now,
    answeredAt: immediate ? now : null,
    answeredBy: immediate ? 'self' : null,
    answer: null,
  }
  try {
    await requests.insert(doc)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    const same = await requests.get(id)
    if (same) return requestView(same) // this very request, sent twice at once
    const [open] = await requests.find({ lockKey: doc.lockKey }, { limit: 1 })
    // The person's own request that stopped half-way: finishing it is doing what they ask again.
    if (open?.status === 'processing' && open.answeredBy === 'self') return requestView(await finish(ctx, open, null))
    throw new CloudError('RIGHTS_PENDING')
  }
  await ctx.audit({ action: 'rights.request', target: { collection: 'rightsRequests', id }, before: null, after: { type: doc.type, targetId: doc.targetId, field, value: shownValue(field, value), status: doc.status } })
  return requestView(immediate ? await finish(ctx, doc, null) : doc)
}

/** Whose request it is, in the words staff know them by: the name on the join record, member number, masked ID. */
async function staffItems(ctx: ActionContext, docs: RightsRequestDoc[]): Promise<StaffRightsItem[]> {
  const { applications } = joinDb(ctx.store)
  const unions = await findByIds(ctx.db.unions, [...new Set(docs.flatMap((d) => (d.unionId ? [d.unionId] : [])))])
  const unionById = new Map(unions.map((u) => [u._id, u]))
  const now = ctx.now()
  return Promise.all(
    docs.map(async (doc) => {
      const [app] = await applications.find({ openid: doc.openid }, { sort: { submittedAt: -1 }, limit: 1 })
      const target = doc.type === 'correct_join' && doc.targetId ? await applications.get(doc.targetId) : null
      const membership = await activeMembership(ctx, doc.openid)
      const person = await ctx.db.people.get(doc.openid)
      const union = doc.unionId ? unionById.get(doc.unionId) : undefined
      return {
        ...requestView(doc),
        person: { name: app?.name ?? person?.displayName ?? '微信用户', memberNo: membership?.memberNo ?? null, idMasked: app?.idMasked ?? null },
        union: union ? unionSummary(union) : null,
        current: target && doc.field ? shownValue(doc.field, String(target[doc.field])) : null,
        waited: waitedText(doc.createdAt, now),
      }
    }),
  )
}

/** review.rightsQueue: pending requests of the caller's unions and every union below, oldest first. */
export async function rightsQueue(ctx: ActionContext, input: ActionParsed<'review', 'rightsQueue'>): Promise<ActionOutput<'review', 'rightsQueue'>> {
  const roots = requireAnyStaff(ctx)
  const { requests } = rightsDb(ctx.store)
  const waiting: Filter<RightsRequestDoc> = { unionPath: { $in: roots }, status: 'pending' }
  const [rows, total] = await Promise.all([keysetPage(requests, waiting, 'createdAt', pageStart(input.cursor), LIST_PAGE_SIZE + 1), requests.count(waiting)])
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'createdAt')
  return { items: await staffItems(ctx, page), nextCursor, total }
}

/**
 * review.answerRights: staff of the request's union (or a union above) confirm and carry it out, or
 * refuse with the reason the person reads. One conditional update decides between two clerks; a
 * confirmation that stopped half-way is finished by answering again.
 */
export async function answerRights(ctx: ActionContext, input: ActionParsed<'review', 'answerRights'>): Promise<StaffRightsItem> {
  const roots = requireAnyStaff(ctx)
  const { requests } = rightsDb(ctx.store)
  const doc = await requests.get(input.requestId)
  // Someone else's request, or one of another subtree, answers as if it did not exist.
  if (!doc || !doc.unionPath.some((id) => roots.includes(id)) || doc.answeredBy === 'self') throw new CloudError('NOT_FOUND', '找不到这项请求，或不属于你所在工会')
  const staff = signedIn(ctx).openid
  const now = ctx.now().toISOString()
  const answer = input.answer?.trim() || null
  let result: RightsRequestDoc
  if (doc.status === 'done' || doc.status === 'refused') throw new CloudError('RIGHTS_ANSWERED')
  if (doc.status === 'processing' && input.decision === 'refuse') throw new CloudError('CONFLICT', '这项请求已同意、正在办理：请再点“同意并办理”把它办完')
  if (doc.status === 'pending' && input.decision === 'refuse') {
    if (!answer) throw new CloudError('INVALID_INPUT', '请写明不予办理的理由', { answer: '请写明不予办理的理由' })
    const changed = await requests.update({ _id: doc._id, status: 'pending' }, { set: { status: 'refused', answer, answeredAt: now, answeredBy: staff, lockKey: closedLock(doc._id) } })
    if (changed === 0) throw new CloudError('RIGHTS_ANSWERED')
    result = (await requests.get(doc._id))!
    await ctx.audit({ action: 'rights.answer', target: { collection: 'rightsRequests', id: doc._id }, before: { status: 'pending' }, after: { status: 'refused', answer }, unionPath: doc.unionPath })
  } else {
    if (doc.status === 'pending') {
      const changed = await requests.update({ _id: doc._id, status: 'pending' }, { set: { status: 'processing', answeredAt: now, answeredBy: staff } })
      if (changed === 0) throw new CloudError('RIGHTS_ANSWERED')
      await ctx.audit({ key: `rights-confirm-${doc._id}`, action: 'rights.answer', target: { collection: 'rightsRequests', id: doc._id }, before: { status: 'pending' }, after: { status: 'processing', decision: 'confirm' }, unionPath: doc.unionPath })
    }
    const processing = (await requests.get(doc._id))!
    result = await finish(ctx, processing, answer)
  }
  await notify(ctx, doc.openid, {
    title: result.status === 'done' ? '你的个人信息请求已办结' : '你的个人信息请求未予办理',
    body: `${RIGHTS_TYPE_NAMES[doc.type]}：${result.answer ?? ''}`,
    link: '/features/privacy/pages/data/index',
    target: { kind: 'rights', id: doc._id },
  })
  const [item] = await staffItems(ctx, [result])
  return item
}
