import { STOP_PIECES, stationTerms } from '../../../domain/stations/text-search'
import { collections } from '../../lib/collections'
import type { Filter, Store } from '../../lib/store/port'
import { findByIds } from '../../lib/store/read'
import { stationsDb, type StationDoc } from './collections'

/** Stations fixed per read. */
const PAGE = 500

/**
 * Stations whose search `terms` are missing (stored before #18 stop 23) or of the old kind (every
 * piece, stop pieces included: before the stop list) get today's, nothing else changing: not even
 * `updatedAt`, the version an edit checks, since what a station says is the same. Idempotent and
 * safe to run twice or beside edits: each station is written on the version it was read at, and a
 * page nobody could write (a concurrent edit everywhere) ends the run; the next one finds the rest.
 * `maxPages` bounds one run (a cloud function's time): `done` says whether none are left. The
 * local server runs it at start to the end (it costs two small reads when none lack them); in
 * WeChat the deploy calls stations.backfillTerms after new stations code, one batch a call, until
 * done (scripts/deploy/apply.ts). An old-kind station in the embedded store costs
 * an index removal per common piece, O(stations) each: a large old DATA_DIR takes a while once.
 */
export async function backfillStationTerms(store: Store, maxPages = Infinity): Promise<{ fixed: number; done: boolean }> {
  const { stations } = stationsDb(store)
  const passes: Array<Filter<StationDoc>> = [{ terms: { $exists: false } }, { terms: { $in: [...STOP_PIECES] } }]
  let fixed = 0
  let pages = 0
  for (const filter of passes) {
    for (;;) {
      if (pages >= maxPages) return { fixed, done: false }
      const page = await stations.find(filter, { limit: PAGE })
      if (!page.length) break
      pages++
      const unions = new Map((await findByIds(collections(store).unions, [...new Set(page.map((s) => s.unionId))])).map((u) => [u._id, u.name]))
      let now = 0
      for (const s of page) {
        const terms = stationTerms(s.name, s.address, unions.get(s.unionId) ?? '', s.type)
        now += await stations.update({ _id: s._id, updatedAt: s.updatedAt }, { set: { terms } })
      }
      // Nothing written (edited meanwhile): do not read the same page again.
      if (!now) return { fixed, done: false }
      fixed += now
    }
  }
  return { fixed, done: true }
}
