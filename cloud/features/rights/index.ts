import type { FeatureHandlers } from '../../lib/dispatch'
import { myData } from './data'
import { answerRights, requestRights, rightsQueue } from './requests'

/**
 * A person's rights over their data (个人信息保护法): they see what is held and ask for copies,
 * corrections and deletions (`member`); union staff answer (`review`).
 */
export { RIGHTS_COLLECTIONS as collections } from './collections'

export const member = {
  myData: (_input, ctx) => myData(ctx),
  requestRights: (input, ctx) => requestRights(ctx, input),
} satisfies FeatureHandlers<'member'>

export const review = {
  rightsQueue: (input, ctx) => rightsQueue(ctx, input),
  answerRights: (input, ctx) => answerRights(ctx, input),
} satisfies FeatureHandlers<'review'>
