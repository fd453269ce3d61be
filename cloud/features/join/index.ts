import type { FeatureHandlers } from '../../lib/dispatch'
import { myNotifications } from '../../lib/notify'
import { requireAnyStaff } from '../../lib/roles'
import { cardKeys, memberCard, verifyCard } from './card'
import { recordOfflineChecks, todaysChecks } from './checks'
import { approveByStaff, rejectApplication } from './decide'
import { joinCode, posterUnionsWithSettings, setAutoApprove } from './poster'
import { lapseApplications } from './lapse'
import { reviewQueue } from './queue'
import { submitApplication } from './submit'
import { joinableUnionByCode, searchJoinable } from './unions'
import { myApplication } from './views'

/**
 * 入会 (join): a worker finds a union, applies and carries a member card; union staff print join
 * posters and decide the applications. The contract puts the applicant's actions in `member` and
 * the staff's in `review`.
 */
export { JOIN_COLLECTIONS as collections } from './collections'

export const member = {
  unionByCode: ({ code }, ctx) => joinableUnionByCode(ctx, code),
  searchUnions: ({ keyword }, ctx) => searchJoinable(ctx, keyword),
  join: submitApplication,
  myApplication: (_input, ctx) => myApplication(ctx),
  card: (_input, ctx) => memberCard(ctx),
  verifyCard: ({ token, stationCode }, ctx) => verifyCard(ctx, token, stationCode),
  cardKeys: async (_input, ctx) => cardKeys(ctx),
  recordOfflineChecks: (input, ctx) => recordOfflineChecks(ctx, input),
  cardChecks: ({ stationCode }, ctx) => todaysChecks(ctx, stationCode),
  notifications: (_input, ctx) => myNotifications(ctx),
  lapseApplications: (_input, ctx) => lapseApplications(ctx),
} satisfies FeatureHandlers<'member'>

export const review = {
  queue: (input, ctx) => reviewQueue(ctx, input),
  posterUnions: ({ keyword, cursor, unionId }, ctx) => posterUnionsWithSettings(ctx, requireAnyStaff(ctx), keyword, cursor, unionId),
  joinCode: ({ unionId }, ctx) => joinCode(ctx, unionId),
  setAutoApprove: ({ unionId, autoApprove }, ctx) => setAutoApprove(ctx, unionId, autoApprove),
  approve: ({ applicationId }, ctx) => approveByStaff(ctx, applicationId),
  reject: ({ applicationId, reason }, ctx) => rejectApplication(ctx, applicationId, reason),
} satisfies FeatureHandlers<'review'>
