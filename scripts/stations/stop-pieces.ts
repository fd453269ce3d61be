import { queryTerms } from '../../domain/search'
import { STOP_PIECES } from '../../domain/stations/text-search'
import { TYPE_SHORT, type StationType } from '../../domain/stations/types'
import { DEMO_AREAS, generateStations, NATIONWIDE_AREAS, type GeneratedRow } from '../../server/seed/station-generator'

/**
 * npx tsx scripts/stations/stop-pieces.ts [share%=30]: how the stop list of station search
 * (domain/stations/text-search.ts, STOP_PIECES) was decided. For the bench's 186,000 generated stations
 * and the demo's 400 it prints every 2-character piece held by at least `share`% of them, marking
 * the ones not on the list, and how many pieces a station stores with and without the list.
 */
const UNION_NAMES: Record<string, string> = { nmg: '内蒙古自治区总工会', 'hhht-xc': '新城区总工会', 'hhht-hm': '回民区总工会', 'hhht-xc-hw': '新城区示例环卫服务中心（演示）工会' }
const share = Number(process.argv[2] ?? 30)

function report(label: string, rows: GeneratedRow[]) {
  const count = new Map<string, number>()
  let pieces = 0
  let kept = 0
  for (const r of rows) {
    const all = new Set([r.name, r.address, UNION_NAMES[r.unionId] ?? '', TYPE_SHORT[r.type as StationType]].flatMap((text) => queryTerms(text)))
    pieces += all.size
    for (const t of all) {
      count.set(t, (count.get(t) ?? 0) + 1)
      if (!STOP_PIECES.has(t)) kept++
    }
  }
  const frequent = [...count].filter(([, c]) => (100 * c) / rows.length >= share).sort((a, b) => b[1] - a[1])
  console.log(`${label}: ${rows.length} stations, ${count.size} distinct pieces; a station holds ${(pieces / rows.length).toFixed(1)}, stores ${(kept / rows.length).toFixed(1)} without the stop list's`)
  console.log(`  in ≥ ${share}%: ${frequent.map(([t, c]) => `${t} ${Math.round((100 * c) / rows.length)}%${STOP_PIECES.has(t) ? '' : ' (kept)'}`).join(', ')}`)
}

report('national (bench)', generateStations(186_000, NATIONWIDE_AREAS))
report('demo', generateStations(400, DEMO_AREAS, { seed: 2026, codePrefix: 'NM' }))
