import type { StationDetail } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { describeHours, isOpenAt } from '../../../domain/stations/hours'
import { HELPFUL_DAYS, reportWarning } from '../../../domain/stations/reports'
import { chinaToday } from '../../../domain/time'
import type { ActionContext } from '../../lib/context'
import { staffUnionIds } from '../../lib/roles'
import { stationBasics, storedHours, stationsDb, type StationDoc } from './collections'
import { helpfulId } from './helpful'

export async function loadStation(ctx: ActionContext, code: string): Promise<StationDoc> {
  const doc = await stationsDb(ctx.store).stations.get(code)
  if (!doc) throw new CloudError('NOT_FOUND', '找不到这个驿站')
  return doc
}

/** Shown on the detail page: at most this many open reports' warnings. */
const WARNINGS_SHOWN = 3

/** The China day `days` before `now`'s (YYYY-MM-DD). */
const dayBefore = (now: Date, days: number) => chinaToday(new Date(now.getTime() - days * 86_400_000))

export async function describeStation(ctx: ActionContext, doc: StationDoc): Promise<StationDetail> {
  const now = ctx.now()
  const { reports, helpful } = stationsDb(ctx.store)
  const [union, open, helpfulRecent, mine] = await Promise.all([
    ctx.db.unions.get(doc.unionId),
    reports.find({ station: doc._id, status: 'open' }, { sort: { createdAt: -1 }, limit: WARNINGS_SHOWN }),
    helpful.count({ station: doc._id, day: { $gt: dayBefore(now, HELPFUL_DAYS) } }),
    ctx.caller ? helpful.get(helpfulId(ctx, doc._id, ctx.caller.openid, chinaToday(now))) : Promise.resolve(null),
  ])
  const staff = staffUnionIds(ctx.caller)
  return {
    ...stationBasics(doc),
    hoursText: describeHours(storedHours(doc.hours)),
    hours: doc.hours,
    openNow: doc.status === 'active' && isOpenAt(storedHours(doc.hours), now),
    phone: doc.phone,
    photos: doc.photos,
    unionId: doc.unionId,
    unionName: union?.name ?? '',
    verifiedOn: doc.verifiedOn,
    status: doc.status,
    updatedAt: doc.updatedAt,
    canEdit: doc.unionPath.some((id) => staff.includes(id)),
    warnings: [...new Set(open.map((r) => reportWarning(r.kind, r.amenity)))],
    helpfulRecent,
    helpfulToday: Boolean(mine),
  }
}
