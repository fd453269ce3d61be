import type { Clock } from '../../cloud/lib/clock'
import { importStations } from '../../cloud/features/stations/import'
import type { Store } from '../../cloud/lib/store/port'
import { DEMO_AREAS, generateStations } from './station-generator'

/** A few hundred fictional stations around Hohhot, Baotou, Ordos and Chifeng, through the importer. */
export async function seedStations(store: Store, clock: Clock): Promise<void> {
  const rows = generateStations(400, DEMO_AREAS, { seed: 2026, codePrefix: 'NM' })
  const report = await importStations(store, rows.map((fields, k) => ({ line: k + 1, fields: { ...fields } })), clock.now())
  if (report.rejected.length) throw new Error(`demo stations rejected: ${JSON.stringify(report.rejected[0])}`)
}
