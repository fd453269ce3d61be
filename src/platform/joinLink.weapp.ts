/**
 * In WeChat the poster should be a 小程序码 from the cloud (wxacode.getUnlimited with scene=<code>);
 * that needs the app's credentials and is not built yet. Until then the QR carries `union=<code>`,
 * which the app's own 扫码入会 button understands.
 */
export function joinLinkFor(unionId: string): string {
  return `union=${encodeURIComponent(unionId)}`
}

export const joinLinkNote = '在小程序“扫码入会”中扫描此码'
