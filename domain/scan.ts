import { unionCodeFromScan } from './join/entry'

/**
 * What the camera read, as the platform seam (src/platform/scan*.ts) hands it over: WeChat's
 * `scanCode` answers `result` (the code's content) and, only for a 小程序码 or QR code of this very
 * mini-program, `path` (the page and query it opens). iOS sends the query URL-encoded, Android as
 * it is (`scene=a%3D1` vs `scene=a=1`): read both.
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html
 */
export interface Scanned {
  text: string
  path: string | null
}

/** The page a union's join poster (its 小程序码) opens, with `scene=<union code>`. */
export const JOIN_ENTRY_PAGE = 'features/join/pages/entry/index'

export type ScanMeaning =
  /** A union's join poster: its 小程序码, the web link's QR, the stand-in QR `union=<code>`, or a bare code. */
  | { kind: 'union'; code: string }
  /** A 小程序码 of another page of this app (an administrator's invitation…): not what was asked for. */
  | { kind: 'other-page'; page: string }
  | { kind: 'unknown' }

function splitPath(path: string): { page: string; query: string } {
  const trimmed = path.trim().replace(/^\/+/, '')
  const at = trimmed.indexOf('?')
  return at < 0 ? { page: trimmed, query: '' } : { page: trimmed.slice(0, at), query: trimmed.slice(at) }
}

/** A scan on the join or transfer page: only a union's join code counts. */
export function unionFromScan(scanned: Scanned): ScanMeaning {
  if (scanned.path) {
    const { page, query } = splitPath(scanned.path)
    if (page !== JOIN_ENTRY_PAGE) return { kind: 'other-page', page }
    const code = unionCodeFromScan(query)
    return code ? { kind: 'union', code } : { kind: 'unknown' }
  }
  const code = unionCodeFromScan(scanned.text)
  return code ? { kind: 'union', code } : { kind: 'unknown' }
}

export const SCAN_NOT_UNION = '这不是工会的入会二维码'
export const SCAN_OTHER_PAGE = '这是本小程序其他功能的码（如邀请码），请用微信“扫一扫”打开'

/** The message for a scan that is not a union's code, or null when it is one. */
export function unionScanProblem(meaning: ScanMeaning): string | null {
  if (meaning.kind === 'union') return null
  return meaning.kind === 'other-page' ? SCAN_OTHER_PAGE : SCAN_NOT_UNION
}

/**
 * A scan at the till (核销): a member's coupon is a plain QR code of a signed token, or its 8-digit
 * code; a 小程序码 (which carries a path) never is one. Returns the text to redeem, or null.
 */
export function couponFromScan(scanned: Scanned): string | null {
  if (scanned.path) return null
  const text = scanned.text.trim()
  return text ? text : null
}
