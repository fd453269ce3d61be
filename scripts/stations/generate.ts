import fs from 'node:fs'
import { DEMO_AREAS, generateStations, NATIONWIDE_AREAS, type GeneratedRow } from '../../server/seed/station-generator'

/**
 * Writes a fictional station data set (server/seed/station-generator.ts) to a file, for the importer:
 *
 *   npx tsx scripts/stations/generate.ts <count> <out.json|out.csv> [nationwide|demo]
 */
const COLUMNS: Array<keyof GeneratedRow> = ['code', 'name', 'type', 'lat', 'lng', 'address', 'amenities', 'hours', 'phone', 'unionId', 'photos', 'verifiedOn', 'status']

export function toCsv(rows: GeneratedRow[]): string {
  const cell = (v: unknown) => {
    const s = String(v)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n'
}

if (require.main === module) {
  const [countText, out, kind = 'nationwide'] = process.argv.slice(2)
  const count = Number(countText)
  if (!Number.isInteger(count) || count < 1 || !out) {
    console.error('用法：npx tsx scripts/stations/generate.ts <数量> <输出.json|输出.csv> [nationwide|demo]')
    process.exit(2)
  }
  const rows = generateStations(count, kind === 'demo' ? DEMO_AREAS : NATIONWIDE_AREAS, { codePrefix: kind === 'demo' ? 'NM' : 'CN' })
  fs.writeFileSync(out, out.endsWith('.csv') ? toCsv(rows) : JSON.stringify(rows))
  console.log(`已生成 ${count} 个虚构驿站：${out}`)
}
