import http from 'node:http'
import type { Clock } from '../cloud/lib/clock'
import type { Identity } from '../cloud/lib/context'
import type { Secrets } from '../cloud/lib/secrets'
import { dispatch } from '../cloud/lib/dispatch'
import type { Store } from '../cloud/lib/store/port'
import type { TileSource } from '../domain/stations/map-tiles'
import { functions } from '../cloud/functions'
import { isFunctionName } from '../domain/contract'
import { CloudError } from '../domain/errors'
import { decodePathSegment, readBody, readJson, sendError, sendJson, statusOf } from './http'
import { DEMO_PEOPLE } from './seed/demo'
import { SECURITY_HEADERS } from './headers'
import { createStaticHandler } from './static'
import { createUploads } from './uploads'
import { createPhotos } from './photos'
import { IMPORT_LIMITS } from '../domain/stations/upkeep'
import { issueSession, verifySession } from './session'

export interface AppDeps {
  store: Store
  clock: Clock
  /** Keys for personal data and signed tokens (the demo sessions use tokenKey). */
  secrets: Secrets
  sessionTtlMs: number
  maxBodyBytes: number
  /** The h5 build to serve; null serves only the API (tests). */
  webRoot: string | null
  /**
   * Demo mode (`npm start`): the demo login and the rest of /api/dev/*, and /api/echo (the bench's
   * baseline). Without it those routes do not exist.
   */
  demo?: boolean
  /** Bench only (ALLOW_BENCH_PEOPLE=1): /api/dev/login also signs in made-up people 'bench-<n>'. */
  allowBenchPeople?: boolean
  logError?: (message: string, error: unknown) => void
  /** Where uploaded documents are kept; null: no uploads (tests that do not need them). */
  uploadDir?: string | null
  /** Only with DEV_CLOCK=1 (browser tests): POST /api/dev/clock { advanceMs } moves time forward. */
  devClock?: { advance(ms: number): number } | null
  /** The web map's tile source (MAP_TILE_URL…), handed to the page and allowed by its img-src; none: the light map. */
  mapTiles?: TileSource | null
}

/**
 * The local home of the cloud layer: the same dispatcher WeChat runs, behind
 * POST /api/cloud/<function>, with identity from a signed demo session token.
 */
