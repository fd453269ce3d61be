import { parseHours, type Hours } from '../../../domain/stations/hours'
import type { StationData } from '../../../domain/stations/station'
import type { ReportKind, ReportOutcome } from '../../../domain/stations/reports'
import type { Amenity } from '../../../domain/stations/types'
import type { ImageType, PhotoPurpose } from '../../../domain/stations/photos'
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
  /** Search pieces of name, address, union and type (domain/stations/text-search.ts); missing on a station stored before #18 until it is imported again. */
  terms?: string[]
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

/**
 * A problem report (问题反馈). Who sent it is never answered: a signed-in sender is kept only as a
 * keyed hash (`sender`), for the per-person rate limit; an anonymous one has none.
 */
export interface ReportDoc extends Doc {
  station: string
  /** The station's unionPath when reported: the queue of every union on it. */
  unionPath: string[]
  kind: ReportKind
  amenity: Amenity | null
  note: string
  sender: string | null
  anonymous: boolean
  /** China day of the report (anonymous per-station cap). */
  day: string
  status: 'open' | ReportOutcome
  createdAt: string
  resolvedAt?: string
  resolvedBy?: string
  resolution?: string
  /** A photo the signed-in sender attached (a PhotoDoc's id, purpose 'report'). */
  photo?: string | null
}

/** One 有用 per person per station per China day: the _id says so (station, day, hashed person). */
export interface HelpfulDoc extends Doc {
  station: string
  day: string
  createdAt: string
}

/**
 * An uploaded photo (#18): a station's (public once on a station) or a report's (its managing union's
 * clerks only). Locally the bytes are a file under the uploads folder named by `_id`; in WeChat they
 * stay in cloud storage (`cloudFileId`) and `_id` is derived from the fileID.
 */
export interface PhotoDoc extends Doc {
  owner: string
  purpose: PhotoPurpose
  type: ImageType
  size: number
  createdAt: string
  cloudFileId?: string
}

export const stationsDb = (store: Store) => ({
  stations: store.collection<StationDoc>('stations'),
  reports: store.collection<ReportDoc>('station_reports'),
  helpful: store.collection<HelpfulDoc>('station_helpful'),
  photos: store.collection<PhotoDoc>('station_photos'),
})

/** nearby searches the stations with the store's geoNear (by lat/lng), which in WeChat needs this geo index; search looks up `terms`. */
export const STATION_COLLECTIONS: CollectionIndexes = {
  stations: [{ fields: ['unionPath'] }, { fields: ['unionPath', 'updatedAt'] }, { fields: [GEO_FIELD], geo: true }, { fields: ['terms'] }],
  station_reports: [{ fields: ['station', 'status'] }, { fields: ['unionPath', 'status', 'createdAt'] }, { fields: ['sender', 'createdAt'] }, { fields: ['anonymous', 'createdAt'] }],
  station_helpful: [{ fields: ['station', 'day'] }],
  station_photos: [{ fields: ['owner', 'createdAt'] }],
}
