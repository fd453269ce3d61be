import type { FeatureHandlers } from '../../lib/dispatch'
import { describeStation, loadStation } from './detail'
import { editStation } from './edit'
import { markHelpful } from './helpful'
import { nearbyStations } from './nearby'
import { reportProblem, reportQueue, resolveReport } from './reports'
import { searchStations } from './search'
import { managedStations, saveStation } from './upkeep'
import { registerPhoto } from './photos'
import { applyImport, checkImport } from './upkeep-import'

/** Rest stations (驿站): public search, detail and problem reports; edits and report handling by the managing union's staff; 有用 by anyone signed in. */
export { STATION_COLLECTIONS as collections } from './collections'

export const stations = {
  nearby: nearbyStations,
  get: async ({ code }, ctx) => describeStation(ctx, await loadStation(ctx, code)),
  update: editStation,
  search: searchStations,
  report: reportProblem,
  reports: (_input, ctx) => reportQueue(ctx),
  resolve: resolveReport,
  helpful: markHelpful,
  save: saveStation,
  managed: managedStations,
  registerPhoto,
  checkImport,
  applyImport,
} satisfies FeatureHandlers<'stations'>
