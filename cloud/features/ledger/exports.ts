import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { EMPLOYMENT_TYPES } from '../../../domain/join/options'
import { TRANSFER_STATUS_NAMES } from '../../../domain/transfer/machine'
import { chinaToday } from '../../../domain/time'
import { csvText } from '../../../domain/csv'
import type { ActionContext } from '../../lib/context'
import { requireAnyStaff, unionPathOf } from '../../lib/roles'
import type { Filter } from '../../lib/store/port'
import { findByIds, readAll } from '../../lib/store/read'
import { putExport } from '../../lib/exportFiles'
import { joinDb, type ApplicationDoc } from '../join/collections'
import { transferDb, type TransferDoc } from '../transfer/collections'
import { dayRange } from './range'

/** One export reads at most this many records per source; more is refused (narrow the dates). */
export const LEDGER_MAX_ROWS = 50_000

const JOIN_STATUS: Record<ApplicationDoc['status'], string> = { pending: '待审核', approved: '已通过', rejected: '未通过', withdrawn: '已撤回', lapsed: '已失效' }
const KIND_NAMES = { joins: '入会台账', transfers: '转会台账', members: '会员名册' } as const

type Kind = ActionParsed<'review', 'exportLedger'>['kind']
type Range = { $gte?: string; $lt?: string }
interface Table {
  header: string[]
  rows: Array<Array<string | number>>
}

/**
 * The 台账 exports (#17 item 5): joins, transfers or members of the clerk's subtree in a date range,
 * as CSV: ID numbers only masked (the stored mask), every field formula-safe (domain/csv.ts),
 * and the export itself audited (who, which, how many rows). In WeChat the file goes to cloud
 * storage behind a short-lived link, as the 金秋助学 export does, and the same daily job deletes it.
 */
export async function exportLedger(ctx: ActionContext, input: ActionParsed<'review', 'exportLedger'>): Promise<ActionOutput<'review', 'exportLedger'>> {
  const roots = requireAnyStaff(ctx)
  const { fromIso, toIso } = dayRange(input.from, input.to)
  const range: Range = { ...(fromIso ? { $gte: fromIso } : {}), ...(toIso ? { $lt: toIso } : {}) }
  const table = await TABLES[input.kind](ctx, roots, range)
  const csv = csvText([table.header, ...table.rows])
  const until = input.to ?? chinaToday(ctx.now())
  const filename = `${KIND_NAMES[input.kind]}-${input.from ? `${input.from}至${until}` : `截至${until}`}.csv`
  const delivered = ctx.wechat ? { csv: null, url: await putExport(ctx, ctx.wechat, 'ledger', csv) } : { csv, url: null }
  const unionPath = (await findByIds(ctx.db.unions, roots)).flatMap(unionPathOf)
  await ctx.audit({ action: 'ledger.export', target: { collection: 'unions', id: roots.join(',') }, before: null, after: { kind: KIND_NAMES[input.kind], from: input.from ?? null, to: input.to ?? null, rows: table.rows.length }, unionPath })
  return { filename, rows: table.rows.length, ...delivered }
}

const inRange = (range: Range) => (Object.keys(range).length ? range : undefined)

async function unionNames(ctx: ActionContext, ids: string[]): Promise<Map<string, string>> {
  return new Map((await findByIds(ctx.db.unions, ids)).map((u) => [u._id, u.name]))
}

async function joins(ctx: ActionContext, roots: string[], range: Range): Promise<Table> {
  const filter = { unionPath: { $in: roots }, ...(inRange(range) ? { submittedAt: range } : {}) } as Filter<ApplicationDoc>
  const apps = (await readAll(joinDb(ctx.store).applications, filter, LEDGER_MAX_ROWS)).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a._id.localeCompare(b._id))
  const names = await unionNames(ctx, apps.map((a) => a.unionId))
  return {
    header: ['申请编号', '工会', '姓名', '身份证号', '工作单位', '就业形态', '户籍', '状态', '提交时间', '办结时间', '会员编号', '不通过原因'],
    rows: apps.map((a) => [a._id, names.get(a.unionId) ?? '', a.name, a.idMasked, a.employer, EMPLOYMENT_TYPES[a.employment] ?? '', a.hukou, JOIN_STATUS[a.status], a.submittedAt, a.decidedAt ?? '', a.memberNo ?? '', a.rejectReason ?? '']),
  }
}

async function transfers(ctx: ActionContext, roots: string[], range: Range): Promise<Table> {
  const { transfers: all } = transferDb(ctx.store)
  const when = inRange(range) ? { createdAt: range } : {}
  // Both sides of the subtree, the port having no $or: a move within it is read twice and kept once.
  const [out, into] = await Promise.all([
    readAll(all, { fromUnionPath: { $in: roots }, ...when } as Filter<TransferDoc>, LEDGER_MAX_ROWS),
    readAll(all, { toUnionPath: { $in: roots }, ...when } as Filter<TransferDoc>, LEDGER_MAX_ROWS),
  ])
  const docs = [...new Map([...out, ...into].map((t) => [t._id, t])).values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
  const names = await unionNames(ctx, docs.flatMap((t) => [t.fromUnionId, t.toUnionId]))
  return {
    header: ['转会编号', '转出工会', '转入工会', '新工作单位', '状态', '申请时间', '放行时间', '办结时间', '驳回原因'],
    rows: docs.map((t) => [t._id, names.get(t.fromUnionId) ?? '', names.get(t.toUnionId) ?? '', t.newEmployer, TRANSFER_STATUS_NAMES[t.status], t.createdAt, t.releasedAt ?? '', t.closedAt ?? '', t.rejectReason ?? '']),
  }
}

/** Members of the subtree who joined in the range; name and masked ID from their approved application, where there is one. */
async function members(ctx: ActionContext, roots: string[], range: Range): Promise<Table> {
  const below = await readAll(ctx.db.unions, { ancestors: { $in: roots } }, LEDGER_MAX_ROWS)
  const unionIds = [...new Set([...roots, ...below.map((u) => u._id)])]
  const memberships = []
  for (let i = 0; i < unionIds.length; i += 500) {
    const chunk = unionIds.slice(i, i + 500)
    memberships.push(...(await readAll(ctx.db.memberships, { unionId: { $in: chunk }, ...(inRange(range) ? { joinedAt: range } : {}) } as never, LEDGER_MAX_ROWS)))
  }
  memberships.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a._id.localeCompare(b._id))
  const approved = await readAll(joinDb(ctx.store).applications, { unionPath: { $in: roots }, status: 'approved' }, LEDGER_MAX_ROWS)
  const byMembership = new Map(approved.map((a) => [a.membershipId, a]))
  const names = await unionNames(ctx, memberships.map((m) => m.unionId))
  return {
    header: ['会员编号', '工会', '姓名', '身份证号', '就业形态', '入会时间'],
    rows: memberships.map((m) => {
      const app = byMembership.get(m._id)
      return [m.memberNo, names.get(m.unionId) ?? '', app?.name ?? '', app?.idMasked ?? '', app ? (EMPLOYMENT_TYPES[app.employment] ?? '') : '', m.joinedAt]
    }),
  }
}

const TABLES: Record<Kind, (ctx: ActionContext, roots: string[], range: Range) => Promise<Table>> = { joins, transfers, members }
