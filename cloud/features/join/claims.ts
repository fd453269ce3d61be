import { CloudError } from '../../../domain/errors'
import { keyedHash } from '../../lib/crypto'
import type { ActionContext } from '../../lib/context'
import { DuplicateKeyError } from '../../lib/store/port'
import { joinDb, type ApplicationDoc, type JoinClaimDoc } from './collections'
import { recordProbe, requireProbesLeft } from './probes'

/**
 * Locks that hold without transactions: a claim is a document whose `_id` is the thing locked, so
 * of two simultaneous inserts exactly one wins.
 * - The WeChat account, while it has an application pending: one pending application per account.
 * - The person (the ID number's keyed hash), once an application is approved: one membership per
 *   ID number. A pending application does not lock its ID number (#14 item 4): a stranger who
 *   applied with someone's number must not lock its owner out; the clerk sees both and decides.
 */

/** A claim whose application never appeared (its writer died between the inserts) is stale after this. */
const STALE_CLAIM_MS = 60_000

export const idHashOf = (ctx: ActionContext, idNumber: string) => keyedHash(ctx.secrets.hashKey, `idcard:${idNumber}`)

/** The account's claim: keyed by a hash of the openid, so claims never hold an openid as a key. */
export const accountClaimId = (ctx: ActionContext, openid: string) => `account:${keyedHash(ctx.secrets.hashKey, `join-account:${openid}`)}`

export async function pendingError(ctx: ActionContext, unionId: string, own: boolean): Promise<CloudError> {
  const union = await ctx.db.unions.get(unionId)
  const where = union ? `「${union.name}」` : '其他工会'
  return new CloudError('APPLICATION_PENDING', own ? `你已向${where}提交入会申请，正在审核中，请等待结果` : `该身份证号已向${where}提交入会申请，正在审核中`)
}

/**
 * Takes the account's lock. Returns when it belongs to this very submission (a retry racing the
 * first attempt, or one after a crash: cloud/lib/resume.ts); throws while another application of
 * the account is pending or being approved.
 */
async function claimAccount(ctx: ActionContext, doc: JoinClaimDoc): Promise<void> {
  const { claims, applications } = joinDb(ctx.store)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await claims.insert(doc)
      return
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    const held = await claims.get(doc._id)
    if (!held) continue // released (decided) in between: try again
    if (held.applicationId === doc.applicationId) return
    const app = await applications.get(held.applicationId)
    // An approved application whose lock is not yet released (the approval is under way) counts as a membership.
    if (app?.status === 'approved') throw new CloudError('ALREADY_MEMBER')
    if (app?.status === 'pending') throw await pendingError(ctx, app.unionId, true)
    const stale = !app && ctx.now().getTime() - new Date(held.createdAt).getTime() > STALE_CLAIM_MS
    if (!stale && !app) throw await pendingError(ctx, held.unionId, true)
    // Stale, or its application is no longer pending: release exactly that claim and retry.
    await claims.remove({ _id: held._id, applicationId: held.applicationId })
  }
  throw new CloudError('CONFLICT', '提交的人太多，请稍后重试')
}

/** The lock on an ID number, if an approved application holds it (a membership, or an approval under way). */
export async function membershipLock(ctx: ActionContext, idHash: string): Promise<JoinClaimDoc | null> {
  const { claims, applications } = joinDb(ctx.store)
  const held = await claims.get(idHash)
  if (!held) return null
  return (await applications.get(held.applicationId))?.status === 'approved' ? held : null
}

/**
 * Refuses an ID number a membership holds. To another account the answer names nothing (#14 item
 * 3) and counts as a try; a number only pending elsewhere is no refusal at all, so the answer to
 * its owner is the same as to anyone applying (nobody learns that someone else applied).
 */
export async function requireNoMembership(ctx: ActionContext, openid: string, idHash: string): Promise<void> {
  const held = await membershipLock(ctx, idHash)
  if (!held) return
  if (held.openid === openid) throw new CloudError('ALREADY_MEMBER')
  await recordProbe(ctx, openid, idHash)
  throw new CloudError('ID_NUMBER_HELD')
}

/** Before an application is stored: the ID number is no member's, and the account has nothing else pending (its lock, taken). */
export async function claimAccountFor(ctx: ActionContext, base: Omit<JoinClaimDoc, '_id'>, idHash: string): Promise<void> {
  await requireProbesLeft(ctx, base.openid, idHash)
  await requireNoMembership(ctx, base.openid, idHash)
  await claimAccount(ctx, { _id: accountClaimId(ctx, base.openid), ...base })
}

/**
 * An approval's lock on the ID number: of two applications with one ID number approved at once,
 * exactly one insert wins. True when this application holds it (also when an earlier try of this
 * approval took it); false when another approved application does. A lock left by an application
 * that is not approved (one before #14 item 4, or an approval put back after a crash) is released,
 * exactly the one read (its lockId), and taken again.
 */
export async function lockIdNumber(ctx: ActionContext, app: ApplicationDoc): Promise<boolean> {
  const { claims, applications } = joinDb(ctx.store)
  const fresh = (): JoinClaimDoc => ({ _id: app.idHash, openid: app.openid, applicationId: app._id, unionId: app.unionId, status: 'member', createdAt: ctx.now().toISOString(), lockId: ctx.newId() })
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await claims.insert(fresh())
      return true
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    const held = await claims.get(app.idHash)
    if (!held) continue
    const same = { _id: held._id, applicationId: held.applicationId, lockId: held.lockId ?? { $exists: false } }
    // Ours from an earlier try: renew it, so a competitor that read it as left behind cannot release it.
    if (held.applicationId === app._id) {
      if (await claims.update(same, { set: { status: 'member', lockId: ctx.newId() } })) return true
      continue
    }
    if ((await applications.get(held.applicationId))?.status === 'approved') return false
    await claims.remove(same)
  }
  throw new CloudError('CONFLICT', '审核的人太多，请稍后重试')
}

/** After a decision the account is free again (a member is then refused by their membership). */
export async function releaseAccountClaim(ctx: ActionContext, openid: string, applicationId: string): Promise<void> {
  await joinDb(ctx.store).claims.remove({ _id: accountClaimId(ctx, openid), applicationId })
}
