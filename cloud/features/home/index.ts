import type { FeatureHandlers } from '../../lib/dispatch'
import type { CollectionIndexes } from '../../lib/store/port'
import { signedIn } from '../../lib/context'
import { activeMembership } from '../../lib/roles'
import { waitingFor } from './mine'
import { queuesOf } from './queues'

/**
 * 首页 for someone signed in: the person's own summary in one call. It reads other features'
 * collections and writes nothing, so it has none of its own.
 */
export const collections: CollectionIndexes = {}

export const member = {
  home: async (_input, ctx) => {
    const caller = signedIn(ctx)
    const [membership, waiting, queues] = await Promise.all([activeMembership(ctx, caller.openid), waitingFor(ctx, caller.openid), queuesOf(ctx, caller)])
    return { member: Boolean(membership), waiting, queues }
  },
} satisfies FeatureHandlers<'member'>