export function createApp(deps: AppDeps): http.Server {
  const serveStatic = deps.webRoot ? createStaticHandler(deps.webRoot, { mapTiles: deps.mapTiles ?? null }) : null
  const uploads = deps.uploadDir ? createUploads({ store: deps.store, clock: deps.clock, dir: deps.uploadDir }) : null
  const photos = deps.uploadDir ? createPhotos({ store: deps.store, clock: deps.clock, dir: deps.uploadDir }) : null

  /** null: no token given; a CloudError: a token that cannot be trusted. */
  function identityOf(req: http.IncomingMessage): Identity | null {
    const header = req.headers.authorization
    if (!header) return null
    const match = /^Bearer (\S+)$/.exec(header)
    if (!match) throw new CloudError('UNAUTHENTICATED', '登录凭证格式不正确，请重新登录')
    const check = verifySession(deps.secrets.tokenKey, match[1], deps.clock.now().getTime())
    if (!check.ok) throw new CloudError(check.reason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED', check.reason === 'expired' ? undefined : '登录凭证无效，请重新登录')
    return { openid: check.claims.sub }
  }

  async function cloud(req: http.IncomingMessage, res: http.ServerResponse, fn: string) {
    if (!isFunctionName(fn)) throw new CloudError('UNKNOWN_FUNCTION', fn ? `不支持的服务：${fn}`.slice(0, 60) : undefined)
    const identity = identityOf(req)
    // The stations function takes a pasted CSV of up to 2 MB (its import, domain/stations/upkeep.ts);
    // JSON may escape it to twice that. Every other function keeps the small limit.
    const event = await readJson(req, fn === 'stations' ? Math.max(deps.maxBodyBytes, 2 * IMPORT_LIMITS.maxBytes + 64 * 1024) : deps.maxBodyBytes)
    const result = await dispatch(fn, functions[fn] as never, event, { identity, store: deps.store, clock: deps.clock, secrets: deps.secrets, logError: deps.logError })
    sendJson(res, result.ok ? 200 : statusOf(result.error), result)
  }

  async function login(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = (await readJson(req, 1024)) as { as?: unknown }
    const bench = deps.allowBenchPeople && typeof body?.as === 'string' && /^bench-\d{1,6}$/.test(body.as) ? { openid: body.as, displayName: body.as } : null
    const person = DEMO_PEOPLE.find((p) => p.key === body?.as) ?? bench
    if (!person) throw new CloudError('NOT_FOUND', '没有这个演示身份')
    const token = issueSession(deps.secrets.tokenKey, person.openid, deps.clock.now().getTime(), deps.sessionTtlMs)
    sendJson(res, 200, { token, displayName: person.displayName })
  }

  /**
   * Demo only, beside the demo login: what the deploy does in WeChat (admin.firstAdminInvite, run
   * as the platform with nobody signed in), on the local store, so the web build can open the
   * first administrator's invitation. Body: `{ "force": true }` or nothing.
   */
  async function firstAdminInvite(req: http.IncomingMessage, res: http.ServerResponse) {
    const text = (await readBody(req, 256)).toString('utf8').trim()
    let data: unknown = {}
    try {
      if (text) data = JSON.parse(text)
    } catch {
      throw new CloudError('BAD_REQUEST', '请求内容不是有效的 JSON')
    }
    const result = await dispatch('admin', functions.admin, { action: 'firstAdminInvite', data }, { identity: null, timer: true, store: deps.store, clock: deps.clock, secrets: deps.secrets, logError: deps.logError })
    sendJson(res, result.ok ? 200 : statusOf(result.error), result)
  }

  /** Demo mode only: /api/dev/*. */
  async function devRoute(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, method: string) {
    if (pathname === '/api/dev/people' && method === 'GET') {
      return sendJson(res, 200, DEMO_PEOPLE.map(({ key, displayName, description }) => ({ key, displayName, description })))
    }
    if (pathname === '/api/dev/login' && method === 'POST') return login(req, res)
    if (pathname === '/api/dev/first-admin-invite' && method === 'POST') return firstAdminInvite(req, res)
    if (deps.devClock && pathname === '/api/dev/clock' && method === 'POST') {
      const { advanceMs } = (await readJson(req, 256)) as { advanceMs?: unknown }
      if (typeof advanceMs !== 'number' || !(advanceMs >= 0)) throw new CloudError('BAD_REQUEST', 'advanceMs 应为非负数')
      return sendJson(res, 200, { ok: true, data: { offsetMs: deps.devClock.advance(advanceMs), now: deps.clock.now().toISOString() } })
    }
    throw new CloudError('NOT_FOUND', '没有这个接口')
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const { pathname } = url
    const method = req.method ?? 'GET'
    if (pathname.startsWith('/api/')) {
      const cloudMatch = /^\/api\/cloud\/([^/]+)$/.exec(pathname)
      if (cloudMatch && method === 'POST') return cloud(req, res, decodePathSegment(cloudMatch[1]))
      if (deps.demo && pathname === '/api/echo' && method === 'POST') return sendJson(res, 200, { ok: true, data: await readJson(req, deps.maxBodyBytes) })
      if (uploads && pathname === '/api/upload' && method === 'POST') return uploads.upload(req, res, identityOf(req))
      const fileMatch = /^\/api\/files\/([^/]+)$/.exec(pathname)
      if (uploads && fileMatch && method === 'GET') return uploads.serve(res, identityOf(req), fileMatch[1])
      if (photos && pathname === '/api/photos' && method === 'POST') return photos.upload(req, res, identityOf(req), url.searchParams.get('for'))
      const photoMatch = /^\/api\/photos\/([^/]+)$/.exec(pathname)
      if (photos && photoMatch && method === 'GET') return photos.serve(res, identityOf(req), photoMatch[1])
      if (pathname === '/api/health' && method === 'GET') return sendJson(res, 200, { ok: true })
      if (deps.demo && pathname.startsWith('/api/dev/')) return devRoute(req, res, pathname, method)
      throw new CloudError('NOT_FOUND', '没有这个接口')
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204)
      return void res.end()
    }
    if ((method === 'GET' || method === 'HEAD') && serveStatic) return serveStatic(req, res, pathname === '/' ? '/index.html' : pathname)
    throw new CloudError('NOT_FOUND', '找不到页面')
  }

  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy()
      if (error instanceof CloudError) return sendError(res, error)
      deps.logError?.('request failed', error)
      sendError(res, new CloudError('INTERNAL'))
    })
  })
}
