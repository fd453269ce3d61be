import { hoursToText } from '../../../domain/stations/hours'
import { stationTerms } from '../../../domain/stations/text-search'
import { validateStationRow, type StationData } from '../../../domain/stations/station'
import { collections, type UnionDoc } from '../../lib/collections'
import { unionPathOf } from '../../lib/roles'
import type { ImportRow, RejectedRow } from '../../lib/import-rows'
import type { Store } from '../../lib/store/port'
import { stationsDb, type StationDoc } from './collections'

export interface ImportReport {
  inserted: number
  updated: number
  unchanged: number
  rejected: RejectedRow[]
}

/** Rows are checked one by one and written a chunk at a time (one read, one batch insert). */
const CHUNK = 1000

type StationFields = Omit<StationDoc, '_id' | 'createdAt' | 'updatedAt'>

function toFields(data: StationData, union: UnionDoc): StationFields {
  const { code: _code, hours, ...rest } = data
  return { ...rest, hours: hoursToText(hours), unionPath: unionPathOf(union), terms: stationTerms(data.name, data.address, union.name, data.type) }
}

const same = (a: StationFields, b: StationDoc) => (Object.keys(a) as Array<keyof StationFields>).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))

/**
 * Imports station rows: every row is checked, a bad one is reported with its line and reasons and
 * changes nothing; a good one is written whole in one operation (part of a batch insert, or one
 * update of the station with the same code). Repeating the same file changes nothing more.
 */
export async function importStations(store: Store, rows: Iterable<ImportRow>, now: Date): Promise<ImportReport> {
  const { stations } = stationsDb(store)
  const unionCache = new Map<string, UnionDoc | null>()
  const unionOf = async (id: string) => {
    if (!unionCache.has(id)) unionCache.set(id, await collections(store).unions.get(id))
    return unionCache.get(id) ?? null
  }
  const report: ImportReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [] }
  const seen = new Set<string>()
  const at = now.toISOString()
  let pending: Array<{ code: string; fields: StationFields }> = []

  const flush = async () => {
    if (!pending.length) return
    const existing = new Map((await stations.find({ _id: { $in: pending.map((p) => p.code) } }, { limit: pending.length })).map((d) => [d._id, d]))
    const fresh: StationDoc[] = []
    for (const { code, fields } of pending) {
      const old = existing.get(code)
      if (!old) fresh.push({ _id: code, ...fields, createdAt: at, updatedAt: at })
      else if (same(fields, old)) report.unchanged++
      else {
        await stations.update({ _id: code }, { set: { ...fields, updatedAt: at } })
        report.updated++
      }
    }
    report.inserted += await stations.insertMany(fresh)
    pending = []
  }

  for (const { line, fields } of rows) {
    const code = typeof fields.code === 'string' ? fields.code.trim() : String(fields.code ?? '')
    const result = validateStationRow(fields)
    if (!result.ok) {
      report.rejected.push({ line, code, reasons: result.reasons })
      continue
    }
    const union = await unionOf(result.station.unionId)
    if (!union) {
      report.rejected.push({ line, code, reasons: [`未知的管理工会：${result.station.unionId}`] })
      continue
    }
    if (seen.has(code)) {
      report.rejected.push({ line, code, reasons: ['同一文件中站点编码重复'] })
      continue
    }
    seen.add(code)
    pending.push({ code, fields: toFields(result.station, union) })
    if (pending.length >= CHUNK) await flush()
  }
  await flush()
  return report
}
