import { CloudError } from '../../src/domain/errors'
import type { Membership } from '../../src/domain/contract'
import { signedIn, type ActionContext } from '../lib/context'
import type { Handlers } from '../lib/dispatch'
import { unionPathNames, unionSummary } from '../lib/unions'
import { joinHandlers } from '../features/join/handlers'
import { heldRoles } from '../features/admin/roles'
import { myData } from '../features/rights/data'
import { requestRights } from '../features/rights/requests'

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

export const memberHandlers: Handlers<'member'> = {
  async profile(_input, ctx) {
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
  },

  async agreePrivacy({ version }, ctx) {
    const { openid } = signedIn(ctx)
    const agreedAt = ctx.now().toISOString()
    const changed = await ctx.db.people.update({ _id: openid }, { set: { privacyAgreedVersion: version, privacyAgreedAt: agreedAt } })
    if (changed === 0) {
      await ctx.db.people.insert({ _id: openid, displayName: '微信用户', createdAt: agreedAt, privacyAgreedVersion: version, privacyAgreedAt: agreedAt })
    }
    return { version, agreedAt }
  },

  ...joinHandlers,

  myData: (_input, ctx) => myData(ctx),

  requestRights: (input, ctx) => requestRights(ctx, input),
}
