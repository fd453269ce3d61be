import { MAP_TILES_META, parseTileSource, type TileSource } from '@domain/stations/map-tiles'

/**
 * The tile source the server handed this page (a <meta> in index.html, server/static.ts), checked
 * again with the server's own rules; null (the light map) when there is none or it does not hold.
 * Read once: it cannot change while the page is open.
 */
let read: { source: TileSource | null } | null = null

export function mapTileSource(): TileSource | null {
  if (!read) read = { source: fromPage() }
  return read.source
}

function fromPage(): TileSource | null {
  const content = typeof document === 'undefined' ? null : document.querySelector(`meta[name="${MAP_TILES_META}"]`)?.getAttribute('content')
  if (!content) return null
  try {
    const given = JSON.parse(content) as Partial<TileSource>
    const checked = parseTileSource({
      MAP_TILE_URL: typeof given.url === 'string' ? given.url : '',
      MAP_TILE_SUBDOMAINS: Array.isArray(given.subdomains) ? given.subdomains.join(',') : '',
      MAP_TILE_ATTRIBUTION: typeof given.attribution === 'string' ? given.attribution : '',
    })
    return checked.ok ? checked.source : null
  } catch {
    return null
  }
}
