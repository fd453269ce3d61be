import { AID_STATUS_NAMES } from '../../../domain/aid/machine'
import { HARDSHIP_NAMES, HARDSHIP_STATUS_NAMES, hardshipStatus, SCHOOL_LEVEL_NAMES } from '../../../domain/aid/programme'
import { mayView } from '../../../domain/aid/review'
import { formatFen } from '../../../domain/money'
import type { ActionContext } from '../../lib/context'
import { requireReviewer } from '../../lib/roles'
import { aidDb, type ApplicationDoc } from './collections'
import { putExport } from '../../lib/exportFiles'
import { requireProgramme } from './programmes'
import { findByIds, readAll } from '../../lib/store/read'
import { csvField } from '../../../domain/csv'

const STATUS_NAMES: Record<ApplicationDoc['status'], string> = AID_STATUS_NAMES

export { csvField } from '../../../domain/csv'

// New columns go last: a finance sheet that reads the first ones by position keeps working.
const HEADER = ['申请编号', '基层工会', '子女姓名', '子女身份证号', '学校', '学段', '家庭人口', '人均月收入', '困难类别', '状态', '核定金额', '发放日期', '发放凭证', '提交时间', '建档状态', '农民工家庭', '续申']

/** The finance office's rows: one per payout, i.e. an application granted an amount. */
const PAYOUT_STATES: ReadonlyArray<ApplicationDoc['status']> = ['approved', 'paid']

const yesNo = (value: boolean | null | undefined) => (value === undefined || value === null ? '' : value ? '是' : '否')

/** One export reads at most this many applications (a province's programme is a few thousand). */
export const EXPORT_MAX_ROWS = 50_000

/** A programme's applications the caller reviews, as CSV (UTF-8 with BOM for Excel), IDs masked. */
export async function exportCsv(ctx: ActionContext, programmeId: string, rows: 'all' | 'payouts' = 'all') {
  const { scope, unions: roots } = requireReviewer(ctx)
  const programme = await requireProgramme(ctx, programmeId)
  const docs = await readAll(aidDb(ctx.store).applications, { programmeId, unionPath: { $in: roots } }, EXPORT_MAX_ROWS)
  docs.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a._id.localeCompare(b._id))
  const visible = docs.filter((d) => mayView(d.unionPath, scope) && (rows === 'all' || PAYOUT_STATES.includes(d.status)))
  const unions = await findByIds(ctx.db.unions, visible.map((d) => d.unionId))
  const names = new Map(unions.map((u) => [u._id, u.name]))
  const lines = [HEADER.join(',')]
  for (const d of visible) {
    lines.push(
      [
        d._id,
        names.get(d.unionId) ?? '',
        d.child.name,
        d.child.idMasked,
        d.child.school,
        SCHOOL_LEVEL_NAMES[d.child.level],
        d.household.size,
        formatFen(d.household.perCapitaMonthlyFen),
        HARDSHIP_NAMES[d.household.category],
        STATUS_NAMES[d.status],
        d.amountFen === null ? '' : formatFen(d.amountFen),
        d.paidAt ?? '',
        d.paidReference ?? '',
        d.submittedAt,
        HARDSHIP_STATUS_NAMES[hardshipStatus(d.household.category)],
        yesNo(d.household.migrantWorker),
        d.renewalOf ? '是' : '否',
      ]
        .map(csvField)
        .join(','),
    )
  }
  const filename = `金秋助学-${programme.year}-${programme._id}${rows === 'payouts' ? '-发放' : ''}.csv`
  const csv = `\uFEFF${lines.join('\r\n')}\r\n`
  const delivered = ctx.wechat ? { csv: null, url: await putExport(ctx, ctx.wechat, 'aid', csv) } : { csv, url: null }
  await ctx.audit({ action: 'aid.export', target: { collection: 'aidProgrammes', id: programme._id }, before: null, after: { rows: visible.length, kind: rows } })
  return { filename, rows: visible.length, ...delivered }
}
