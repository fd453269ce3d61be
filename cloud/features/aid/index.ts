import type { FeatureHandlers } from '../../lib/dispatch'
import { backfillReviewLevels } from './backfill'
import { exportCsv } from './export'
import { purgeExports } from '../../lib/exportFiles'
import { fileLink, registerUpload } from './files'
import { objectToNotice, publicNotice } from './notice'
import { myProgramme, saveProgramme, staffProgrammes } from './programmes'
import { dismissObjections, markPaid, resolveObjection, reviewApplication } from './review'
import { reviewPage } from './reviewList'
import { purgeUnusedUploads } from './uploads'
import { myRenewals } from './renewals'
import { recordVisit } from './visit'
import { correctApplication, submitApplication } from './submit'
import { applicationView, myApplications, staffView } from './views'

/**
 * 金秋助学 (student aid): unions set a programme a year, members apply with documents, reviewers
 * decide at their level, a public notice takes objections, and paid applications are exported.
 */
export { AID_COLLECTIONS as collections } from './collections'

export const aid = {
  programme: (_input, ctx) => myProgramme(ctx),
  myProgrammes: (_input, ctx) => staffProgrammes(ctx),
  saveProgramme: (input, ctx) => saveProgramme(ctx, input),
  submit: async (input, ctx) => applicationView(ctx, await submitApplication(ctx, input)),
  correct: async (input, ctx) => applicationView(ctx, await correctApplication(ctx, input)),
  mine: (_input, ctx) => myApplications(ctx),
  reviewList: (input, ctx) => reviewPage(ctx, input),
  review: async (input, ctx) => staffView(ctx, await reviewApplication(ctx, input)),
  renewals: (_input, ctx) => myRenewals(ctx),
  recordVisit: async (input, ctx) => staffView(ctx, await recordVisit(ctx, input)),
  notice: (input, ctx) => publicNotice(ctx, input),
  object: (input, ctx) => objectToNotice(ctx, input),
  resolveObjection: async (input, ctx) => staffView(ctx, await resolveObjection(ctx, input)),
  dismissObjections: async (input, ctx) => staffView(ctx, await dismissObjections(ctx, input)),
  markPaid: async (input, ctx) => staffView(ctx, await markPaid(ctx, input)),
  registerUpload: (input, ctx) => registerUpload(ctx, input),
  fileLink: (input, ctx) => fileLink(ctx, input),
  exportCsv: ({ programmeId, rows }, ctx) => exportCsv(ctx, programmeId, rows),
  // The function's one daily timer (WeChat allows one per function) does both.
  purgeExports: async (_input, ctx) => ({ ...(await purgeExports(ctx)), uploads: await purgeUnusedUploads(ctx) }),
  // The deploy's (invokeFunction with { operator: 'backfillLevels' }) over applications stored before stop 25: one batch a call, asked until done.
  backfillLevels: (_input, ctx) => backfillReviewLevels(ctx.store),
} satisfies FeatureHandlers<'aid'>
