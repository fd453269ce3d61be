import type { StationData } from '../../../src/domain/stations/station'
import type { Doc, Store } from '../../lib/store/port'

/** A station (驿站). `_id` is its stable code, so a re-import of the same code updates it. */
export interface StationDoc extends Doc, StationData {
  /** The managing union and every union above it: staff of any of them may edit. */
  unionPath: string[]
  createdAt: string
  updatedAt: string
}

export const stationsDb = (store: Store) => ({
  stations: store.collection<StationDoc>('stations'),
})

/**
 * The embedded store needs no geo index (the feature keeps its own grid, see station-index.ts).
 * In WeChat, create a geo index on `location` for geoNear (README) — not wired yet.
 */
export async function ensureStationIndexes(store: Store): Promise<void> {
  await store.ensureIndex('stations', { fields: ['unionPath'] })
}
