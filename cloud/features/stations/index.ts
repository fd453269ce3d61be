import type { FeatureHandlers } from '../../lib/dispatch'
import { describeStation, loadStation } from './detail'
import { editStation } from './edit'
import { nearbyStations } from './nearby'

/** Rest stations (驿站): public search and detail; edits by the managing union's staff. */
export { STATION_COLLECTIONS as collections } from './collections'

export const stations = {
  nearby: nearbyStations,
  get: async ({ code }, ctx) => describeStation(ctx, await loadStation(ctx, code)),
  update: editStation,
} satisfies FeatureHandlers<'stations'>
