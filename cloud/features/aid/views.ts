import { timeline, TRANSITIONS, type ApplicationEvent } from '../../../domain/aid/machine'
import { actsAt } from '../../../domain/aid/review'
import type { AidApplicationView } from '../../../domain/contract'
import { signedIn, type ActionContext } from '../../lib/context'
import { reviewScope } from '../../lib/roles'
import { readAll } from '../../lib/store/read'
import { aidDb, type ApplicationDoc } from './collections'

/** aid.mine: the caller's applications, newest first. */
export async function myApplications(ctx: ActionContext): Promise<AidApplicationView[]> {
  // One family's applications: one per child per year.
  const docs = (await readAll(aidDb(ctx.store).applications, { owner: signedIn(ctx).openid }, 1000)).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
  return Promise.all(docs.map((d) => applicationView(ctx, d)))
}

/** What a parent sees of their application: IDs and cards masked, the timeline spelled out. */
export async function applicationView(ctx: ActionContext, doc: ApplicationDoc): Promise<AidApplicationView> {
  const [programme, union, person] = await Promise.all([
    aidDb(ctx.store).programmes.get(doc.programmeId),
    ctx.db.unions.get(doc.unionId),
    ctx.db.people.get(doc.owner),
  ])
  const { idSealed: _sealed, ...child } = doc.child
  return {
    id: doc._id,
    programmeId: doc.programmeId,
    programmeName: programme?.name ?? '',
    year: doc.year,
    unionName: union?.name ?? '',
    applicantName: person?.displayName ?? '',
    status: doc.status,
    child,
    household: { ...doc.household, migrantWorker: doc.household.migrantWorker ?? null },
    declarations: doc.declarations ?? null,
    renewalOf: doc.renewalOf ?? null,
    documents: doc.documents,
    payout: { bank: doc.payout.bank, cardMasked: doc.payout.cardMasked },
    submittedAt: doc.submittedAt,
    returnNote: doc.returnNote,
    rejectReason: doc.rejectReason,
    amountFen: doc.amountFen,
    noticeEndsAt: doc.noticeEndsAt,
    paidAt: doc.paidAt,
    paidReference: doc.paidReference,
    timeline: timeline(doc),
  }
}

type StaffEvent = Extract<ApplicationEvent, 'verify' | 'send_back' | 'approve' | 'reject' | 'mark_paid'>
const STAFF_EVENTS: StaffEvent[] = ['verify', 'send_back', 'approve', 'reject', 'mark_paid']

/** The events the caller may fire now: the state table's `from` and the review rule's level. */
export function staffActions(ctx: ActionContext, doc: ApplicationDoc): StaffEvent[] {
  const scope = reviewScope(ctx.caller)
  return STAFF_EVENTS.filter((event) => {
    const row = TRANSITIONS[event]
    if (row.from !== doc.status) return false
    return actsAt(row.by === 'level_one' ? 1 : 2, doc.unionPath, scope)
  })
}

export async function staffView(ctx: ActionContext, doc: ApplicationDoc) {
  // Anyone may object to an entry on notice: the reviewer sees the first 200 (an open one blocks payout whatever the count).
  const objections = await aidDb(ctx.store).objections.find({ applicationId: doc._id }, { sort: { createdAt: 1 }, limit: 200 })
  return {
    ...(await applicationView(ctx, doc)),
    canAct: staffActions(ctx, doc),
    canResolve: actsAt(2, doc.unionPath, reviewScope(ctx.caller)),
    homeVisit: doc.homeVisit ? { visitedOn: doc.homeVisit.visitedOn, visitors: doc.homeVisit.visitors, checks: doc.homeVisit.checks, note: doc.homeVisit.note, photos: doc.homeVisit.photos, recordedAt: doc.homeVisit.recordedAt } : null,
    canVisit: doc.status === 'submitted' && actsAt(1, doc.unionPath, reviewScope(ctx.caller)),
    objections: objections.map((o) => ({ id: o._id, text: o.text, createdAt: o.createdAt, status: o.status })),
  }
}
