import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { actionName, auditChanges, objectName } from '../../../domain/ledger/audit'
import type { AuditDoc } from '../../lib/collections'
import { UNPLACED, type ActionContext } from '../../lib/context'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { requireAnyStaff } from '../../lib/roles'
import type { Filter } from '../../lib/store/port'
import { findByIds, keysetPage } from '../../lib/store/read'
import { dayRange } from './range'

/** Who a timer job is, on the page. */
const SYSTEM_NAME = '系统'
/** One name may be held by a few people; more than this many namesakes is not a filter worth running. */
const NAMESAKES = 50

/**
 * The subtree's audit entries newest first (台账 · 操作记录), a page at a time by (at, _id). An entry
 * is the subtree's when its unionPath holds one of the clerk's unions. Entries that name no union
 * (UNPLACED: a role revoked, a merchant saved, a timer job) go to the root union's clerks only: they
 * see everything anyway, while a clerk lower down could learn of another subtree from them. Entries
 * written before #17 carry no path at all and are shown to nobody: which subtree they concern is
 * not known, and guessing could show one district's records to another.
 */
export async function auditLog(ctx: ActionContext, input: ActionParsed<'review', 'auditLog'>): Promise<ActionOutput<'review', 'auditLog'>> {
  const roots = requireAnyStaff(ctx)
  const unions = await findByIds(ctx.db.unions, roots)
  const scope = unions.some((u) => u.parentId === null) ? [...roots, UNPLACED] : roots
  const filter: Filter<AuditDoc> = { unionPath: { $in: scope } }
  if (input.action) filter.action = input.action
  if (input.objectKind) filter['target.collection'] = input.objectKind
  if (input.objectId) filter['target.id'] = input.objectId
  if (input.actorName) {
    const actors = await actorsNamed(ctx, input.actorName)
    if (!actors.length) return { items: [], nextCursor: null }
    filter.actor = { $in: actors }
  }
  const { fromIso, toIso } = dayRange(input.from, input.to)
  // The range's end is where the first page starts (newest first); its start cuts the last page.
  const start = pageStart(input.cursor) ?? (toIso ? { value: toIso, id: '' } : null)
  const rows = await keysetPage(ctx.db.audit, filter, 'at', start, LIST_PAGE_SIZE + 1, -1)
  const inRange = fromIso ? rows.filter((row) => row.at >= fromIso) : rows
  const { page, nextCursor } = cutPage(inRange, LIST_PAGE_SIZE, 'at')
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
    nextCursor: inRange.length < rows.length ? null : nextCursor,
  }
}

async function actorsNamed(ctx: ActionContext, name: string): Promise<string[]> {
  const people = await ctx.db.people.find({ displayName: name }, { limit: NAMESAKES })
  return [...people.map((p) => p._id), ...(name === SYSTEM_NAME ? ['system'] : [])]
}

async function actorNames(ctx: ActionContext, rows: AuditDoc[]): Promise<Map<string, string>> {
  const people = await findByIds(ctx.db.people, rows.map((r) => r.actor).filter((a) => a !== 'system'))
  return new Map([['system', SYSTEM_NAME], ...people.map((p): [string, string] => [p._id, p.displayName])])
}
