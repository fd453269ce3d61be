import { CHECKIN_PAGE } from '@domain/stations/checkin'

/** Pages a station's pages open, with the station's code (public, never a person's data). */
export const posterPage = (code: string) => `/features/stations/pages/poster/index?code=${encodeURIComponent(code)}`
export const checkInPage = (code: string) => `/${CHECKIN_PAGE}?code=${encodeURIComponent(code)}`
/** 会员核验 at a station: checks opened from here count for it too. */
export const cardCheckPage = (code: string) => `/features/check/pages/index/index?station=${encodeURIComponent(code)}`
