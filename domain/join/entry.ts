/**
 * Where a union's short code comes from: a 小程序码's `scene` (URL-encoded, at most 32 characters),
 * the web link's `?union=`, a scanned text (a 小程序 path with scene=, a web link, or the bare code),
 * or a code typed by hand. Returns the code as typed (the contract validates it), or null.
 */
export function unionCodeFromQuery(query: Record<string, string | undefined>): string | null {
  if (query.scene) return safeDecode(query.scene).trim() || null
  if (query.union) return safeDecode(query.union).trim() || null
  return null
}

export function unionCodeFromScan(text: string): string | null {
  const trimmed = text.trim()
  // `union=<code>` alone is the stand-in QR of the WeChat poster (src/platform/joinLink.weapp.ts).
  const param = /(?:^|[?&#])(scene|union)=([^&#]+)/.exec(trimmed)
  if (param) return safeDecode(param[2]).trim() || null
  return /^[A-Za-z0-9-]{1,32}$/.test(trimmed) ? trimmed.toLowerCase() : null
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
