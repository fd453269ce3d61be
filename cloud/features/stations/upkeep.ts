import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { validateStationRow } from '../../../domain/stations/station'
import { searchPieces } from '../../../domain/stations/text-search'
import { chinaToday } from '../../../domain/time'
import type { ActionContext } from '../../lib/context'
import { requireAnyStaff, requireStaffOf } from '../../lib/roles'
import { DuplicateKeyError, type Filter } from '../../lib/store/port'
import { stationsDb, type StationDoc } from './collections'
import { applyChange } from './edit'
import { toFields, type StationFields } from './import'

const OUT_OF_REACH = '只能新增或修改本工会及下级工会管理的驿站'

/** requireStaffOf with the upkeep's own words: an unknown union and one out of reach read alike. */
async function requireUnion(ctx: ActionContext, unionId: string) {
  try {
    return await requireStaffOf(ctx, unionId)
  } catch (error) {
    if (error instanceof CloudError && error.code === 'FORBIDDEN') throw new CloudError('FORBIDDEN', OUT_OF_REACH)
    throw error
  }
}

/**
 * A clerk adds or edits a station of their subtree on the form (pause and retire are its status).
 * The form is one import row to the importer's rule (validateStationRow), so a form and a CSV get
 * the same reasons. A new station is one insert (a taken code answers STATION_CODE_TAKEN, never an
 * overwrite); an edit is edit.ts's one conditional update on the version the clerk saw. Both the
 * union it is moved to and the one that has it must be the caller's. Audited with unionPath.
 */
export async function saveStation(input: ActionParsed<'stations', 'save'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'save'>> {
  const { expectedUpdatedAt, latitude, longitude, verifiedOn, ...form } = input
  const checked = validateStationRow({ ...form, lat: latitude, lng: longitude, verifiedOn: verifiedOn ?? chinaToday(ctx.now()) })
  if (!checked.ok) throw new CloudError('INVALID_INPUT', checked.reasons.join('；'))
  const union = await requireUnion(ctx, checked.station.unionId)
  const fields = toFields(checked.station, union)
  const { stations } = stationsDb(ctx.store)
  const before = await stations.get(checked.station.code)

  if (!expectedUpdatedAt) {
    if (before) throw new CloudError('STATION_CODE_TAKEN')
    const at = ctx.now().toISOString()
    const doc: StationDoc = { _id: checked.station.code, ...fields, createdAt: at, updatedAt: at }
    try {
      await stations.insert(doc)
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new CloudError('STATION_CODE_TAKEN')
      throw error
    }
    await ctx.audit({ action: 'stations.add', target: { collection: 'stations', id: doc._id }, before: null, after: fields, unionPath: fields.unionPath })
    return { code: doc._id, updatedAt: at }
  }

  if (!before) throw new CloudError('NOT_FOUND', '找不到这个驿站，可能编码已改变，请返回刷新')
  await requireUnion(ctx, before.unionId)
  // Only what changed is written and audited: the trail says what the clerk did.
  const set = Object.fromEntries(Object.entries(fields).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k as keyof StationFields]))) as Partial<StationDoc>
  if (!Object.keys(set).length) {
    if (before.updatedAt !== expectedUpdatedAt) throw new CloudError('CONFLICT')
    return { code: before._id, updatedAt: before.updatedAt }
  }
  const after = await applyChange(ctx, before, set, expectedUpdatedAt, 'stations.save')
  return { code: after._id, updatedAt: after.updatedAt }
}

const MANAGED_SHOWN = 50

/** The caller's subtree's stations, every status, most recently changed first; by code or by name pieces. */
export async function managedStations(input: ActionParsed<'stations', 'managed'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'managed'>> {
  const roots = requireAnyStaff(ctx)
  const { stations } = stationsDb(ctx.store)
  const scope: Filter<StationDoc> = { unionPath: { $in: roots } }
  const q = input.q ?? ''
  let docs: StationDoc[]
  if (!q) docs = await stations.find(scope, { sort: { updatedAt: -1 }, limit: MANAGED_SHOWN })
  else {
    const [byCode, byName] = await Promise.all([stations.get(q), q.length >= 2 ? stations.find({ ...scope, terms: { $all: searchPieces(q) } }, { limit: MANAGED_SHOWN }) : Promise.resolve([])])
    const inScope = byCode && byCode.unionPath.some((id) => roots.includes(id)) ? [byCode] : []
    docs = [...inScope, ...byName.filter((d) => d._id !== byCode?._id && (d.name.includes(q) || d.address.includes(q)))].slice(0, MANAGED_SHOWN)
  }
  const names = new Map<string, string>()
  for (const id of new Set(docs.map((d) => d.unionId))) names.set(id, (await ctx.db.unions.get(id))?.name ?? '')
  return { stations: docs.map((d) => ({ code: d._id, name: d.name, address: d.address, status: d.status, unionName: names.get(d.unionId) ?? '', updatedAt: d.updatedAt })) }
}
