import * as v from 'valibot'
import { joinFormEntries } from '../../../domain/join/form'
import {
  AID_WITHDRAWABLE,
  aidApplicationDeletion,
  aidWithdrawalEffect,
  CORRECTABLE_FIELDS,
  JOIN_WITHDRAWAL_EFFECT,
  joinApplicationDeletion,
  LEAVE_EFFECT,
  LOCATION_WITHDRAWAL_EFFECT,
  maskPhone,
  MESSAGES_DELETION_EFFECT,
  PRIVACY_WITHDRAWAL_EFFECT,
  type CorrectableField,
} from '../../../domain/rights'
import { CloudError } from '../../../domain/errors'
import type { ActionContext } from '../../lib/context'
import { DuplicateKeyError } from '../../lib/store/port'
import { aidDb } from '../aid/collections'
import { accountClaimId } from '../join/claims'
import { joinDb } from '../join/collections'
import { rightsDb, type RightsRequestDoc } from './collections'

/**
 * What each request does once it is decided: immediately for the person's own choices (withdrawing
 * a consent, deleting their messages, their phone number), after the union confirms for the rest.
 * Every effect may run again after a crash half-way (a request stays 'processing' until its effect
 * finished) and then does only what is left: each write is a conditional update, a remove, or an
 * insert under a fixed id. Each returns what the person is told.
 */

/** A correction's value, checked with the join form's own rule for that field. */
export function correctedValue(field: CorrectableField, value: string): string {
  const result = v.safeParse(joinFormEntries[field], value)
  if (!result.success) throw new CloudError('INVALID_INPUT', result.issues[0].message, { value: result.issues[0].message })
  return String(result.output)
}

/** How a value is written in the audit log and shown back: a phone number masked, the rest as it is. */
export const shownValue = (field: CorrectableField | null, value: string | null) => (value !== null && field === 'phone' ? maskPhone(value) : value)

async function correctJoin(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const { applications } = joinDb(ctx.store)
  const field = request.field!
  const app = await applications.get(request.targetId ?? '')
  if (!app || app.openid !== request.openid) throw new CloudError('NOT_FOUND', '这份入会记录已不存在')
  const value = correctedValue(field, request.value ?? '')
  const before = app[field]
  if (before !== value) await applications.update({ _id: app._id, openid: request.openid }, { set: { [field]: value } })
  await ctx.audit({
    key: `rights-effect-${request._id}`,
    action: 'rights.correct',
    target: { collection: 'applications', id: app._id },
    before: { [field]: shownValue(field, String(before)) },
    after: { [field]: shownValue(field, value) },
  })
  return `${CORRECTABLE_FIELDS[field].label}已更正为“${shownValue(field, value)}”`
}

async function deleteJoin(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const { applications } = joinDb(ctx.store)
  const app = await applications.get(request.targetId ?? '')
  if (app) {
    if (app.openid !== request.openid) throw new CloudError('NOT_FOUND')
    const deletion = joinApplicationDeletion(app.status)
    if (!deletion.deletable) throw new CloudError('RIGHTS_KEPT', deletion.why)
    // Rejected, withdrawn and lapsed are final: nothing moves it back between the check and the remove.
    await applications.remove({ _id: app._id, openid: request.openid, status: { $in: ['rejected', 'withdrawn', 'lapsed'] } })
  }
  await ctx.audit({ key: `rights-effect-${request._id}`, action: 'rights.delete', target: { collection: 'applications', id: request.targetId ?? '' }, before: { status: app?.status ?? 'deleted' }, after: null })
  return '入会申请已删除'
}

