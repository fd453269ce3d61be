import type { ApplicationView } from '../../../domain/contract'
import type { UnionDoc } from '../../lib/collections'
import { signedIn, type ActionContext } from '../../lib/context'
import { unionSummary } from '../../lib/unions'
import { joinDb, type ApplicationDoc } from './collections'
import { findByIds } from '../../lib/store/read'

/** What an application shows its applicant and reviewers: never the ID number in clear. */
export function applicationView(app: ApplicationDoc, union: UnionDoc): ApplicationView {
  return {
    id: app._id,
    status: app.status,
    union: unionSummary(union),
    name: app.name,
    idMasked: app.idMasked,
    gender: app.gender,
    birthDate: app.birthDate,
    phone: app.phone,
    ethnicity: app.ethnicity,
    education: app.education,
    politicalStatus: app.politicalStatus,
    hukou: app.hukou,
    employer: app.employer,
    employment: app.employment,
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    rejectReason: app.rejectReason,
    memberNo: app.memberNo,
  }
}

export async function viewsOf(ctx: ActionContext, apps: ApplicationDoc[]): Promise<ApplicationView[]> {
  const ids = [...new Set(apps.map((a) => a.unionId))]
  const unions = await findByIds(ctx.db.unions, ids)
  const byId = new Map(unions.map((u) => [u._id, u]))
  return apps.flatMap((app) => {
    const union = byId.get(app.unionId)
    return union ? [applicationView(app, union)] : []
  })
}

export async function viewOf(ctx: ActionContext, app: ApplicationDoc): Promise<ApplicationView> {
  const [view] = await viewsOf(ctx, [app])
  if (!view) throw new Error(`application ${app._id} names a missing union`)
  return view
}

/** member.myApplication: the caller's latest application, if any. */
export async function myApplication(ctx: ActionContext): Promise<{ application: ApplicationView | null }> {
  const { openid } = signedIn(ctx)
  const [latest] = await joinDb(ctx.store).applications.find({ openid }, { sort: { submittedAt: -1 }, limit: 1 })
  return { application: latest ? await viewOf(ctx, latest) : null }
}
