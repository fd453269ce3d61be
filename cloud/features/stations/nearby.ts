import type { ActionOutput, ActionParsed } from '../../../src/domain/contract'
import { isOpenAt } from '../../../src/domain/stations/hours'
import type { Hit } from '../../../src/domain/stations/search'
import type { ActionContext } from '../../lib/context'
import type { Store } from '../../lib/store/port'
import { stationBasics, storedHours, stationsDb, type StationDoc } from './collections'
import { geoNearStations } from './geo-near'
import { stationIndex } from './station-index'

const offersGeoNear = (store: Store): store is Store & Required<Pick<Store, 'geoNear'>> => typeof store.geoNear === 'function'

/**
 * The k nearest qualifying stations. Where the store searches by distance itself (WeChat's geoNear)
 * it does; otherwise (the embedded home) the in-memory kd index picks them and the store supplies
 * their fields.
 */
export async function nearbyStations(input: ActionParsed<'stations', 'nearby'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'nearby'>> {
  const now = ctx.now()
  let hits: Hit[]
  let byCode: Map<string, StationDoc>
  if (offersGeoNear(ctx.store)) {
    ;({ hits, docs: byCode } = await geoNearStations(ctx.store, input, now))
  } else {
    hits = (await stationIndex(ctx.store)).nearest(input, now)
    const docs = hits.length ? await stationsDb(ctx.store).stations.find({ _id: { $in: hits.map((h) => h.code) } }, { limit: hits.length }) : []
    byCode = new Map(docs.map((d) => [d._id, d]))
  }
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
