import { CloudError } from '../../../domain/errors'
import { keyedHash } from '../../lib/crypto'
import type { ActionContext } from '../../lib/context'
import { DuplicateKeyError } from '../../lib/store/port'
import { joinDb, type JoinClaimDoc } from './collections'
import { recordProbe, requireProbesLeft } from './probes'

/**
 * Locks that make "one membership or one pending application" hold without transactions: a claim
 * is a document whose `_id` is the thing locked, so of two simultaneous inserts exactly one wins.
 * Two things are locked per application: the person (the ID number's keyed hash) and the WeChat
 * account (so one account cannot file two applications for two ID numbers at the same instant).
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
 * Takes one lock. Returns 'ours' when the claim belongs to this very submission (a retry racing
 * the first attempt); throws when another application or a membership holds it.
 */
async function claim(ctx: ActionContext, doc: JoinClaimDoc): Promise<'claimed' | 'ours'> {
  const { claims, applications } = joinDb(ctx.store)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await claims.insert(doc)
      return 'claimed'
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    const held = await claims.get(doc._id)
    if (!held) continue // released (rejected) in between: try again
    if (held.applicationId === doc.applicationId) return 'ours'
    const app = held.status === 'member' ? null : await applications.get(held.applicationId)
    // Held by another account: the same answer whether it is a membership or a pending application,
    // and no union's name (#14) — only the account that holds it hears where it stands.
    const foreign = held.openid !== doc.openid
    // An approved application whose claim is not yet marked 'member' (the approval is under way) counts as a membership.
    if (held.status === 'member' || app?.status === 'approved') throw new CloudError(foreign ? 'ID_NUMBER_HELD' : 'ALREADY_MEMBER')
    if (app?.status === 'pending') throw foreign ? new CloudError('ID_NUMBER_HELD') : await pendingError(ctx, app.unionId, true)
    const stale = !app && ctx.now().getTime() - new Date(held.createdAt).getTime() > STALE_CLAIM_MS
    if (!stale && !app) throw foreign ? new CloudError('ID_NUMBER_HELD') : await pendingError(ctx, held.unionId, true)
    // Stale, or its application is no longer pending: release exactly that claim and retry.
    await claims.remove({ _id: held._id, applicationId: held.applicationId, status: 'pending' })
  }
  throw new CloudError('CONFLICT', '提交的人太多，请稍后重试')
}

/**
 * Locks the account, then the ID number; a failure on the second releases the first. Each lock
 * already held by this very application ('ours': an earlier try that died before its application
 * was stored, or one still running) counts as taken, so a retry goes on to the next step
 * (cloud/lib/resume.ts) instead of waiting for an application nobody will write.
 */
export async function claimAccountAndIdNumber(ctx: ActionContext, base: Omit<JoinClaimDoc, '_id'>, idHash: string): Promise<void> {
  await requireProbesLeft(ctx, base.openid, idHash)
  const accountId = accountClaimId(ctx, base.openid)
  await claim(ctx, { _id: accountId, ...base })
  try {
    await claim(ctx, { _id: idHash, ...base })
  } catch (error) {
    await joinDb(ctx.store).claims.remove({ _id: accountId, applicationId: base.applicationId })
    if (error instanceof CloudError && error.code === 'ID_NUMBER_HELD') await recordProbe(ctx, base.openid, idHash)
    throw error
  }
}

/** After a decision the account is free again (a member is then refused by their membership). */
export async function releaseAccountClaim(ctx: ActionContext, openid: string, applicationId: string): Promise<void> {
  await joinDb(ctx.store).claims.remove({ _id: accountClaimId(ctx, openid), applicationId })
}
