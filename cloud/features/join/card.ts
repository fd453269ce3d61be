import type { ActionOutput } from '../../../domain/contract'
import { CARD_PROBLEM_MESSAGES } from '../../../domain/card/token'
import { CloudError } from '../../../domain/errors'
import { maskName } from '../../../domain/names'
import { cardPublicKeys, checkCard, signCard } from '../../lib/cardKeys'
import { signedIn, type ActionContext } from '../../lib/context'
import { requireActiveMember } from '../../lib/roles'
import { unionSummary } from '../../lib/unions'
import { checkPlace, checkStation, recordCheck } from './checks'
import { joinDb } from './collections'

/** A shown code is good for five minutes; the card page refreshes it. */
export const CARD_TOKEN_TTL_MS = 5 * 60 * 1000

export async function memberCard(ctx: ActionContext): Promise<ActionOutput<'member', 'card'>> {
  const { openid } = signedIn(ctx)
  const membership = await requireActiveMember(ctx)
  const union = await ctx.db.unions.get(membership.unionId)
  if (!union) throw new CloudError('INTERNAL', '会籍所在工会不存在，请联系工会')
  const [application] = await joinDb(ctx.store).applications.find({ openid, membershipId: membership._id }, { limit: 1 })
  const person = await ctx.db.people.get(openid)
  const name = application?.name ?? person?.displayName ?? '微信用户'
  const exp = ctx.now().getTime() + CARD_TOKEN_TTL_MS
  return {
    name,
    union: unionSummary(union),
    memberNo: membership.memberNo,
    joinedAt: membership.joinedAt,
    idMasked: application?.idMasked ?? null,
    // What a checker sees offline, and nothing more personal: the union's name and the name masked.
    token: signCard(ctx.secrets, { m: membership._id, exp, u: union.name, n: maskName(name) }),
    tokenExpiresAt: new Date(exp).toISOString(),
  }
}

/**
 * The public keys, for anyone: the check page keeps them to verify offline. Enough, because a token
 * that verifies needs the private key, which never leaves the cloud; and a key kept on a phone
 * stops working once rotated out twice, since a token names its key and the cloud signs only with
 * the current one (scripts/rotate-card-key.ts).
 */
export function cardKeys(ctx: ActionContext): ActionOutput<'member', 'cardKeys'> {
  return { keys: cardPublicKeys(ctx.secrets) }
}

/**
 * Merchants and union staff check a shown card online: the same check as offline (domain/card/token.ts),
 * then whether the membership is still active, which only the cloud knows. A valid check is counted
 * for the checker's merchant or union (and the station it was made at); a refused one changes nothing.
 */
export async function verifyCard(ctx: ActionContext, token: string, stationCode?: string): Promise<ActionOutput<'member', 'verifyCard'>> {
  const place = await checkPlace(ctx)
  const station = await checkStation(ctx, stationCode)
  const check = checkCard(ctx.secrets, token, ctx.now().getTime())
  if (!check.ok) throw new CloudError('CARD_INVALID', CARD_PROBLEM_MESSAGES[check.problem])
  const membership = await ctx.db.memberships.get(check.claims.m)
  const union = membership ? await ctx.db.unions.get(membership.unionId) : null
  if (!membership || membership.status !== 'active' || !union) throw new CloudError('CARD_INVALID', CARD_PROBLEM_MESSAGES.revoked)
  await recordCheck(ctx, place, 'online', 1, ctx.newId(), station)
  return { valid: true, union: unionSummary(union), memberNo: membership.memberNo, status: membership.status, maskedName: check.claims.n, checkedAt: ctx.now().toISOString() }
}
