import type { ActionParsed, StationDetail } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { hoursToText, parseHours } from '../../../domain/stations/hours'
import { AMENITIES } from '../../../domain/stations/types'
import type { ActionContext } from '../../lib/context'
import { requireStaffOf } from '../../lib/roles'
import { stationsDb, type StationDoc } from './collections'
import { describeStation, loadStation } from './detail'

/**
 * Staff of the managing union (or a union above it) change what changes on the ground: hours,
 * amenities, status, the verified date. One conditional update on the version the editor saw;
 * audited with before and after.
 */
export async function editStation(input: ActionParsed<'stations', 'update'>, ctx: ActionContext): Promise<StationDetail> {
  const before = await loadStation(ctx, input.code)
  await requireStaffOf(ctx, before.unionId)
  const set: Partial<StationDoc> = {}
  if (input.hours !== undefined) {
    const parsed = parseHours(input.hours)
    if (!parsed.ok) throw new CloudError('BAD_HOURS', `营业时间格式不对：${parsed.reason}`, { hours: parsed.reason })
    set.hours = hoursToText(parsed.hours)
  }
  if (input.amenities !== undefined) set.amenities = AMENITIES.filter((a) => input.amenities?.includes(a))
  if (input.status !== undefined) set.status = input.status
  if (input.verifiedOn !== undefined) set.verifiedOn = input.verifiedOn
  if (!Object.keys(set).length) throw new CloudError('INVALID_INPUT', '没有要修改的内容')
  // A new version even when two edits land in the same millisecond.
  const now = ctx.now().getTime()
  set.updatedAt = new Date(Math.max(now, Date.parse(before.updatedAt) + 1)).toISOString()
  const { stations } = stationsDb(ctx.store)
  const changed = await stations.update({ _id: before._id, updatedAt: input.expectedUpdatedAt }, { set })
  if (changed === 0) throw new CloudError('CONFLICT')
  const after = await loadStation(ctx, input.code)
  const pick = (doc: StationDoc) => Object.fromEntries(Object.keys(set).map((k) => [k, doc[k as keyof StationDoc]]))
  await ctx.audit({ action: 'stations.update', target: { collection: 'stations', id: before._id }, before: pick(before), after: pick(after), unionPath: before.unionPath })
  return describeStation(ctx, after)
}
