import type { ActionOutput } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { signedIn, type ActionContext } from '../../lib/context'
import { merchantIds, requireActiveMember, staffUnionIds } from '../../lib/roles'
import { signToken, verifyToken } from '../../lib/tokens'
import { unionSummary } from '../../lib/unions'
import { joinDb } from './collections'

/** What the member card's QR code carries: the membership id and an expiry, nothing personal. */
interface CardClaims {
  k: 'card'
  m: string
  exp: number
}

/** A shown code is good for five minutes; the card page refreshes it. */
export const CARD_TOKEN_TTL_MS = 5 * 60 * 1000

export async function memberCard(ctx: ActionContext): Promise<ActionOutput<'member', 'card'>> {
  const { openid } = signedIn(ctx)
  const membership = await requireActiveMember(ctx)
  const union = await ctx.db.unions.get(membership.unionId)
  if (!union) throw new CloudError('INTERNAL', '会籍所在工会不存在，请联系工会')
  const [application] = await joinDb(ctx.store).applications.find({ openid, membershipId: membership._id }, { limit: 1 })
  const person = await ctx.db.people.get(openid)
  const exp = ctx.now().getTime() + CARD_TOKEN_TTL_MS
  return {
    name: application?.name ?? person?.displayName ?? '微信用户',
    union: unionSummary(union),
    memberNo: membership.memberNo,
    joinedAt: membership.joinedAt,
    idMasked: application?.idMasked ?? null,
    token: signToken<CardClaims>(ctx.secrets.tokenKey, { k: 'card', m: membership._id, exp }),
    tokenExpiresAt: new Date(exp).toISOString(),
  }
}

/** Merchants, stations (union staff) check a shown card: valid, which union, which number. */
export async function verifyCard(ctx: ActionContext, token: string): Promise<ActionOutput<'member', 'verifyCard'>> {
  const caller = signedIn(ctx)
  if (!staffUnionIds(caller).length && !merchantIds(caller).length) throw new CloudError('FORBIDDEN', '仅限商户核销员和工会工作人员核验会员码')
  const check = verifyToken<CardClaims>(ctx.secrets.tokenKey, token, ctx.now().getTime(), (c) => c.k === 'card' && typeof c.m === 'string')
  if (!check.ok) throw new CloudError('CARD_INVALID', check.reason === 'expired' ? '会员码已过期，请让会员刷新后再出示' : undefined)
  const membership = await ctx.db.memberships.get(check.claims.m)
  const union = membership ? await ctx.db.unions.get(membership.unionId) : null
  if (!membership || membership.status !== 'active' || !union) throw new CloudError('CARD_INVALID', '该会籍已失效')
  return { valid: true, union: unionSummary(union), memberNo: membership.memberNo, status: membership.status }
}
