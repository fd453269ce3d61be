import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { serviceDays, type ServiceDays } from '../../../domain/staff/deadline'
import type { UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { requireAnyStaff, requireStaffOf, unionPathOf } from '../../lib/roles'

type DaysView = ActionOutput<'review', 'serviceDays'>

const view = (union: UnionDoc): DaysView => ({ unionId: union._id, unionName: union.name, days: serviceDays(union.serviceDays), own: { ...union.serviceDays } as Record<string, number> })

/** A union's service deadlines (办理时限), for its clerks and those above. */
export async function getServiceDays(ctx: ActionContext, unionId: string | undefined): Promise<DaysView> {
  return view(await requireStaffOf(ctx, unionId ?? requireAnyStaff(ctx)[0]))
}

/**
 * Sets a union's own deadlines: the contract has held each to SERVICE_DAYS_RANGE; a kind left out
 * takes the default again. The whole set is written at once (two clerks saving at once: the later
 * save stands whole, never a mix), and audited.
 */
export async function setServiceDays(ctx: ActionContext, input: ActionParsed<'review', 'setServiceDays'>): Promise<DaysView> {
  const union = await requireStaffOf(ctx, input.unionId)
  const own = Object.fromEntries(Object.entries(input.days).filter(([, n]) => n !== undefined)) as Partial<ServiceDays>
  const before = union.serviceDays ?? null
  await ctx.db.unions.update({ _id: union._id }, Object.keys(own).length ? { set: { serviceDays: own } } : { unset: ['serviceDays'] })
  await ctx.audit({ action: 'ledger.serviceDays', target: { collection: 'unions', id: union._id }, before: { days: before }, after: { days: own }, unionPath: unionPathOf(union) })
  const after = await ctx.db.unions.get(union._id)
  return view(after ?? union)
}
