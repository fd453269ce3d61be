import { parseHours, type Hours } from '../../../domain/stations/hours'
import type { StationData } from '../../../domain/stations/station'
import type { ReportKind, ReportOutcome } from '../../../domain/stations/reports'
import type { Amenity } from '../../../domain/stations/types'
import type { MiniCodeDoc } from '../../lib/miniCode'
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
  /** Search pieces of name, address, union and type (domain/stations/text-search.ts); missing on a station stored before #18, and every piece on one stored before the stop list, until backfill.ts runs. */
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
 * A station's visits (打卡) of one China day, as counts: `_id` is `<code>:<day>`. Both counts only
 * grow by the store's atomic increment. `unionPath` is the station's when the day began, so the
 * staff figures read a union's visits by one indexed query.
 */
export interface VisitDayDoc extends Doc {
  station: string
  day: string
  unionPath: string[]
  /** Every counted visit, the anonymous ones included. */
  visits: number
  /** Of them, from people not signed in (capped per station per day). */
  anonymous: number
}

/**
 * That a person has checked in at a station on a China day, and nothing else: `_id` is the station,
 * the day and a keyed hash of the person, so a second check-in is a duplicate key on any store and
 * no list of who visited can be read back. Yesterday's are deleted by the first check-in of a day
 * (checkin.ts): they only ever answer "already today?".
 */
export interface CheckInMarkDoc extends Doc {
  station: string
  day: string
}

/** One counted window of a report limit: `_id` names the limit, whose window and whose count. */
export interface ReportCounterDoc extends Doc {
  n: number
  /** The China day it counts in: rows of past days are deleted by it. */
  day: string
}

/**
 * An uploaded photo (#18): a station's (public once on a station) or a report's (its managing union's
 * clerks only). Locally the bytes are a file under the uploads folder named by `_id`; in WeChat they
 * stay in cloud storage (`cloudFileId`: a report's where the app put it, a station's the public copy
 * registerPhoto wrote) and `_id` is derived from the fileID the app uploaded.
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
  visits: store.collection<VisitDayDoc>('station_visits'),
  marks: store.collection<CheckInMarkDoc>('station_checkins'),
  // A station's 打卡 小程序码 in cloud storage, by code (cloud/lib/miniCode.ts).
  codes: store.collection<MiniCodeDoc>('station_codes'),
  counters: store.collection<ReportCounterDoc>('station_report_limits'),
  photos: store.collection<PhotoDoc>('station_photos'),
})

/** nearby searches the stations with the store's geoNear (by lat/lng), which in WeChat needs this geo index; search looks up `terms`. */
export const STATION_COLLECTIONS: CollectionIndexes = {
  stations: [{ fields: ['unionPath'] }, { fields: ['unionPath', 'updatedAt'] }, { fields: [GEO_FIELD], geo: true }, { fields: ['terms'] }],
  station_reports: [{ fields: ['station', 'status'] }, { fields: ['unionPath', 'status', 'createdAt'] }],
  // Report limits, counted by _id; past days' rows deleted by day (report-quota.ts).
  station_report_limits: [{ fields: ['day'] }],
  station_helpful: [{ fields: ['station', 'day'] }],
  // The staff figures: a union's visits over a range of days.
  station_visits: [{ fields: ['unionPath', 'day'] }],
  // Yesterday's marks of a station, deleted on its first check-in of a day.
  station_checkins: [{ fields: ['station', 'day'] }],
  station_codes: [],
  station_photos: [{ fields: ['owner', 'createdAt'] }],
}
