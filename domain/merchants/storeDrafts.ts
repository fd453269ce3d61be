import type { OfferStore } from '../contract'

/** One store as typed: coordinates stay text until the form is sent. */
export interface StoreDraft {
  name: string
  address: string
  latitude: string
  longitude: string
}

export const BLANK_STORE: StoreDraft = { name: '', address: '', latitude: '', longitude: '' }
export const MAX_STORES = 20

/** A typed coordinate as a number; blank is NaN, which the contract refuses with its own message. */
const coordinate = (value: string) => (value.trim() === '' ? NaN : Number(value))

/** The drafts as the contract takes them (OfferStore: an offer's and a merchant's stores alike). */
export const storesOf = (drafts: StoreDraft[]): OfferStore[] => drafts.map((st) => ({ name: st.name.trim(), address: st.address.trim(), latitude: coordinate(st.latitude), longitude: coordinate(st.longitude) }))

export const draftsOf = (stores: readonly OfferStore[]): StoreDraft[] => (stores.length ? stores.map((st) => ({ name: st.name, address: st.address, latitude: String(st.latitude), longitude: String(st.longitude) })) : [BLANK_STORE])

export const isBlank = (drafts: StoreDraft[]) => drafts.every((st) => !st.name && !st.address && !st.latitude && !st.longitude)
