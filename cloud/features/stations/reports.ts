import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { formatWait } from '../../../domain/format'
import { FILE_LINK_SECONDS } from '../../../domain/aid/files'
import { localPhotoPath } from '../../../domain/stations/photos'
import { chinaToday } from '../../../domain/time'
import type { ActionContext } from '../../lib/context'
import { keyedHash } from '../../lib/crypto'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { insertOnce, writeId } from '../../lib/resume'
import { findByIds, keysetPage } from '../../lib/store/read'
import { requireAnyStaff, requireStaffOf } from '../../lib/roles'
import { stationsDb, type ReportDoc } from './collections'
import { describeStation, loadStation } from './detail'
import { applyChange, changeSet } from './edit'
import { releaseReportQuota, takeReportQuota } from './report-quota'

/**
 * Anyone reports a problem with a station. The sender is never kept in the clear: a signed-in one as
 * a keyed hash (for the rate limit), an anonymous one not at all. A retry with the same key is the
 * same report.
 */
export async function reportProblem(input: ActionParsed<'stations', 'report'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'report'>> {
  if (input.kind === 'amenity' && !input.amenity) throw new CloudError('INVALID_INPUT', '请选择是哪项设施', { amenity: '请选择是哪项设施' })
  const station = await loadStation(ctx, input.code)
  if (station.status === 'closed') throw new CloudError('STATION_RETIRED')
  const now = ctx.now()
  const day = chinaToday(now)
  const openid = ctx.caller?.openid ?? null
  const sender = openid ? keyedHash(ctx.secrets.hashKey, `report:${openid}`).slice(0, 32) : null
  const id = input.idempotencyKey ? writeId(ctx, 'report', openid ?? 'anonymous', input.idempotencyKey) : `report-${ctx.newId()}`
  const { reports } = stationsDb(ctx.store)
  // The same submission again (a lost answer) is answered, not counted against the limits.
  if (input.idempotencyKey && (await reports.get(id))) return { id }
  // The photo is checked first: a wrong one takes nothing from the sender's limits.
  const photo = input.photo ? await reportPhoto(ctx, input.photo) : null
  const taken = await takeReportQuota(ctx, sender, station._id, day)
  const doc: ReportDoc = {
    _id: id,
    station: station._id,
    unionPath: station.unionPath,
    kind: input.kind,
    amenity: input.kind === 'amenity' ? (input.amenity ?? null) : null,
    note: input.note.trim(),
    sender,
    anonymous: !sender,
    day,
    status: 'open',
    createdAt: now.toISOString(),
    photo,
  }
  const stored = await insertOnce(reports, doc)
  // A retry that raced its first try: the same report, not another one counted.
  if (!stored.fresh) await releaseReportQuota(ctx, taken)
  return { id: stored.doc._id }
}

/** A report's photo: one the signed-in sender uploaded for a report (anonymous reports carry none). */
async function reportPhoto(ctx: ActionContext, id: string): Promise<string> {
  if (!ctx.caller) throw new CloudError('UNAUTHENTICATED', '附照片请先登录；不登录也可以只写文字反馈')
  const doc = await stationsDb(ctx.store).photos.get(id)
  if (!doc || doc.owner !== ctx.caller.openid || doc.purpose !== 'report') throw new CloudError('NOT_FOUND', '找不到照片，请重新上传')
  return doc._id
}

/** A link to a report's photo for the clerks the queue answers: the local server's (it checks who asks) or a short-lived cloud-storage one. */
async function photoLink(ctx: ActionContext, id: string | null | undefined): Promise<string | null> {
  if (!id) return null
  const doc = await stationsDb(ctx.store).photos.get(id)
  if (!doc) return null
  if (!doc.cloudFileId) return localPhotoPath(doc._id)
  return ctx.wechat ? ctx.wechat.tempFileUrl(doc.cloudFileId, FILE_LINK_SECONDS) : null
}

/**
 * The open reports of stations in the caller's subtrees, oldest first, a page at a time (keyset on
 * createdAt then _id: a report resolved or added while a clerk pages neither shifts nor repeats the
 * others), with how long each has waited and how many wait in all.
 */
export async function reportQueue(input: ActionParsed<'stations', 'reports'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'reports'>> {
  const roots = requireAnyStaff(ctx)
  const { reports, stations } = stationsDb(ctx.store)
  const scope = { unionPath: { $in: roots }, status: 'open' as const }
  const [rows, total] = await Promise.all([keysetPage(reports, scope, 'createdAt', pageStart(input.cursor), LIST_PAGE_SIZE + 1), reports.count(scope)])
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'createdAt')
  const names = new Map((await findByIds(stations, page.map((r) => r.station))).map((s) => [s._id, s.name]))
  const now = ctx.now()
  const photos = await Promise.all(page.map((r) => photoLink(ctx, r.photo)))
  return {
    total,
    nextCursor,
    items: page.map((r, i) => ({ id: r._id, code: r.station, stationName: names.get(r.station) ?? r.station, kind: r.kind, amenity: r.amenity, note: r.note, createdAt: r.createdAt, photo: photos[i], waiting: formatWait(r.createdAt, now) })),
  }
}

/**
 * Staff of the managing union close a report as confirmed or not, with a note. The same step may
 * change the station (the edit's rules), and always sets its last-verified date to today: someone
 * looked. The report changes only while open (one conditional update), so two clerks cannot both
 * resolve it; the station's change is on the version read here. Both audited. A confirmed 关门
 * closes the station (it leaves the search).
 */
export async function resolveReport(input: ActionParsed<'stations', 'resolve'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'resolve'>> {
  const { reports } = stationsDb(ctx.store)
  const report = await reports.get(input.id)
  // Out of reach and unknown answer alike: clerks learn nothing of other subtrees.
  if (!report) throw new CloudError('NOT_FOUND', '找不到这条反馈')
  const before = await loadStation(ctx, report.station)
  try {
    await requireStaffOf(ctx, before.unionId)
  } catch {
    throw new CloudError('NOT_FOUND', '找不到这条反馈')
  }
  if (report.status !== 'open') throw new CloudError('ALREADY_DECIDED', '这条反馈已经处理过了，请刷新')
  // A confirmed 关门 takes the station out of the search unless the clerk says otherwise.
  const status = input.status ?? (input.outcome === 'confirmed' && report.kind === 'closed' ? 'closed' : undefined)
  const set = changeSet({ hours: input.hours, amenities: input.amenities, status, verifiedOn: chinaToday(ctx.now()) })
  // The station first: a report left open by a failed change (CONFLICT) can be resolved again.
  const after = await applyChange(ctx, before, set, before.updatedAt, 'stations.update')
  const resolved = { status: input.outcome, resolvedAt: ctx.now().toISOString(), resolvedBy: ctx.caller?.openid ?? '', resolution: input.note }
  if ((await reports.update({ _id: report._id, status: 'open' }, { set: resolved })) === 0) throw new CloudError('ALREADY_DECIDED', '这条反馈已经处理过了，请刷新')
  await ctx.audit({ action: 'stations.resolve', target: { collection: 'station_reports', id: report._id }, before: { status: 'open' }, after: { status: input.outcome, resolution: input.note }, unionPath: report.unionPath })
  return { station: await describeStation(ctx, after) }
}
