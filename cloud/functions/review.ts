import type { Handlers } from '../lib/dispatch'
import { approveApplication, applicationForStaff, rejectApplication } from '../features/join/decide'
import { reviewQueue } from '../features/join/queue'
import { joinCode, posterUnionsWithSettings, setAutoApprove } from '../features/join/poster'
import { requireAnyStaff } from '../lib/roles'
import { answerRights, rightsQueue } from '../features/rights/requests'

/** 入会审核: union staff decide the join applications of their union and the unions below it. */
export const reviewHandlers: Handlers<'review'> = {
  queue: (input, ctx) => reviewQueue(ctx, input),

  posterUnions: ({ keyword, cursor, unionId }, ctx) => posterUnionsWithSettings(ctx, requireAnyStaff(ctx), keyword, cursor, unionId),

  joinCode: ({ unionId }, ctx) => joinCode(ctx, unionId),

  setAutoApprove: ({ unionId, autoApprove }, ctx) => setAutoApprove(ctx, unionId, autoApprove),

  async approve({ applicationId }, ctx) {
    const { union } = await applicationForStaff(ctx, applicationId)
    return approveApplication(ctx, applicationId, { actor: 'staff', union })
  },

  reject: ({ applicationId, reason }, ctx) => rejectApplication(ctx, applicationId, reason),

  rightsQueue: (input, ctx) => rightsQueue(ctx, input),

  answerRights: (input, ctx) => answerRights(ctx, input),
}
