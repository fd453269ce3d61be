import type { FeatureHandlers } from '../../lib/dispatch'
import { backfillStationTerms } from './backfill'
import { describeStation, loadStation } from './detail'
import { editStation } from './edit'
import { checkIn } from './checkin'
import { markHelpful } from './helpful'
import { nearbyStations } from './nearby'
import { reportProblem, reportQueue, resolveReport } from './reports'
import { searchStations } from './search'
import { stationPoster } from './poster'
import { managedStations, saveStation } from './upkeep'
import { registerPhoto } from './photos'
import { applyImport, checkImport } from './upkeep-import'

/** Rest stations (驿站): public search, detail and problem reports; edits and report handling by the managing union's staff; 有用 by anyone signed in; 打卡 by anyone, the poster for the managing union's staff. */
export { STATION_COLLECTIONS as collections } from './collections'

/** Pages of 500 a call: WeChat writes one station per request, and a call has 20 s. */
const BACKFILL_PAGES_PER_CALL = 1

export const stations = {
  nearby: nearbyStations,
  get: async ({ code }, ctx) => describeStation(ctx, await loadStation(ctx, code)),
  update: editStation,
  search: searchStations,
  report: reportProblem,
  reports: reportQueue,
  resolve: resolveReport,
  helpful: markHelpful,
  checkIn,
  poster: stationPoster,
  // The operator's (invokeFunction with { operator: 'backfillTerms' }) after a deploy over stations stored before: one bounded batch a call, repeated until done.
  backfillTerms: (_input, ctx) => backfillStationTerms(ctx.store, BACKFILL_PAGES_PER_CALL),
  save: saveStation,
  managed: managedStations,
  registerPhoto,
  checkImport,
  applyImport,
} satisfies FeatureHandlers<'stations'>