async function deleteAid(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const { applications, files } = aidDb(ctx.store)
  const app = await applications.get(request.targetId ?? '')
  if (!app || app.owner !== request.openid) throw new CloudError('NOT_FOUND', '这份助学申请已不存在')
  if (!app.erasedAt) {
    const deletion = aidApplicationDeletion(app.status, false)
    if (!deletion.deletable) throw new CloudError('RIGHTS_KEPT', deletion.why)
    // The files first, while the application still lists them; then the application's details.
    const stored = app.fileIds.length ? await files.find({ _id: { $in: app.fileIds }, owner: request.openid }, { limit: 100 }) : []
    for (const file of stored) {
      if (file.cloudFileId && ctx.wechat) await ctx.wechat.deleteFile(file.cloudFileId).catch((error) => ctx.logError('rights.deleteAid: cloud file not deleted', error))
    }
    if (stored.length) await files.remove({ _id: { $in: stored.map((f) => f._id) }, owner: request.openid })
    await applications.update(
      { _id: app._id, owner: request.openid, erasedAt: { $exists: false }, status: { $in: ['rejected', 'withdrawn'] } },
      {
        set: {
          child: { ...app.child, name: '（已删除）', idSealed: '', idMasked: '（已删除）', school: '', major: '', age: 0 },
          household: { ...app.household, size: 0, annualIncomeFen: 0, perCapitaMonthlyFen: 0, description: '' },
          documents: [],
          fileIds: [],
          // The visit's photos, no longer cited, go with the daily purge of unused uploads.
          homeVisit: null,
          visitFileIds: [],
          payout: { bank: '', cardSealed: '', cardMasked: '' },
          erasedAt: ctx.now().toISOString(),
        },
      },
    )
  }
  await ctx.audit({ key: `rights-effect-${request._id}`, action: 'rights.delete', target: { collection: 'aidApplications', id: app._id }, before: { status: app.status, documents: app.fileIds.length }, after: { erased: true } })
  return '子女和家庭信息、证明材料和银行卡信息已删除；申请年度和结果按“每名子女每年一次”的规则保留'
}

async function deleteMessages(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const removed = await ctx.db.notifications.remove({ openid: request.openid })
  await ctx.audit({ key: `rights-effect-${request._id}`, action: 'rights.delete', target: { collection: 'notifications', id: request.openid }, before: { count: removed }, after: null })
  return MESSAGES_DELETION_EFFECT.replace('将立即删除', '已删除')
}

async function withdrawJoin(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const { applications, claims } = joinDb(ctx.store)
  const app = await applications.get(request.targetId ?? '')
  if (!app || app.openid !== request.openid) throw new CloudError('NOT_FOUND', '这份入会申请已不存在')
  if (app.status === 'pending') {
    const at = ctx.now().toISOString()
    await applications.update({ _id: app._id, openid: request.openid, status: 'pending' }, { set: { status: 'withdrawn', 'consents.withdrawnAt': at } })
  }
  const now = await applications.get(app._id)
  if (now?.status !== 'withdrawn') throw new CloudError('ALREADY_DECIDED', now?.status === 'approved' ? '入会申请已通过：会籍按工会章程保存，如需退出请申请退会' : '这份申请已审核完毕，不能撤回；未通过的申请可以申请删除')
  // Free the ID number and the account for a later application (as a rejection does).
  await claims.remove({ _id: app.idHash, applicationId: app._id, status: 'pending' })
  await claims.remove({ _id: accountClaimId(ctx, app.openid), applicationId: app._id })
  await ctx.audit({ key: `rights-effect-${request._id}`, action: 'rights.withdraw', target: { collection: 'applications', id: app._id }, before: { status: 'pending' }, after: { status: 'withdrawn' } })
  return JOIN_WITHDRAWAL_EFFECT.replace('将撤回', '已撤回')
}

async function withdrawAid(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const { applications } = aidDb(ctx.store)
  const app = await applications.get(request.targetId ?? '')
  if (!app || app.owner !== request.openid) throw new CloudError('NOT_FOUND', '这份助学申请已不存在')
  const at = app.consents.withdrawnAt ?? ctx.now().toISOString()
  const effect = aidWithdrawalEffect(app.status)
  if (AID_WITHDRAWABLE.includes(app.status)) {
    // One conditional update from any state still in progress: a review deciding at the same moment
    // either lands first (and this one then finds it decided) or finds it withdrawn.
    await applications.update(
      { _id: app._id, owner: request.openid, status: { $in: AID_WITHDRAWABLE } },
      { set: { status: 'withdrawn', 'consents.withdrawnAt': at, updatedAt: ctx.now().toISOString() } },
    )
  } else if (!app.consents.withdrawnAt) {
    await applications.update({ _id: app._id, owner: request.openid }, { set: { 'consents.withdrawnAt': at } })
  }
  const now = await applications.get(app._id)
  await ctx.audit({ key: `rights-effect-${request._id}`, action: 'rights.withdraw', target: { collection: 'aidApplications', id: app._id }, before: { status: app.status }, after: { status: now?.status ?? app.status, consentWithdrawnAt: at } })
  return now?.status === 'withdrawn' ? effect.replace('将撤回', '已撤回') : aidWithdrawalEffect(now?.status ?? app.status)
}

