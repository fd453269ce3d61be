import type { MembershipDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { unionPathOf } from '../../lib/roles'
import type { OfferDoc } from './collections'

/** Whether a member's union lies in the offer's eligible subtree (every member when it has none). */
export async function isEligible(ctx: ActionContext, offer: Pick<OfferDoc, 'eligibleUnionId'>, membership: MembershipDoc): Promise<boolean> {
  if (!offer.eligibleUnionId) return true
  const union = await ctx.db.unions.get(membership.unionId)
  return Boolean(union && unionPathOf(union).includes(offer.eligibleUnionId))
}
