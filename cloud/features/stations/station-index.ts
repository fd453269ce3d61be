import type { StationPoint } from '../../../src/domain/stations/search'
import type { Amenity } from '../../../src/domain/stations/types'
import { MAX_READ, type Store } from '../../lib/store/port'
import { perStore } from '../../lib/store/per-store'
import { forEachDoc } from '../../lib/store/read'
import { storedHours, stationsDb, type StationDoc } from './collections'
import { KdIndex } from './kd-index'

/**
 * The spatial index of the embedded home: built from the store on first use, kept in memory per
 * store, and updated by the actions that change a station (edits) — one process owns an nedb
 * store, so nothing else can change it behind our back. Imports run with the server stopped and
 * the next start rebuilds.
 *
 * In WeChat a cloud function instance is short-lived and there may be several: there the search is
 * the database's geoNear over a geo index instead (geo-near.ts), and this index is never built.
 */

/** Pages through the collection, one read's worth at a time. */
const PAGE = MAX_READ

/** Stations share a few hundred amenity combinations: one array each, not one per station. */
const amenitySets = new Map<string, Amenity[]>()
function shared(amenities: Amenity[]): Amenity[] {
  const key = amenities.join('|')
  let set = amenitySets.get(key)
  if (!set) {
    set = amenities
    if (amenitySets.size < 10_000) amenitySets.set(key, set)
  }
  return set
}

export function pointOf(doc: StationDoc): StationPoint {
  return { code: doc._id, lat: doc.lat, lng: doc.lng, type: doc.type, amenities: shared(doc.amenities), hours: storedHours(doc.hours), active: doc.status === 'active' }
}

async function build(store: Store): Promise<KdIndex> {
  const index = new KdIndex()
  await forEachDoc(stationsDb(store).stations, PAGE, (doc) => index.upsert(pointOf(doc)))
  return index
}

const indexes = perStore(build)

/** The index of this store, built on first use; a failed build is not kept, the next search tries again. */
export function stationIndex(store: Store): Promise<KdIndex> {
  return indexes.get(store)
}

/** After a station changed in the store: keep the index (if built) in step. */
export async function reindexStation(store: Store, doc: StationDoc): Promise<void> {
  const index = indexes.ifBuilt(store)
  if (index) (await index).upsert(pointOf(doc))
}

/** After many stations changed (an import into a live store): rebuild on next use. */
export function forgetStationIndex(store: Store): void {
  indexes.forget(store)
}
