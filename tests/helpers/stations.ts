import type { StationDoc } from '../../cloud/features/stations/collections'
import { AMENITIES, STATION_TYPES, type Amenity, type StationType } from '../../domain/stations/types'

/** A seeded random stream (Park–Miller), so a failing search can be replayed. */
export function seededRandom(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16807) % 2147483647) / 2147483647
}

export interface RandomSearch {
  at: Date
  input: { latitude: number; longitude: number; radiusM: number; k: number; types?: StationType[]; amenities?: Amenity[]; openNow?: boolean }
}

/** A nearby search around a random station, at a random time of a week, with random filters. */
export function randomSearch(random: () => number, docs: StationDoc[]): RandomSearch {
  const at = new Date(Date.UTC(2026, 10, 23 + Math.floor(random() * 7), Math.floor(random() * 24), Math.floor(random() * 60)))
  const near = docs[Math.floor(random() * docs.length)]
  return {
    at,
    input: {
      latitude: near.lat + (random() - 0.5) * 0.3,
      longitude: near.lng + (random() - 0.5) * 0.3,
      radiusM: [1_000, 5_000, 30_000, 200_000][Math.floor(random() * 4)],
      k: 1 + Math.floor(random() * 100),
      ...(random() < 0.3 ? { types: [STATION_TYPES[Math.floor(random() * 2)]] } : {}),
      ...(random() < 0.5 ? { amenities: AMENITIES.filter(() => random() < 0.25) } : {}),
      ...(random() < 0.5 ? { openNow: true } : {}),
    },
  }
}
