import type { StationDetail } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { describeHours, isOpenAt } from '../../../domain/stations/hours'
import type { ActionContext } from '../../lib/context'
import { staffUnionIds } from '../../lib/roles'
import { stationBasics, storedHours, stationsDb, type StationDoc } from './collections'

export async function loadStation(ctx: ActionContext, code: string): Promise<StationDoc> {
  const doc = await stationsDb(ctx.store).stations.get(code)
  if (!doc) throw new CloudError('NOT_FOUND', '找不到这个驿站')
  return doc
}

export async function describeStation(ctx: ActionContext, doc: StationDoc): Promise<StationDetail> {
  const union = await ctx.db.unions.get(doc.unionId)
  const staff = staffUnionIds(ctx.caller)
  return {
    ...stationBasics(doc),
    hoursText: describeHours(storedHours(doc.hours)),
    hours: doc.hours,
    openNow: doc.status === 'active' && isOpenAt(storedHours(doc.hours), ctx.now()),
    phone: doc.phone,
    photos: doc.photos,
    unionName: union?.name ?? '',
    verifiedOn: doc.verifiedOn,
    status: doc.status,
    updatedAt: doc.updatedAt,
    canEdit: doc.unionPath.some((id) => staff.includes(id)),
  }
}
