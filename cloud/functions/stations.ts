import type { Handlers } from '../lib/dispatch'
import * as stations from '../features/stations'

/** Rest stations (驿站): public search and detail; edits by the managing union's staff. */
export const stationsHandlers: Handlers<'stations'> = { ...stations.stations }
