import type { ActionOutput, Membership } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { signedIn, type ActionContext } from '../../lib/context'
import { unionPathNames, unionSummary } from '../../lib/unions'
import { heldRoles } from '../admin/roles'

async function describeMembership(ctx: ActionContext, openid: string): Promise<Membership | null> {
  const [membership] = await ctx.db.memberships.find({ openid, status: 'active' }, { limit: 1 })
  if (!membership) return null
  const union = await ctx.db.unions.get(membership.unionId)
  if (!union) throw new CloudError('INTERNAL', '会籍所在工会不存在，请联系工会')
  return {
    union: unionSummary(union),
    unionPath: await unionPathNames(ctx, union),
    memberNo: membership.memberNo,
    joinedAt: membership.joinedAt,
    status: membership.status,
  }
}

/** member.profile: who the caller is, the roles they hold and their membership. */
export async function profile(ctx: ActionContext): Promise<ActionOutput<'member', 'profile'>> {
  const { openid } = signedIn(ctx)
  const person = await ctx.db.people.get(openid)
  const [{ roles, held }, membership] = await Promise.all([heldRoles(ctx), describeMembership(ctx, openid)])
  return {
    displayName: person?.displayName ?? '微信用户',
    roles,
    held,
    membership,
    privacyAgreedVersion: person?.privacyAgreedVersion ?? null,
  }
}

/** member.agreePrivacy: records the version of the privacy guide the caller agreed to, and when. */
export async function agreePrivacy(ctx: ActionContext, version: string): Promise<ActionOutput<'member', 'agreePrivacy'>> {
  const { openid } = signedIn(ctx)
  const agreedAt = ctx.now().toISOString()
  const changed = await ctx.db.people.update({ _id: openid }, { set: { privacyAgreedVersion: version, privacyAgreedAt: agreedAt } })
  if (changed === 0) {
    await ctx.db.people.insert({ _id: openid, displayName: '微信用户', createdAt: agreedAt, privacyAgreedVersion: version, privacyAgreedAt: agreedAt })
  }
  return { version, agreedAt }
}
