import { CHECKIN_PAGE } from '@domain/stations/checkin'

/** What a station's 打卡 QR carries on the web: the check-in page's web link (the phone's camera opens it). */
export function checkInLinkFor(code: string): string {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : ''
  return `${origin}/#/${CHECKIN_PAGE}?code=${encodeURIComponent(code)}`
}

export const checkInLinkNote = '用手机相机或微信扫一扫打开打卡页面'
