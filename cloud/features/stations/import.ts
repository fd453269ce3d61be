import { hoursToText } from '../../../domain/stations/hours'
import { stationTerms } from '../../../domain/stations/text-search'
import { validateStationRow, type StationData } from '../../../domain/stations/station'
import { collections, type UnionDoc } from '../../lib/collections'
import { unionPathOf } from '../../lib/roles'
import type { ImportRow, RejectedRow } from '../../lib/import-rows'
import type { RowOutcome } from '../../../domain/stations/upkeep'
import type { Store } from '../../lib/store/port'
import { stationsDb, type StationDoc } from './collections'

export interface ImportReport {
  inserted: number
  updated: number
  unchanged: number
  rejected: RejectedRow[]
  /** Every accepted row and what it did (or would do), when asked for (perRow). */
  accepted: Array<{ line: number; code: string; outcome: RowOutcome }>
}

export interface ImportOptions {
  /** A clerk's import: only stations whose unionPath this accepts (their subtree), new or already stored. */
  mayManage?: (unionPath: string[]) => boolean
  /** Check only: every row is judged as the import would, and nothing is written. */
  dryRun?: boolean
  /** Also list the accepted rows (the cloud's per-row report; the CLI and the seed do without). */
  perRow?: boolean
  /**
   * Write only the rows at these positions (0-based, `to` excluded); every other row is judged as
   * in a dry run. The whole file is still judged, so a code repeated across batches is refused.
   */
  writeRange?: { from: number; to: number }
}

/** Rows are checked one by one and written a chunk at a time (one read, one batch insert). */
const CHUNK = 1000

export type StationFields = Omit<StationDoc, '_id' | 'createdAt' | 'updatedAt'>

export function toFields(data: StationData, union: UnionDoc): StationFields {
  const { code: _code, hours, ...rest } = data
  return { ...rest, hours: hoursToText(hours), unionPath: unionPathOf(union), terms: stationTerms(data.name, data.address, union.name, data.type) }
}

const same = (a: StationFields, b: StationDoc) => (Object.keys(a) as Array<keyof StationFields>).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))

/**
 * Imports station rows: every row is checked, a bad one is reported with its line and reasons and
 * changes nothing; a good one is written whole in one operation (part of a batch insert, or one
 * update of the station with the same code). Repeating the same file changes nothing more. The
 * command line imports anything; a clerk through the cloud (upkeep-import.ts) only their subtree.
 */
export async function importStations(store: Store, rows: Iterable<ImportRow>, now: Date, options: ImportOptions = {}): Promise<ImportReport> {
  const { stations } = stationsDb(store)
  const unionCache = new Map<string, UnionDoc | null>()
  const unionOf = async (id: string) => {
    if (!unionCache.has(id)) unionCache.set(id, await collections(store).unions.get(id))
    return unionCache.get(id) ?? null
  }
  const report: ImportReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [], accepted: [] }
  const accept = (line: number, code: string, outcome: RowOutcome) => {
    report[outcome === 'insert' ? 'inserted' : outcome === 'update' ? 'updated' : 'unchanged']++
    if (options.perRow) report.accepted.push({ line, code, outcome })
  }
  const seen = new Set<string>()
  const at = now.toISOString()
  let pending: Array<{ line: number; code: string; fields: StationFields; write: boolean }> = []
  const range = options.writeRange
  const writes = (index: number) => !options.dryRun && (!range || (index >= range.from && index < range.to))

  const flush = async () => {
    if (!pending.length) return
    const existing = new Map((await stations.find({ _id: { $in: pending.map((p) => p.code) } }, { limit: pending.length })).map((d) => [d._id, d]))
    const fresh: Array<{ line: number; doc: StationDoc; write: boolean }> = []
    for (const { line, code, fields, write } of pending) {
      const old = existing.get(code)
      if (old && options.mayManage && !options.mayManage(old.unionPath)) report.rejected.push({ line, code, reasons: ['站点编码已被其他工会的驿站使用'] })
      else if (!old) fresh.push({ line, doc: { _id: code, ...fields, createdAt: at, updatedAt: at }, write })
      else if (same(fields, old)) accept(line, code, 'unchanged')
      else {
        if (write) await stations.update({ _id: code }, { set: { ...fields, updatedAt: at } })
        accept(line, code, 'update')
      }
    }
    const inserts = fresh.filter((f) => f.write)
    if (inserts.length) await stations.insertMany(inserts.map((f) => f.doc))
    for (const { line, doc } of fresh) accept(line, doc._id, 'insert')
    pending = []
  }

  let index = -1
  for (const { line, fields } of rows) {
    index++
    const code = typeof fields.code === 'string' ? fields.code.trim() : String(fields.code ?? '')
    const result = validateStationRow(fields)
    if (!result.ok) {
      report.rejected.push({ line, code, reasons: result.reasons })
      continue
    }
    const union = await unionOf(result.station.unionId)
    if (!union || (options.mayManage && !options.mayManage(unionPathOf(union)))) {
      // A clerk learns nothing of other subtrees: unknown and out of reach read alike.
      report.rejected.push({ line, code, reasons: [options.mayManage ? `管理工会不存在或不在你的管辖范围内：${result.station.unionId}` : `未知的管理工会：${result.station.unionId}`] })
      continue
    }
    if (seen.has(code)) {
      report.rejected.push({ line, code, reasons: ['同一文件中站点编码重复'] })
      continue
    }
    seen.add(code)
    pending.push({ line, code, fields: toFields(result.station, union), write: writes(index) })
    if (pending.length >= CHUNK) await flush()
  }
  await flush()
  return report
}
