import type { ActionParsed, ApplicationView } from '../../../src/domain/contract'
import { CloudError } from '../../../src/domain/errors'
import { maskIdCard, parseIdCard } from '../../../src/domain/idcard'
import { chinaToday, idNumberOnDate } from '../../../src/domain/join/form'
import { encrypt, keyedHash } from '../../lib/crypto'
import { signedIn, type ActionContext } from '../../lib/context'
import { activeMembership, unionPathOf } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import { joinDb, type ApplicationDoc, type JoinClaimDoc } from './collections'
import { approveApplication } from './decide'
import { joinableUnion } from './unions'
import { viewOf } from './views'

type JoinInput = ActionParsed<'member', 'join'>

/** A claim whose application never appeared (its writer died between the two inserts) is stale after this. */
const STALE_CLAIM_MS = 60_000

export const idHashOf = (ctx: ActionContext, idNumber: string) => keyedHash(ctx.secrets.hashKey, `idcard:${idNumber}`)

/** The same person sending the same submission again gets the same application id. */
const applicationIdOf = (ctx: ActionContext, openid: string, requestId: string) => `app-${keyedHash(ctx.secrets.hashKey, `join:${openid}:${requestId}`).slice(0, 40)}`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function pendingError(ctx: ActionContext, unionId: string, own: boolean): Promise<CloudError> {
  const union = await ctx.db.unions.get(unionId)
  const where = union ? `「${union.name}」` : '其他工会'
  return new CloudError('APPLICATION_PENDING', own ? `您已向${where}提交入会申请，正在审核中，请等待结果` : `该身份证号已向${where}提交入会申请，正在审核中`)
}

/**
 * Takes the lock on the ID number. Returns 'ours' when the claim belongs to this very submission
 * (a retry racing the first attempt); throws when another application or a membership holds it.
 */
async function claimIdNumber(ctx: ActionContext, claim: JoinClaimDoc): Promise<'claimed' | 'ours'> {
  const { claims, applications } = joinDb(ctx.store)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await claims.insert(claim)
      return 'claimed'
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    const held = await claims.get(claim._id)
    if (!held) continue // released (rejected) in between: try again
    if (held.applicationId === claim.applicationId) return 'ours'
    const app = held.status === 'member' ? null : await applications.get(held.applicationId)
    // An approved application whose claim is not yet marked 'member' (the approval is under way) counts as a membership.
    if (held.status === 'member' || app?.status === 'approved') {
      throw new CloudError('ALREADY_MEMBER', held.openid === claim.openid ? undefined : '该身份证号已是工会会员；换了工作请办理转会')
    }
    if (app?.status === 'pending') throw await pendingError(ctx, app.unionId, held.openid === claim.openid)
    const stale = !app && ctx.now().getTime() - new Date(held.createdAt).getTime() > STALE_CLAIM_MS
    if (!stale && !app) throw await pendingError(ctx, held.unionId, held.openid === claim.openid)
    // Stale, or its application is no longer pending: release exactly that claim and retry.
    await claims.remove({ _id: held._id, applicationId: held.applicationId, status: 'pending' })
  }
  throw new CloudError('CONFLICT', '提交的人太多，请稍后重试')
}

/** The first attempt of this submission holds the claim: wait for its application. */
async function awaitOwnApplication(ctx: ActionContext, id: string): Promise<ApplicationDoc> {
  const { applications } = joinDb(ctx.store)
  for (let i = 0; i < 100; i++) {
    const app = await applications.get(id)
    if (app) return app
    await sleep(20)
  }
  throw new CloudError('CONFLICT', '申请正在提交，请稍后刷新查看')
}

/** member.join: validates again, locks the ID number, stores the application (encrypted), maybe approves at once. */
export async function submitApplication(input: JoinInput, ctx: ActionContext): Promise<ApplicationView> {
  const { openid } = signedIn(ctx)
  const { applications, settings } = joinDb(ctx.store)
  const now = ctx.now()
  const today = chinaToday(now)
  const idProblem = idNumberOnDate(input.idNumber, today)
  if (idProblem) throw new CloudError('INVALID_INPUT', idProblem, { idNumber: idProblem })
  const union = await joinableUnion(ctx, input.unionId)

  const id = applicationIdOf(ctx, openid, input.requestId)
  const earlier = await applications.get(id)
  if (earlier) return viewOf(ctx, earlier)
  if (await activeMembership(ctx, openid)) throw new CloudError('ALREADY_MEMBER')
  const [pending] = await applications.find({ openid, status: 'pending' }, { limit: 1 })
  if (pending) {
    if (pending._id === id) return viewOf(ctx, pending) // this very submission, stored by a racing retry
    throw await pendingError(ctx, pending.unionId, true)
  }

  const idHash = idHashOf(ctx, input.idNumber)
  const submittedAt = now.toISOString()
  const claimed = await claimIdNumber(ctx, { _id: idHash, openid, applicationId: id, unionId: union._id, status: 'pending', createdAt: submittedAt })
  if (claimed === 'ours') return viewOf(ctx, await awaitOwnApplication(ctx, id))

  const parsed = parseIdCard(input.idNumber, today)
  if (!parsed.ok) throw new CloudError('INVALID_INPUT') // checked above; keeps the types honest
  const app: ApplicationDoc = {
    _id: id,
    openid,
    requestId: input.requestId,
    unionId: union._id,
    unionPath: unionPathOf(union),
    status: 'pending',
    name: input.name,
    idCipher: encrypt(ctx.secrets.dataKey, input.idNumber),
    idHash,
    idMasked: maskIdCard(input.idNumber),
    gender: parsed.info.gender,
    birthDate: parsed.info.birthDate,
    phone: input.phone,
    ethnicity: input.ethnicity,
    education: input.education,
    politicalStatus: input.politicalStatus,
    hukou: input.hukou,
    employer: input.employer,
    employment: input.employment,
    consents: { personalAt: submittedAt, sensitiveAt: submittedAt },
    submittedAt,
    decidedAt: null,
    decidedBy: null,
    rejectReason: null,
    memberNo: null,
    membershipId: null,
  }
  await applications.insert(app)
  const setting = await settings.get(union._id)
  if (setting?.autoApprove) return approveApplication(ctx, app._id, { actor: 'system', union })
  return viewOf(ctx, app)
}
