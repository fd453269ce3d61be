import type { ActionParsed, StationDetail } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { hoursToText, parseHours } from '../../../domain/stations/hours'
import { AMENITIES, type Amenity, type StationStatus } from '../../../domain/stations/types'
import type { ActionContext } from '../../lib/context'
import { requireStaffOf } from '../../lib/roles'
import { stationsDb, type StationDoc } from './collections'
import { describeStation, loadStation } from './detail'

/** What staff may change on a station: the same rules for an edit and for resolving a report. */
export interface StationChange {
  hours?: string
  amenities?: Amenity[]
  status?: StationStatus
  verifiedOn?: string
}

/** The fields a change sets, checked (hours parse; amenities known, in canonical order). */
export function changeSet(change: StationChange): Partial<StationDoc> {
  const set: Partial<StationDoc> = {}
  if (change.hours !== undefined) {
    const parsed = parseHours(change.hours)
    if (!parsed.ok) throw new CloudError('BAD_HOURS', `营业时间格式不对：${parsed.reason}`, { hours: parsed.reason })
    set.hours = hoursToText(parsed.hours)
  }
  if (change.amenities !== undefined) set.amenities = AMENITIES.filter((a) => change.amenities?.includes(a))
  if (change.status !== undefined) set.status = change.status
  if (change.verifiedOn !== undefined) set.verifiedOn = change.verifiedOn
  return set
}

/**
 * Writes a checked change as one conditional update on the version `expectedUpdatedAt`, audited
 * with before and after (`audit` names the action); CONFLICT when someone changed it meanwhile.
 */
export async function applyChange(ctx: ActionContext, before: StationDoc, set: Partial<StationDoc>, expectedUpdatedAt: string, audit: string): Promise<StationDoc> {
  // A new version even when two edits land in the same millisecond.
  const now = ctx.now().getTime()
  const patch = { ...set, updatedAt: new Date(Math.max(now, Date.parse(before.updatedAt) + 1)).toISOString() }
  const changed = await stationsDb(ctx.store).stations.update({ _id: before._id, updatedAt: expectedUpdatedAt }, { set: patch })
  if (changed === 0) throw new CloudError('CONFLICT')
  const after = await loadStation(ctx, before._id)
  const pick = (doc: StationDoc) => Object.fromEntries(Object.keys(patch).map((k) => [k, doc[k as keyof StationDoc]]))
  await ctx.audit({ action: audit, target: { collection: 'stations', id: before._id }, before: pick(before), after: pick(after), unionPath: before.unionPath })
  return after
}

/**
 * Staff of the managing union (or a union above it) change what changes on the ground: hours,
 * amenities, status, the verified date. One conditional update on the version the editor saw;
 * audited with before and after.
 */
export async function editStation(input: ActionParsed<'stations', 'update'>, ctx: ActionContext): Promise<StationDetail> {
  const before = await loadStation(ctx, input.code)
  await requireStaffOf(ctx, before.unionId)
  const set = changeSet(input)
  if (!Object.keys(set).length) throw new CloudError('INVALID_INPUT', '没有要修改的内容')
  return describeStation(ctx, await applyChange(ctx, before, set, input.expectedUpdatedAt, 'stations.update'))
}
