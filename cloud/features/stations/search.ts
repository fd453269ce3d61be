import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { distanceM, type LatLng } from '../../../domain/geo'
import { isOpenAt } from '../../../domain/stations/hours'
import { NEARBY_LIMITS } from '../../../domain/stations/types'
import { SEARCH_LIMITS, searchPieces, stationMatches } from '../../../domain/stations/text-search'
import type { ActionContext } from '../../lib/context'
import { MAX_READ, type Filter } from '../../lib/store/port'
import { stationBasics, storedHours, stationsDb, type StationDoc } from './collections'

/** Without a location, the first this many matches are read and the nearest-named answered. */
const UNPLACED_READ = 200

/**
 * Stations by name, address, district (the managing union's name) or kind, through the indexed
 * `terms` (domain/stations/text-search.ts), on either store. With a location: every match is read
 * when there are at most one read's worth, and ordered by distance here; a query that matches more
 * is answered by the store's geoNear with the same filter, nearest first within the widest search
 * radius. Without one: the first matches, ordered by name. A query made only of stop pieces (驿站,
 * 示例: no station stores them) has no piece to look up: it is answered from the nearest stations
 * with a location, else from the first active ones, checked against the whole query the same way.
 */
export async function searchStations(input: ActionParsed<'stations', 'search'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'search'>> {
  const now = ctx.now()
  const { stations } = stationsDb(ctx.store)
  const pieces = searchPieces(input.q)
  const filter: Filter<StationDoc> = { status: 'active', ...(pieces.length ? { terms: { $all: pieces } } : {}), ...(input.types?.length ? { type: { $in: input.types } } : {}) }
  const here = input.latitude !== undefined && input.longitude !== undefined ? { lat: input.latitude, lng: input.longitude } : null
  const nearest = async (point: LatLng) => (await ctx.store.geoNear<StationDoc>('stations', { point, maxDistanceM: NEARBY_LIMITS.maxRadiusM, query: filter, limit: MAX_READ })).map((h) => h.doc)
  let docs: StationDoc[]
  if (here && !pieces.length) docs = await nearest(here)
  else if (here) {
    docs = await stations.find(filter, { limit: MAX_READ })
    if (docs.length >= MAX_READ) docs = await nearest(here)
  } else docs = await stations.find(filter, { limit: UNPLACED_READ })

  // The whole query must be in one text: the pieces alone may come from different places.
  const unionNames = new Map<string, string>()
  for (const id of new Set(docs.map((d) => d.unionId))) unionNames.set(id, (await ctx.db.unions.get(id))?.name ?? '')
  const found = docs
    .filter((d) => stationMatches(input.q, d.name, d.address, unionNames.get(d.unionId) ?? '', d.type))
    .map((d) => ({ doc: d, distanceM: here ? distanceM(here, d) : null }))
    .sort((a, b) => (a.distanceM !== null && b.distanceM !== null ? a.distanceM - b.distanceM : 0) || a.doc.name.localeCompare(b.doc.name, 'zh') || (a.doc._id < b.doc._id ? -1 : 1))
    .slice(0, SEARCH_LIMITS.k)
  return {
    at: now.toISOString(),
    stations: found.map(({ doc, distanceM: d }) => ({
      ...stationBasics(doc),
      allDay: storedHours(doc.hours).allDay,
      openNow: isOpenAt(storedHours(doc.hours), now),
      distanceM: d === null ? null : Math.round(d),
    })),
  }
}
