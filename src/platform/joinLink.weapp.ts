/**
 * In WeChat the poster is the union's 小程序码 from the cloud (review.joinCode, drawn by features/join/components/PosterCode.tsx).
 * This text is what the stand-in QR carries while that loads or when WeChat cannot make it:
 * `union=<code>`, which the app's own 扫码入会 button understands.
 */
export function joinLinkFor(unionId: string): string {
  return `union=${encodeURIComponent(unionId)}`
}

export const joinLinkNote = '在小程序“扫码入会”中扫描此码'

/** WeChat makes a 小程序码 of a page of this mini-program (wxacode.getUnlimited, via review.joinCode). */
export const hasMiniProgramCode = true
