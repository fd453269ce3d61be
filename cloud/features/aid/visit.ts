import { actsAt } from '../../../domain/aid/review'
import type { ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { chinaToday } from '../../../domain/time'
import { signedIn, type ActionContext } from '../../lib/context'
import { reviewScope } from '../../lib/roles'
import { aidDb, type ApplicationDoc } from './collections'
import { reviewable } from './review'

const invalid = (field: string, message: string) => new CloudError('INVALID_INPUT', message, { [field]: message })

/**
 * aid.recordVisit: level one records the 入户核查 while the application waits for it (submitted).
 * Photos are the reviewer's own uploads (the aid upload flow) and must be images. Recording again
 * replaces the earlier record. Audited.
 */
export async function recordVisit(ctx: ActionContext, input: ActionParsed<'aid', 'recordVisit'>): Promise<ApplicationDoc> {
  const { openid } = signedIn(ctx)
  const doc = await reviewable(ctx, input.applicationId)
  if (!actsAt(1, doc.unionPath, reviewScope(ctx.caller))) throw new CloudError('FORBIDDEN', '入户核查由基层工会或其上一级工会记录')
  if (doc.status !== 'submitted') throw new CloudError('CONFLICT', '只有基层审核中的申请可以记录入户核查')
  // Days in China time, as the reviewer's calendar shows them.
  if (input.visitedOn < chinaToday(new Date(doc.submittedAt)) || input.visitedOn > chinaToday(ctx.now())) throw invalid('visitedOn', '核查日期应在提交申请之后、今天或之前')
  const photos = [...new Set(input.photos)]
  const files = photos.length ? await aidDb(ctx.store).files.find({ _id: { $in: photos }, owner: openid }, { limit: photos.length }) : []
  if (files.length !== photos.length) throw invalid('photos', '有照片未上传成功，请重新上传')
  if (files.some((f) => f.type === 'application/pdf')) throw new CloudError('FILE_TYPE', '入户核查照片应为 JPG 或 PNG 图片')
  const homeVisit = { visitedOn: input.visitedOn, visitors: input.visitors, checks: input.checks, note: input.note, photos, recordedBy: openid, recordedAt: ctx.now().toISOString() }
  const applications = aidDb(ctx.store).applications
  const changed = await applications.update({ _id: doc._id, status: 'submitted' }, { set: { homeVisit, visitFileIds: photos, updatedAt: homeVisit.recordedAt } })
  if (changed === 0) throw new CloudError('CONFLICT', '申请状态已变化，请刷新后重试')
  await ctx.audit({ action: 'aid.visit', target: { collection: 'aidApplications', id: doc._id }, before: { homeVisit: doc.homeVisit ?? null }, after: { homeVisit }, unionPath: doc.unionPath })
  return (await applications.get(doc._id)) as ApplicationDoc
}
