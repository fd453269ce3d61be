/** What a union's join QR carries on the web: the web join link (the phone's camera opens it). */
export function joinLinkFor(unionId: string): string {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : ''
  return `${origin}/#/features/join/pages/entry/index?union=${encodeURIComponent(unionId)}`
}

export const joinLinkNote = '用手机相机或微信扫一扫打开入会页面'

/** The web has no 小程序码: the poster is the QR of joinLinkFor alone. */
export const hasMiniProgramCode = false
