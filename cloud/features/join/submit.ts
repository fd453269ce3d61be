import type { ActionParsed, ApplicationView } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { maskIdCard, parseIdCard } from '../../../domain/idcard'
import { idNumberOnDate } from '../../../domain/join/form'
import { chinaToday } from '../../../domain/time'
import { encrypt } from '../../lib/crypto'
import { signedIn, type ActionContext } from '../../lib/context'
import type { UnionDoc } from '../../lib/collections'
import { activeMembership, unionPathOf } from '../../lib/roles'
import { insertOnce, writeId } from '../../lib/resume'
import { claimAccountFor, idHashOf, membershipLock, pendingError, releaseAccountClaim } from './claims'
import { closeApplication, sameIdApproved } from './close'
import { joinDb, type ApplicationDoc } from './collections'
import { approveApplication } from './decide'
import { acceptsMembers, joinableUnion, notJoinable } from './unions'
import { viewOf } from './views'
import { tallyJoinDecision } from '../staff/tally'

type JoinInput = ActionParsed<'member', 'join'>

/** The same person sending the same submission again gets the same application id. */
const applicationIdOf = (ctx: ActionContext, openid: string, key: string) => writeId(ctx, 'join', openid, key, 'app')

/** Takes back an application its union stopped accepting while it was being stored; frees the account. */
async function withdrawForClosedUnion(ctx: ActionContext, app: ApplicationDoc): Promise<void> {
  const { applications, claims } = joinDb(ctx.store)
  const decidedAt = ctx.now().toISOString()
  const changed = await applications.update({ _id: app._id, status: 'pending' }, { set: { status: 'rejected', decidedAt, decidedBy: 'system', rejectReason: '工会已撤销或暂停接收会员' } })
  if (changed) await tallyJoinDecision(ctx, app, false, decidedAt, null)
  await claims.remove({ _id: app.idHash, applicationId: app._id, status: 'pending' })
  await releaseAccountClaim(ctx, app.openid, app._id)
}

/** member.join: validates again, locks the ID number, stores the application (encrypted), maybe approves at once. */
export async function submitApplication(input: JoinInput, ctx: ActionContext): Promise<ApplicationView> {
  const { openid } = signedIn(ctx)
  const { applications } = joinDb(ctx.store)
  const now = ctx.now()
  const today = chinaToday(now)
  const idProblem = idNumberOnDate(input.idNumber, today)
  if (idProblem) throw new CloudError('INVALID_INPUT', idProblem, { idNumber: idProblem })
  const union = await joinableUnion(ctx, input.unionId)

  const id = applicationIdOf(ctx, openid, input.idempotencyKey)
  const earlier = await applications.get(id)
  // Stored by an earlier try: one that died before its last steps left it pending, or approved
  // without its membership; this try finishes it.
  if (earlier) return earlier.status === 'pending' || (earlier.status === 'approved' && !earlier.membershipId) ? finishSubmission(ctx, earlier, union) : viewOf(ctx, earlier)
  if (await activeMembership(ctx, openid)) throw new CloudError('ALREADY_MEMBER')
  const [pending] = await applications.find({ openid, status: 'pending' }, { limit: 1 })
  if (pending) {
    if (pending._id === id) return viewOf(ctx, pending) // this very submission, stored by a racing retry
    throw await pendingError(ctx, pending.unionId, true)
  }

  const idHash = idHashOf(ctx, input.idNumber)
  const submittedAt = now.toISOString()
  await claimAccountFor(ctx, { openid, applicationId: id, unionId: union._id, status: 'pending', createdAt: submittedAt }, idHash)

  const parsed = parseIdCard(input.idNumber, today)
  if (!parsed.ok) throw new CloudError('INVALID_INPUT') // checked above; keeps the types honest
  const app: ApplicationDoc = {
    _id: id,
    openid,
    idempotencyKey: input.idempotencyKey,
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
  // A try of this submission racing this one may have stored it first: then that one stands.
  const stored = await insertOnce(applications, app)
  if (!stored.fresh) return viewOf(ctx, stored.doc)
  return finishSubmission(ctx, app, union)
}

/** The steps after the application is stored, run again by a retry that finds it pending. */
async function finishSubmission(ctx: ActionContext, app: ApplicationDoc, union: UnionDoc): Promise<ApplicationView> {
  // An approval of the same ID number that took its lock after the check before the insert: its
  // sweep of the others may have run before this application was stored, so this one closes itself.
  const held = await membershipLock(ctx, app.idHash)
  if (held && held.applicationId !== app._id) {
    await closeApplication(ctx, app, sameIdApproved('pending'))
    throw new CloudError(held.openid === app.openid ? 'ALREADY_MEMBER' : 'ID_NUMBER_HELD')
  }
  // A close that began after the check above counts pending applications only once the union is
  // closed: either it sees this one (and is refused), or this read sees the union closed and the
  // application is withdrawn. Never a pending application in a closed union.
  const current = await ctx.db.unions.get(union._id)
  if (!current || !acceptsMembers(current)) {
    await withdrawForClosedUnion(ctx, app)
    throw notJoinable(current ?? union)
  }
  const setting = await joinDb(ctx.store).settings.get(union._id)
  if (!setting?.autoApprove) return viewOf(ctx, app)
  try {
    return await approveApplication(ctx, app._id, { actor: 'system', union })
  } catch (error) {
    // Approved meanwhile (a racing try of the same submission, or a clerk): that answer stands.
    if (!(error instanceof CloudError && error.code === 'ALREADY_DECIDED')) throw error
    const now = await joinDb(ctx.store).applications.get(app._id)
    if (!now) throw error
    return viewOf(ctx, now)
  }
}
