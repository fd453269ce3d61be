import type { Handlers } from '../lib/dispatch'
import { approveApplication, applicationForStaff, rejectApplication } from '../features/join/decide'
import { reviewQueue } from '../features/join/queue'
import { posterUnions } from '../features/join/unions'
import { requireAnyStaff } from '../lib/roles'

/** 入会审核: union staff decide the join applications of their union and the unions below it. */
export const reviewHandlers: Handlers<'review'> = {
  queue: (_input, ctx) => reviewQueue(ctx),

  posterUnions: async (_input, ctx) => ({ unions: await posterUnions(ctx, requireAnyStaff(ctx)) }),

  async approve({ applicationId }, ctx) {
    const { union } = await applicationForStaff(ctx, applicationId)
    return approveApplication(ctx, applicationId, { actor: 'staff', union })
  },

  reject: ({ applicationId, reason }, ctx) => rejectApplication(ctx, applicationId, reason),
}
