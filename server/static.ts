import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAP_TILES_META, tileOrigins, type TileSource } from '../domain/stations/map-tiles'
import { pagePolicy } from './headers'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg'])

const escapeAttribute = (text: string) => text.replace(/[&"'<>]/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The web map's tile source goes to the page inside index.html, as a <meta>: the app has it at
 * start with no request of its own, and the same setting makes the page's img-src, so the two
 * cannot disagree. Without a source the page is served exactly as built.
 */
function withMapTiles(html: string, mapTiles: TileSource | null): string {
  if (!mapTiles) return html
  const meta = `<meta name="${MAP_TILES_META}" content="${escapeAttribute(JSON.stringify(mapTiles))}">`
  return html.replace('</head>', `${meta}</head>`)
}

/** Serves the h5 build: hashed assets cached for a year, gzip when asked, index.html otherwise. */
export function createStaticHandler(root: string, page: { mapTiles: TileSource | null } = { mapTiles: null }) {
  const gzipCache = new Map<string, { mtime: number; body: Buffer }>()

  function resolve(urlPath: string): string | null {
    let decoded: string
    try {
      decoded = decodeURIComponent(urlPath)
    } catch {
      return null
    }
    const file = path.normalize(path.join(root, decoded))
    if (!file.startsWith(root + path.sep) && file !== root) return null
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null
  }

  return function serve(req: IncomingMessage, res: ServerResponse, urlPath: string): void {
    const file = resolve(urlPath) ?? (path.extname(urlPath) ? null : path.join(root, 'index.html'))
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('找不到页面')
      return
    }
    const ext = path.extname(file)
    const stat = fs.statSync(file)
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    }
    let body: Buffer = fs.readFileSync(file)
    // The page's own policy (its inline scripts by hash) in place of the API's allow-nothing one.
    if (ext === '.html') {
      const html = withMapTiles(body.toString('utf8'), page.mapTiles)
      headers['Content-Security-Policy'] = pagePolicy(html, tileOrigins(page.mapTiles))
      body = Buffer.from(html, 'utf8')
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const cached = gzipCache.get(file)
      if (cached && cached.mtime === stat.mtimeMs) body = cached.body
      else {
        body = zlib.gzipSync(body)
        gzipCache.set(file, { mtime: stat.mtimeMs, body })
      }
      headers['Content-Encoding'] = 'gzip'
      headers.Vary = 'Accept-Encoding'
    }
    headers['Content-Length'] = String(body.length)
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
