import type { MerchantDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'

/**
 * The merchants an offer form may name: those of the caller's subtree (`clerkUnions`) that are not
 * closed, by name (at most 200: the form lists them as choices).
 */
export async function offerMerchants(ctx: ActionContext, clerkUnions: string[]): Promise<MerchantDoc[]> {
  return ctx.db.merchants.find({ unionPath: { $in: clerkUnions }, status: { $ne: 'closed' } }, { sort: { name: 1, _id: 1 }, limit: 200 })
}
