import type { Handlers } from '../lib/dispatch'
import { describeStation, loadStation } from '../features/stations/detail'
import { editStation } from '../features/stations/edit'
import { nearbyStations } from '../features/stations/nearby'

/** Rest stations (驿站): public search and detail; edits by the managing union's staff. */
export const stationsHandlers: Handlers<'stations'> = {
  nearby: nearbyStations,
  async get({ code }, ctx) {
    return describeStation(ctx, await loadStation(ctx, code))
  },
  update: editStation,
}
