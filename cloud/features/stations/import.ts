import { validateStationRow, type StationData } from '../../../src/domain/stations/station'
import type { UnionDoc } from '../../lib/collections'
import { collections } from '../../lib/collections'
import { unionPathOf } from '../../lib/roles'
import type { Store } from '../../lib/store/port'
import { stationsDb, type StationDoc } from './collections'
import { forgetStationIndex } from './station-index'

export interface ImportRow {
  /** The line of the file the row starts on (1-based), for the report. */
  line: number
  fields: Record<string, unknown>
}

export interface ImportReport {
  inserted: number
  updated: number
  unchanged: number
  rejected: Array<{ line: number; code: string; reasons: string[] }>
}

const same = (a: StationData, b: StationDoc) =>
  (Object.keys(a) as Array<keyof StationData>).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))

/**
 * Imports station rows: every row is checked, a bad one is reported with its line and reasons and
 * changes nothing; a good one is written whole in one operation (an insert, or one update of the
 * station with the same code). Repeating the same file changes nothing more.
 */
export async function importStations(store: Store, rows: Iterable<ImportRow>, now: Date): Promise<ImportReport> {
  const { stations } = stationsDb(store)
  const unions = new Map<string, UnionDoc | null>()
  const unionOf = async (id: string) => {
    if (!unions.has(id)) unions.set(id, await collections(store).unions.get(id))
    return unions.get(id) ?? null
  }
  const report: ImportReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [] }
  const seen = new Set<string>()
  const at = now.toISOString()
  for (const { line, fields } of rows) {
    const result = validateStationRow(fields)
    const code = typeof fields.code === 'string' ? fields.code : String(fields.code ?? '')
    if (!result.ok) {
      report.rejected.push({ line, code, reasons: result.reasons })
      continue
    }
    const data = result.station
    const union = await unionOf(data.unionId)
    if (!union) {
      report.rejected.push({ line, code, reasons: [`未知的管理工会：${data.unionId}`] })
      continue
    }
    if (seen.has(data.code)) {
      report.rejected.push({ line, code, reasons: ['同一文件中站点编码重复'] })
      continue
    }
    seen.add(data.code)
    const existing = await stations.get(data.code)
    if (!existing) {
      await stations.insert({ _id: data.code, ...data, unionPath: unionPathOf(union), createdAt: at, updatedAt: at })
      report.inserted++
    } else if (same(data, existing)) {
      report.unchanged++
    } else {
      await stations.update({ _id: data.code }, { set: { ...data, unionPath: unionPathOf(union), updatedAt: at } })
      report.updated++
    }
  }
  if (report.inserted || report.updated) forgetStationIndex(store)
  return report
}
