import { createHash } from 'node:crypto'

/**
 * Security headers on every answer of the local server. JSON and files get a policy that allows
 * nothing to run or load; the h5 page gets pagePolicy() instead.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/**
 * The Content-Security-Policy for a page of the h5 build: scripts and styles from this origin only,
 * plus the inline scripts the page itself carries (Taro's index.html sizes the root font with one),
 * allowed by their hash rather than by 'unsafe-inline'. Styles stay 'unsafe-inline': Taro's H5
 * components write style attributes and inject <style> elements at run time. Images may be data:
 * and blob: URLs (QR codes, previews of a chosen file), and come from the web map's tile origins
 * when the operator configured a tile source (exactly those: domain/stations/map-tiles.ts's
 * tileOrigins); nothing else loads from another origin.
 */
export function pagePolicy(html: string, tileOrigins: readonly string[] = []): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...tileOrigins].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
