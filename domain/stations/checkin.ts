import type { Scanned } from '../scan'

/**
 * 打卡 by a station's own QR (#18 item 3): the page its poster opens, what the code carries, and
 * the cap on check-ins from people not signed in. Shared by the app and the cloud.
 */

/** The page a station's 小程序码 opens (`scene=<station code>`); the web QR opens it with `?code=`. */
export const CHECKIN_PAGE = 'features/stations/pages/checkin/index'

/** wxacode.getUnlimited takes a scene of at most 32 characters; a longer station code gets only the plain QR. */
export const SCENE_MAX = 32

/**
 * Check-ins from people not signed in (the web only: in WeChat everyone has an OPENID) have no
 * identity to count once, so a script could repeat them. Each station takes at most this many a
 * China day, counted by one conditional increment (a burst cannot pass it), and they are counted
 * apart so a reader of the figures sees how many there were.
 */
export const ANONYMOUS_CHECKINS_PER_STATION_DAY = 20

/** The station code a check-in page was opened with: a 小程序码's `scene`, or the web link's `?code=`. */
export function stationCodeFromQuery(query: Record<string, string | undefined>): string | null {
  const raw = query.scene ?? query.code
  if (!raw) return null
  return safeDecode(raw).trim() || null
}

/**
 * What 扫码打卡 read: the station's 小程序码 (path of the check-in page with scene=), the web QR
 * (a link with `#/features/stations/pages/checkin/index?code=`), or the stand-in QR `station=<code>`.
 * Anything else (a union's join code, a coupon) is not a station.
 */
export function stationFromScan(scanned: Scanned): string | null {
  if (scanned.path) {
    const at = scanned.path.indexOf('?')
    const page = (at < 0 ? scanned.path : scanned.path.slice(0, at)).replace(/^\/+/, '')
    if (page !== CHECKIN_PAGE) return null
    return paramOf(scanned.path.slice(at + 1), 'scene')
  }
  const text = scanned.text.trim()
  if (text.includes(CHECKIN_PAGE)) return paramOf(text, 'code')
  return /^station=/.test(text) ? paramOf(text, 'station') : null
}

/** The stand-in QR of the WeChat poster while its 小程序码 loads or cannot be made: what 扫码打卡 reads. */
export const stationScanText = (code: string) => `station=${encodeURIComponent(code)}`

function paramOf(text: string, name: string): string | null {
  const found = new RegExp(`(?:^|[?&#])${name}=([^&#]+)`).exec(text)
  return found ? safeDecode(found[1]).trim() || null : null
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
