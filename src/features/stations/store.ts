import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { StationSummary } from '@domain/contract'
import type { Amenity, StationType } from '@domain/stations/types'
import { taroJSONStorage } from '@/stores/taroStorage'

/** The last results, kept on the device so a bad network still shows something at once. */
export interface LastResults {
  at: string
  /** '我的位置附近' or a city's name: never the coordinates (precise location is not stored). */
  label: string
  stations: StationSummary[]
}

export interface ChosenPlace {
  name: string
  lat: number
  lng: number
}

interface StationsState {
  last: LastResults | null
  /** The person refused location: do not ask again by ourselves, offer the cities and a way back. */
  locationDenied: boolean
  /** The city chosen when location is not used. */
  cityKey: string | null
  /** Or a place found by name (a district or city centre from the gazetteer, never the person's position). */
  place: ChosenPlace | null
  amenities: Amenity[]
  /** Kinds of place chosen (none: every kind). */
  types: StationType[]
  openNow: boolean
  keep(results: LastResults): void
  setLocationDenied(denied: boolean): void
  chooseCity(key: string | null): void
  choosePlace(place: ChosenPlace): void
  toggleAmenity(amenity: Amenity): void
  toggleType(type: StationType): void
  toggleOpenNow(): void
}

/** At most this many stations are kept: enough for the list, small in storage. */
export const KEEP = 20

export const useStations = create<StationsState>()(
  persist(
    (set) => ({
      last: null,
      locationDenied: false,
      cityKey: null,
      place: null,
      amenities: [],
      types: [],
      openNow: false,
      keep: (results) => set({ last: { ...results, stations: results.stations.slice(0, KEEP) } }),
      setLocationDenied: (locationDenied) => set({ locationDenied }),
      chooseCity: (cityKey) => set({ cityKey, place: null }),
      choosePlace: ({ name, lat, lng }) => set({ place: { name, lat, lng }, cityKey: null }),
      toggleAmenity: (amenity) => set((s) => ({ amenities: s.amenities.includes(amenity) ? s.amenities.filter((a) => a !== amenity) : [...s.amenities, amenity] })),
      toggleType: (type) => set((s) => ({ types: s.types.includes(type) ? s.types.filter((t) => t !== type) : [...s.types, type] })),
      toggleOpenNow: () => set((s) => ({ openNow: !s.openNow })),
    }),
    {
      name: 'stations',
      storage: taroJSONStorage,
      partialize: ({ last, locationDenied, cityKey, place }) => ({ last, locationDenied, cityKey, place }),
    },
  ),
)
