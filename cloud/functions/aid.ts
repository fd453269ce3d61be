import { CloudError } from '../../src/domain/errors'
import { signedIn } from '../lib/context'
import type { Handlers } from '../lib/dispatch'
import { activeMembership, requireAnyStaff, requireStaffOf, unionPathOf } from '../lib/roles'
import { aidDb } from '../features/aid/collections'
import { exportCsv } from '../features/aid/export'
import { fileLink, registerUpload } from '../features/aid/files'
import { objectToNotice, publicNotice } from '../features/aid/notice'
import { programmeFor, programmeView } from '../features/aid/programmes'
import { reviewPage } from '../features/aid/reviewList'
import { markPaid, resolveObjection, reviewApplication } from '../features/aid/review'
import { correctApplication, submitApplication } from '../features/aid/submit'
import { applicationView, staffView } from '../features/aid/views'
import { readAll } from '../lib/store/read'
import { purgeExports } from '../features/aid/export-files'

export const aidHandlers: Handlers<'aid'> = {
  async programme(_input, ctx) {
    const membership = await activeMembership(ctx, signedIn(ctx).openid)
    if (!membership) return null
    const union = await ctx.db.unions.get(membership.unionId)
    const doc = union ? await programmeFor(ctx, unionPathOf(union)) : null
    return doc ? programmeView(ctx, doc) : null
  },

  async myProgrammes(_input, ctx) {
    const roots = requireAnyStaff(ctx)
    // One per union and year: a staff member's own unions' programmes over the years.
    const docs = (await readAll(aidDb(ctx.store).programmes, { unionId: { $in: roots } }, 5000)).sort((a, b) => b.year - a.year || a._id.localeCompare(b._id))
    return Promise.all(docs.map((d) => programmeView(ctx, d)))
  },

  async saveProgramme(input, ctx) {
    await requireStaffOf(ctx, input.unionId)
    if (Date.parse(input.closesAt) <= Date.parse(input.opensAt)) throw new CloudError('INVALID_INPUT', '截止时间应晚于开始时间', { closesAt: '截止时间应晚于开始时间' })
    const programmes = aidDb(ctx.store).programmes
    const [existing] = await programmes.find({ unionId: input.unionId, year: input.year }, { limit: 1 })
    const fields = { ...input, updatedAt: ctx.now().toISOString() }
    const id = existing?._id ?? ctx.newId()
    if (existing) await programmes.update({ _id: id }, { set: fields })
    else await programmes.insert({ _id: id, ...fields })
    await ctx.audit({ action: 'aid.programme.save', target: { collection: 'aidProgrammes', id }, before: existing ?? null, after: fields })
    return programmeView(ctx, (await programmes.get(id))!)
  },

  async submit(input, ctx) {
    return applicationView(ctx, await submitApplication(ctx, input))
  },

  async correct(input, ctx) {
    return applicationView(ctx, await correctApplication(ctx, input))
  },

  async mine(_input, ctx) {
    // One family's applications: one per child per year.
    const docs = (await readAll(aidDb(ctx.store).applications, { owner: signedIn(ctx).openid }, 1000)).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
    return Promise.all(docs.map((d) => applicationView(ctx, d)))
  },

  async reviewList(input, ctx) {
    return reviewPage(ctx, input)
  },

  async review(input, ctx) {
    return staffView(ctx, await reviewApplication(ctx, input))
  },

  async notice(input, ctx) {
    return publicNotice(ctx, input)
  },

  async object(input, ctx) {
    return objectToNotice(ctx, input)
  },

  async resolveObjection(input, ctx) {
    return staffView(ctx, await resolveObjection(ctx, input))
  },

  async markPaid(input, ctx) {
    return staffView(ctx, await markPaid(ctx, input))
  },

  async registerUpload(input, ctx) {
    return registerUpload(ctx, input)
  },

  async fileLink(input, ctx) {
    return fileLink(ctx, input)
  },

  async exportCsv({ programmeId }, ctx) {
    return exportCsv(ctx, programmeId)
  },

  async purgeExports(_input, ctx) {
    return purgeExports(ctx)
  },
}
