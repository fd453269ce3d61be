import type { ActionOutput, ActionParsed, ImportRowReport } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { IMPORT_APPLY_BATCH, IMPORT_COLUMNS, IMPORT_LIMITS, IMPORT_TOO_LARGE } from '../../../domain/stations/upkeep'
import type { ActionContext } from '../../lib/context'
import { parseCsv, type ImportRow } from '../../lib/import-rows'
import { requireAnyStaff, unionPathOf } from '../../lib/roles'
import { importStations, type ImportReport } from './import'

/**
 * A CSV the app put in WeChat cloud storage for an import (src/platform/textFile.weapp.ts names
 * them): nothing else in the bucket can be read through this action.
 */
export const CLOUD_IMPORT_FILE = /^cloud:\/\/[A-Za-z0-9._-]+\/stations\/imports\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/

/** Columns a row cannot do without; the rest may be left out of the header (empty). */
const REQUIRED = IMPORT_COLUMNS.filter((c) => c !== 'photos' && c !== 'status' && c !== 'phone')

/**
 * The CSV's text: sent as text (the web), or read from cloud storage (WeChat: larger than a cloud
 * function's parameters should carry, https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/functions/Cloud.callFunction.md
 * advises at most 100 KB in `data`). Too large, not text, or with no rows: a clear refusal.
 */
async function readCsv(ctx: ActionContext, input: { csv?: string; fileId?: string }): Promise<ImportRow[]> {
  let text: string
  if (input.csv !== undefined && input.fileId === undefined) {
    if (Buffer.byteLength(input.csv, 'utf8') > IMPORT_LIMITS.maxBytes) throw new CloudError('PAYLOAD_TOO_LARGE', IMPORT_TOO_LARGE)
    text = input.csv
  } else if (input.fileId !== undefined && input.csv === undefined) {
    if (!ctx.wechat) throw new CloudError('CLOUD_STORAGE_ONLY', '网页版请直接粘贴或选择 CSV 文件')
    if (!CLOUD_IMPORT_FILE.test(input.fileId)) throw new CloudError('NOT_FOUND', '找不到文件，请重新上传')
    let bytes: Buffer
    try {
      bytes = await ctx.wechat.downloadFile(input.fileId)
    } catch (error) {
      ctx.logError('stations import: cloud storage download failed', error)
      throw new CloudError('NOT_FOUND', '找不到文件，请重新上传')
    }
    if (bytes.length > IMPORT_LIMITS.maxBytes) throw new CloudError('PAYLOAD_TOO_LARGE', IMPORT_TOO_LARGE)
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new CloudError('INVALID_INPUT', '文件不是 UTF-8 编码的 CSV：请在表格软件中另存为“CSV UTF-8”')
    }
  } else throw new CloudError('INVALID_INPUT', '请选择或粘贴一个 CSV 文件')
  const rows = parseCsv(text)
  if (rows.length > IMPORT_LIMITS.maxRows) throw new CloudError('PAYLOAD_TOO_LARGE', IMPORT_TOO_LARGE)
  if (!rows.length) throw new CloudError('INVALID_INPUT', 'CSV 没有数据行：第一行写列名，从第二行起每行一个驿站')
  const missing = REQUIRED.filter((c) => !(c in rows[0].fields))
  if (missing.length) throw new CloudError('INVALID_INPUT', `CSV 缺少列：${missing.join('、')}（第一行须为列名：${IMPORT_COLUMNS.join(',')}）`)
  return rows
}

/** Every row's verdict, in the file's order. */
function perRow(report: ImportReport): ImportRowReport[] {
  const rows: ImportRowReport[] = [
    ...report.accepted.map((a) => ({ line: a.line, code: a.code, ok: true, outcome: a.outcome, reasons: [] })),
    ...report.rejected.map((r) => ({ line: r.line, code: r.code, ok: false, outcome: null, reasons: r.reasons })),
  ]
  return rows.sort((a, b) => a.line - b.line)
}

/** The importer's own run, for a clerk: their subtree only, every row reported; with `writeRange`, only those rows written. */
async function run(ctx: ActionContext, input: { csv?: string; fileId?: string }, dryRun: boolean, batchFrom?: number) {
  const roots = requireAnyStaff(ctx, '仅限工会工作人员导入驿站')
  const rows = await readCsv(ctx, input)
  const writeRange = batchFrom === undefined ? undefined : { from: batchFrom, to: batchFrom + IMPORT_APPLY_BATCH }
  const report = await importStations(ctx.store, rows, ctx.now(), { mayManage: (path) => path.some((id) => roots.includes(id)), dryRun, perRow: true, writeRange })
  return { report, counts: { total: rows.length, good: report.accepted.length, bad: report.rejected.length }, rows: perRow(report), roots, lines: rows.map((r) => r.line) }
}

/** Checks a CSV as the import would and writes nothing: the per-row report the clerk reads before 导入. */
export async function checkImport(input: ActionParsed<'stations', 'checkImport'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'checkImport'>> {
  const { counts, rows } = await run(ctx, input, true)
  return { ...counts, rows }
}

/**
 * Imports what the check showed, one batch a call (IMPORT_APPLY_BATCH rows from `from`; WeChat stops
 * a call at its timeout): every row of the file is judged again (the file or the stations may have
 * changed since, and a code repeated across batches is still refused), the batch's good rows are
 * written by code (so a repeated or resumed call, or the same file twice, changes nothing more), bad
 * ones change nothing. `next` is where the next call starts, null once done; the file is deleted
 * from cloud storage then. One audit entry for each batch that changed something.
 */
export async function applyImport(input: ActionParsed<'stations', 'applyImport'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'applyImport'>> {
  const from = input.from ?? 0
  const { counts, rows, roots, lines } = await run(ctx, input, false, from)
  if (from > 0 && from >= lines.length) throw new CloudError('INVALID_INPUT', '导入位置不正确：文件没有这么多行，请重新检查后导入')
  const inBatch = new Set(lines.slice(from, from + IMPORT_APPLY_BATCH))
  const batch = rows.filter((r) => inBatch.has(r.line))
  const next = from + IMPORT_APPLY_BATCH < lines.length ? from + IMPORT_APPLY_BATCH : null
  const changed = batch.filter((r) => r.ok && r.outcome !== 'unchanged').map((r) => r.code)
  const count = (outcome: string) => batch.filter((r) => r.ok && r.outcome === outcome).length
  if (changed.length) {
    const root = await ctx.db.unions.get(roots[0])
    await ctx.audit({
      action: 'stations.import',
      target: { collection: 'stations', id: changed.length === 1 ? changed[0] : `${changed.length} 个驿站` },
      before: null,
      // The codes say what changed (at most a batch of them).
      after: { inserted: count('insert'), updated: count('update'), rejected: batch.filter((r) => !r.ok).length, codes: changed, rows: { from, to: next ?? lines.length } },
      unionPath: root ? unionPathOf(root) : undefined,
    })
  }
  if (next === null && input.fileId && ctx.wechat) await ctx.wechat.deleteFile(input.fileId).catch((error) => ctx.logError('stations import: file not deleted from cloud storage', error))
  return { ...counts, from, next, inserted: count('insert'), updated: count('update'), unchanged: count('unchanged'), rows: batch }
}
