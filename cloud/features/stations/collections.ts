import { parseHours, type Hours } from '../../../domain/stations/hours'
import type { StationData } from '../../../domain/stations/station'
import { GEO_FIELD, type CollectionIndexes, type Doc, type Store } from '../../lib/store/port'

/**
 * A station (驿站). `_id` is its stable code, so a re-import of the same code updates it. Hours are
 * kept in their canonical text form ("daily 06:00-22:00"): a third of the size of the parsed
 * form, which matters at 186,000 stations; readers parse them (storedHours).
 */
export interface StationDoc extends Doc, Omit<StationData, 'hours' | 'code'> {
  hours: string
  /** The managing union and every union above it: staff of any of them may edit. */
  unionPath: string[]
  createdAt: string
  updatedAt: string
}

const parsedHours = new Map<string, Hours>()

/** The parsed hours of a stored station; the few distinct texts are parsed once and shared. */
export function storedHours(text: string): Hours {
  let hours = parsedHours.get(text)
  if (!hours) {
    const parsed = parseHours(text)
    // Only the importer and edits write hours, both after parseHours accepted them.
    if (!parsed.ok) throw new Error(`stored hours do not parse: ${text}`)
    hours = parsed.hours
    if (parsedHours.size < 10_000) parsedHours.set(text, hours)
  }
  return hours
}

/** The fields every answer about a station starts with. */
export function stationBasics(doc: StationDoc) {
  // Stored as lat/lng (the store port's geoNear reads them there); answered in the contract's point shape.
  return { code: doc._id, name: doc.name, type: doc.type, latitude: doc.lat, longitude: doc.lng, address: doc.address, amenities: doc.amenities }
}

export const stationsDb = (store: Store) => ({
  stations: store.collection<StationDoc>('stations'),
})

/** nearby searches the stations with the store's geoNear (by lat/lng), which in WeChat needs this geo index. */
export const STATION_COLLECTIONS: CollectionIndexes = {
  stations: [{ fields: ['unionPath'] }, { fields: [GEO_FIELD], geo: true }],
}