async function withdrawPrivacy(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const person = await ctx.db.people.get(request.openid)
  if (person && !person.privacyWithdrawnAt) {
    await ctx.db.people.update({ _id: request.openid }, { set: { privacyWithdrawnAt: ctx.now().toISOString() }, unset: ['privacyAgreedVersion'] })
  } else if (person?.privacyAgreedVersion) {
    await ctx.db.people.update({ _id: request.openid }, { unset: ['privacyAgreedVersion'] })
  }
  await ctx.audit({ key: `rights-effect-${request._id}`, action: 'rights.withdraw', target: { collection: 'people', id: request.openid }, before: { privacyAgreedVersion: person?.privacyAgreedVersion ?? null }, after: { privacyAgreedVersion: null } })
  return PRIVACY_WITHDRAWAL_EFFECT.replace('本机不再使用', '已撤回。本机不再使用')
}

async function withdrawLocation(_ctx: ActionContext, _request: RightsRequestDoc): Promise<string> {
  // The location was never stored: the device stops reading it (the app does that as it sends this).
  return LOCATION_WITHDRAWAL_EFFECT.replace('本机不再自动读取', '已撤回：本机不再自动读取')
}

/**
 * 退会, once the union confirmed: the membership becomes a former membership (history), and the
 * person's ID number is free to join again later. Copy first, then remove the active record on
 * condition that no transfer holds it; a crash between the two is finished by the next try (the copy
 * is under the membership's own id). A transfer started meanwhile wins: the copy is taken back.
 */
async function leave(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  const { formerMemberships } = rightsDb(ctx.store)
  const { applications, claims } = joinDb(ctx.store)
  const membershipId = request.targetId ?? ''
  const membership = await ctx.db.memberships.get(membershipId)
  if (membership) {
    if (membership.openid !== request.openid) throw new CloudError('NOT_FOUND')
    if (membership.transferId) throw new CloudError('TRANSFER_IN_PROGRESS', '会员有一笔转会正在办理，请办结或撤回转会后再办理退会')
    const leftAt = ctx.now().toISOString()
    try {
      await formerMemberships.insert({ _id: membership._id, openid: membership.openid, unionId: membership.unionId, memberNo: membership.memberNo, joinedAt: membership.joinedAt, leftAt, requestId: request._id })
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    const removed = await ctx.db.memberships.remove({ _id: membership._id, status: 'active', transferId: { $exists: false } })
    if (removed === 0 && (await ctx.db.memberships.get(membership._id))) {
      await formerMemberships.remove({ _id: membership._id, requestId: request._id })
      throw new CloudError('TRANSFER_IN_PROGRESS', '会员有一笔转会正在办理，请办结或撤回转会后再办理退会')
    }
  } else if (!(await formerMemberships.get(membershipId))) {
    throw new CloudError('NOT_FOUND', '这份会籍已不存在')
  }
  // The approved application's claim on the ID number held "one membership per person": free it.
  const [approved] = await applications.find({ openid: request.openid, membershipId, status: 'approved' }, { limit: 1 })
  if (approved) await claims.remove({ _id: approved.idHash, applicationId: approved._id, status: 'member' })
  await ctx.audit({ key: `rights-effect-${request._id}`, action: 'rights.leave', target: { collection: 'memberships', id: membershipId }, before: { status: 'active' }, after: { status: 'left' } })
  return LEAVE_EFFECT.replace(/^退会由所在工会确认。确认后/, '已退会：')
}

/** Aid corrections are made by the union in its review (it can send the application back): its answer says how. */
async function correctAid(): Promise<string> {
  return '工会已收到并处理你的更正'
}

const EFFECTS: Record<RightsRequestDoc['type'], (ctx: ActionContext, request: RightsRequestDoc) => Promise<string>> = {
  correct_join: correctJoin,
  correct_aid: correctAid,
  delete_join: deleteJoin,
  delete_aid: deleteAid,
  delete_messages: deleteMessages,
  withdraw_join: withdrawJoin,
  withdraw_aid: withdrawAid,
  withdraw_privacy: withdrawPrivacy,
  withdraw_location: withdrawLocation,
  leave,
}

export function applyEffect(ctx: ActionContext, request: RightsRequestDoc): Promise<string> {
  return EFFECTS[request.type](ctx, request)
}
