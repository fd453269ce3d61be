import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { actionName, auditChanges, objectName } from '../../../domain/ledger/audit'
import type { AuditDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { requireAnyStaff } from '../../lib/roles'
import type { Filter } from '../../lib/store/port'
import { findByIds, type Keyset } from '../../lib/store/read'
import { dayRange } from './range'

/** Who a timer job is, on the page. */
const SYSTEM_NAME = '系统'
/** One name may be held by a few people; more than this many namesakes is not a filter worth running. */
const NAMESAKES = 50

/** The trail reads back in time windows, growing ×4 from a day, and never before this (or the range's start). */
const FIRST_WINDOW_MS = 24 * 3600 * 1000
const FLOOR = '2000-01-01T00:00:00.000Z'

/**
 * The subtree's audit entries newest first (台账 · 操作记录), a page at a time by (at, _id). An entry
 * is the subtree's when its unionPath holds one of the clerk's unions. The root union's clerks see
 * every entry: those that name no union (UNPLACED: a role revoked, a merchant saved) and those
 * written before #17 with no path at all, since which subtree they concern is not known and showing
 * them to a clerk lower down could show one district another's records.
 */
export async function auditLog(ctx: ActionContext, input: ActionParsed<'review', 'auditLog'>): Promise<ActionOutput<'review', 'auditLog'>> {
  const roots = requireAnyStaff(ctx)
  const unions = await findByIds(ctx.db.unions, roots)
  const filter: Filter<AuditDoc> = unions.some((u) => u.parentId === null) ? {} : { unionPath: { $in: roots } }
  if (input.action) filter.action = input.action
  if (input.objectKind) filter['target.collection'] = input.objectKind
  if (input.objectId) filter['target.id'] = input.objectId
  if (input.actorName) {
    const actors = await actorsNamed(ctx, input.actorName)
    if (!actors.length) return { items: [], nextCursor: null }
    filter.actor = { $in: actors }
  }
  const { fromIso, toIso } = dayRange(input.from, input.to)
  const rows = await newestFirst(ctx, filter, pageStart(input.cursor), toIso, fromIso ?? FLOOR, LIST_PAGE_SIZE + 1)
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'at')
  const names = await actorNames(ctx, page)
  return {
    items: page.map((row) => ({
      id: row._id,
      at: row.at,
      actorName: names.get(row.actor) ?? '（已注销用户）',
      action: row.action,
      actionName: actionName(row.action),
      object: { kind: row.target.collection, kindName: objectName(row.target.collection), id: row.target.id },
      changes: auditChanges(row.before, row.after),
    })),
    nextCursor,
  }
}

/**
 * Up to `limit` entries newest first, after `cursor` (or before `toIso`) and from `floor` on. Read in
 * time windows growing from a day, so each read is a bounded range of the time index however many
 * entries the log holds (the embedded store sorts what a read matches in memory; WeChat walks its
 * index either way, a few more reads when entries are sparse).
 */
async function newestFirst(ctx: ActionContext, filter: Filter<AuditDoc>, cursor: Keyset | null, toIso: string | null, floor: string, limit: number): Promise<AuditDoc[]> {
  const sort = { at: -1, _id: -1 } as const
  const rows = cursor ? await ctx.db.audit.find({ ...filter, at: cursor.value, _id: { $lt: cursor.id } }, { sort, limit }) : []
  let upper = cursor?.value ?? toIso ?? new Date(ctx.now().getTime() + 1).toISOString()
  for (let window = FIRST_WINDOW_MS; rows.length < limit && upper > floor; window *= 4) {
    const lower = new Date(Math.max(Date.parse(upper) - window, Date.parse(floor))).toISOString()
    rows.push(...(await ctx.db.audit.find({ ...filter, at: { $gte: lower, $lt: upper } }, { sort, limit: limit - rows.length })))
    upper = lower
  }
  return rows
}

async function actorsNamed(ctx: ActionContext, name: string): Promise<string[]> {
  const people = await ctx.db.people.find({ displayName: name }, { limit: NAMESAKES })
  return [...people.map((p) => p._id), ...(name === SYSTEM_NAME ? ['system'] : [])]
}

async function actorNames(ctx: ActionContext, rows: AuditDoc[]): Promise<Map<string, string>> {
  const people = await findByIds(ctx.db.people, rows.map((r) => r.actor).filter((a) => a !== 'system'))
  return new Map([['system', SYSTEM_NAME], ...people.map((p): [string, string] => [p._id, p.displayName])])
}
