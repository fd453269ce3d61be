import type { ActionOutput, ActionParsed } from '../../../src/domain/contract'
import { isOpenAt } from '../../../src/domain/stations/hours'
import type { ActionContext } from '../../lib/context'
import { stationBasics, storedHours, stationsDb } from './collections'
import { stationIndex } from './station-index'

/** The k nearest qualifying stations: the index picks them, the store supplies their fields. */
export async function nearbyStations(input: ActionParsed<'stations', 'nearby'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'nearby'>> {
  const now = ctx.now()
  const index = await stationIndex(ctx.store)
  const hits = index.nearest(input, now)
  const docs = hits.length ? await stationsDb(ctx.store).stations.find({ _id: { $in: hits.map((h) => h.code) } }, { limit: hits.length }) : []
  const byCode = new Map(docs.map((d) => [d._id, d]))
  const stations = hits.flatMap((hit) => {
    const doc = byCode.get(hit.code)
    if (!doc) return []
    return [{
      ...stationBasics(doc),
      allDay: storedHours(doc.hours).allDay,
      openNow: isOpenAt(storedHours(doc.hours), now),
      distanceM: Math.round(hit.distanceM),
    }]
  })
  return { stations, at: now.toISOString() }
}
