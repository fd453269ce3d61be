import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { distanceM, type LatLng } from '../../../domain/geo'
import { isOpenAt } from '../../../domain/stations/hours'
import { NEARBY_LIMITS } from '../../../domain/stations/types'
import { SEARCH_LIMITS, searchPieces, stationMatches } from '../../../domain/stations/text-search'
import type { ActionContext } from '../../lib/context'
import { MAX_READ, type Filter } from '../../lib/store/port'
import { stationBasics, storedHours, stationsDb, type StationDoc } from './collections'

/**
 * What a search reads first: a query matching fewer stations is answered from all of them (by
 * distance, or by name without a location); one matching more is answered from the first ones
 * (without a location) or from the nearest (with one). Small, because at 186,000 stations the
 * frequent queries (环卫 is a quarter of them) read this many twice: 1,000 took seconds.
 */
const FIRST_READ = 200

/**
 * Stations by name, address, district (the managing union's name) or kind, through the indexed
 * `terms` (domain/stations/text-search.ts), on either store. With a location: every match is read
 * when there are at most FIRST_READ, and ordered by distance here; a query that matches more is
 * answered by the store's geoNear with the same filter, nearest first within the widest search
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
  const nearest = async (point: LatLng, limit: number) => (await ctx.store.geoNear<StationDoc>('stations', { point, maxDistanceM: NEARBY_LIMITS.maxRadiusM, query: filter, limit })).map((h) => h.doc)
  // The whole query must be in one text: the pieces alone may come from different places.
  const unionNames = new Map<string, string>()
  const holdingQuery = async (docs: StationDoc[]) => {
    for (const id of new Set(docs.map((d) => d.unionId))) if (!unionNames.has(id)) unionNames.set(id, (await ctx.db.unions.get(id))?.name ?? '')
    return docs.filter((d) => stationMatches(input.q, d.name, d.address, unionNames.get(d.unionId) ?? '', d.type))
  }
  let docs = pieces.length || !here ? await stations.find(filter, { limit: FIRST_READ }) : []
  if (here && (!pieces.length || docs.length >= FIRST_READ)) {
    // More match than one small read (环卫, 母婴室): the nearest of them, and one read's worth when too few of those hold the whole query.
    const first = await nearest(here, FIRST_READ)
    docs = await holdingQuery(first)
    if (first.length >= FIRST_READ && docs.length < SEARCH_LIMITS.k) docs = await holdingQuery(await nearest(here, MAX_READ))
  } else docs = await holdingQuery(docs)
  const found = docs
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
