/**
 * The web map's tile source (#18 item 7), as the operator configures it on the local server:
 * MAP_TILE_URL (a Leaflet-style template such as
 * `https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}`), MAP_TILE_SUBDOMAINS
 * (what `{s}` stands for, comma-separated: `1,2,3,4`) and MAP_TILE_ATTRIBUTION (the credit the
 * provider requires on the map). Stations are GCJ-02, so the tiles must be too (高德, 腾讯): a
 * WGS-84/CGCS2000 source (天地图, OpenStreetMap) would draw every marker some hundred metres off.
 *
 * One parser for both sides: the server checks the settings at start (a bad one refuses to start)
 * and builds the page's Content-Security-Policy from tileOrigins(); the page reads the same shape
 * back and checks it again before loading the map library.
 */
export interface TileSource {
  url: string
  subdomains: string[]
  attribution: string
}

/** The <meta name> under which the server hands the source to the page (server/static.ts, src/platform/map-tiles.ts). */
export const MAP_TILES_META = 'union-map-tiles'

export interface TileSettings {
  MAP_TILE_URL?: string
  MAP_TILE_SUBDOMAINS?: string
  MAP_TILE_ATTRIBUTION?: string
}

export type TileSourceResult = { ok: true; source: TileSource | null } | { ok: false; error: string }

const PLACEHOLDERS = new Set(['{s}', '{x}', '{y}', '{-y}', '{z}'])
const SUBDOMAIN = /^[a-z0-9-]{1,20}$/i
const MAX_URL = 500
const MAX_ATTRIBUTION = 120

const fail = (error: string): TileSourceResult => ({ ok: false, error })

/** Hosts that only this machine reaches: the one place plain http is allowed (a local tile server, the tests'). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Reads and checks the three settings; no MAP_TILE_URL (and nothing else) is `source: null`: the light map. */
export function parseTileSource(settings: TileSettings): TileSourceResult {
  const url = (settings.MAP_TILE_URL ?? '').trim()
  const subdomainsText = (settings.MAP_TILE_SUBDOMAINS ?? '').trim()
  const attribution = (settings.MAP_TILE_ATTRIBUTION ?? '').trim()
  if (!url) return subdomainsText || attribution ? fail('设置了 MAP_TILE_SUBDOMAINS 或 MAP_TILE_ATTRIBUTION，却没有 MAP_TILE_URL（地图瓦片地址）') : { ok: true, source: null }
  if (url.length > MAX_URL) return fail(`MAP_TILE_URL 过长（最多 ${MAX_URL} 个字符）`)

  const unknown = (url.match(/\{[^}]*\}/g) ?? []).find((p) => !PLACEHOLDERS.has(p))
  if (unknown) return fail(`MAP_TILE_URL 中的 ${unknown.slice(0, 20)} 不是可用的占位符（可用：{s} {x} {y} {-y} {z}）`)
  if (!url.includes('{x}') || !url.includes('{z}') || !(url.includes('{y}') || url.includes('{-y}'))) return fail('MAP_TILE_URL 须含 {x}、{y}（或 {-y}）和 {z}')

  const subdomains = subdomainsText ? subdomainsText.split(',').map((s) => s.trim()) : []
  if (subdomains.some((s) => !SUBDOMAIN.test(s))) return fail('MAP_TILE_SUBDOMAINS 须是逗号分隔的字母或数字，例如 1,2,3,4')
  if (url.includes('{s}') && !subdomains.length) return fail('MAP_TILE_URL 含 {s}，请用 MAP_TILE_SUBDOMAINS 写明它的取值，例如 1,2,3,4')
  if (!url.includes('{s}') && subdomains.length) return fail('设置了 MAP_TILE_SUBDOMAINS，但 MAP_TILE_URL 中没有 {s}')

  if (!attribution) return fail('请用 MAP_TILE_ATTRIBUTION 写明地图来源（如“© 高德地图”），服务商要求显示在地图上')
  if (attribution.length > MAX_ATTRIBUTION) return fail(`MAP_TILE_ATTRIBUTION 过长（最多 ${MAX_ATTRIBUTION} 个字）`)

  const source: TileSource = { url, subdomains, attribution }
  for (const sample of sampleUrls(source)) {
    let parsed: URL
    try {
      parsed = new URL(sample)
    } catch {
      return fail('MAP_TILE_URL 不是有效的网址')
    }
    if (parsed.username || parsed.password || parsed.hash) return fail('MAP_TILE_URL 不能含用户名、密码或 # 片段')
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) return fail('MAP_TILE_URL 须以 https:// 开头（只有本机地址可用 http://）')
  }
  return { ok: true, source }
}

/** The template with every subdomain (or just once without `{s}`) and sample tile numbers. */
function sampleUrls(source: TileSource): string[] {
  const subs = source.subdomains.length ? source.subdomains : ['']
  return subs.map((s) => source.url.replace(/\{s\}/g, s).replace(/\{-?[xyz]\}/g, '0'))
}

/**
 * Every origin the tiles come from (`https://webrd01.is.autonavi.com`, one per subdomain): exactly
 * what the page's img-src must allow, and nothing when no source is configured.
 */
export function tileOrigins(source: TileSource | null): string[] {
  if (!source) return []
  return [...new Set(sampleUrls(source).map((u) => new URL(u).origin))]
}
