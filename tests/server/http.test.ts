import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../../server/app'
import { randomSecrets } from '../../cloud/lib/secrets'
import { issueSession } from '../../server/session'
import { cloudHarness } from '../helpers/cloud'
import { collections } from '../../cloud/lib/collections'
import { adminDb } from '../../cloud/features/admin/collections'

/** The local server over real HTTP: every kind of bad request gets its code and changes nothing. */
const SECRETS = randomSecrets()

describe('local server', () => {
  let server: Server
  let base: string
  let harness: Awaited<ReturnType<typeof cloudHarness>>
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'web-'))
  // An inline script, as Taro's index.html carries one: the page's policy must allow it by hash.
  const INLINE = 'document.documentElement.style.fontSize="20px"'
  fs.writeFileSync(path.join(webRoot, 'index.html'), `<!doctype html><title>t</title><script>${INLINE}</script><script defer src="/js/app.js"></script>`)

  beforeEach(async () => {
    harness = await cloudHarness()
    server = createApp({ store: harness.store, clock: harness.clock, secrets: SECRETS, sessionTtlMs: 3600_000, maxBodyBytes: 2048, demo: true, webRoot })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve))
    await harness.store.close()
  })

  const login = async (as: string) => {
    const response = await fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })
    return ((await response.json()) as { token: string }).token
  }
  const post = (fn: string, body: string, token?: string) =>
    fetch(`${base}/api/cloud/${fn}`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {}, body })
  const agreedCount = () => collections(harness.store).people.count({ privacyAgreedVersion: { $exists: true } })

  it('lists the demo people and signs in as one', async () => {
    const people = (await (await fetch(`${base}/api/dev/people`)).json()) as Array<{ key: string }>
    expect(people.map((p) => p.key)).toEqual(['worker', 'member', 'clerk', 'merchant', 'city-clerk', 'hm-clerk', 'chair', 'newcomer'])
    const response = await post('member', JSON.stringify({ action: 'profile', data: {} }), await login('member'))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, data: { displayName: '李会员（演示）' } })
  })

  it('refuses an unknown demo person', async () => {
    const response = await fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'admin' }) })
    expect(response.status).toBe(404)
  })

  it('signs in bench people only when started for the bench (ALLOW_BENCH_PEOPLE)', async () => {
    const bench = JSON.stringify({ as: 'bench-7' })
    expect((await fetch(`${base}/api/dev/login`, { method: 'POST', body: bench })).status).toBe(404)
    const benchServer = createApp({ store: harness.store, clock: harness.clock, secrets: SECRETS, sessionTtlMs: 3600_000, maxBodyBytes: 2048, demo: true, webRoot, allowBenchPeople: true })
    await new Promise<void>((resolve) => benchServer.listen(0, '127.0.0.1', resolve))
    try {
      const benchBase = `http://127.0.0.1:${(benchServer.address() as AddressInfo).port}`
      const response = await fetch(`${benchBase}/api/dev/login`, { method: 'POST', body: bench })
      expect(response.status).toBe(200)
      const { token } = (await response.json()) as { token: string }
      const profile = await fetch(`${benchBase}/api/cloud/member`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'profile', data: {} }) })
      expect(await profile.json()).toMatchObject({ ok: true, data: { membership: null } })
      expect((await fetch(`${benchBase}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'bench-x' }) })).status).toBe(404)
    } finally {
      await new Promise((resolve) => benchServer.close(resolve))
    }
  })

  it.each([
    ['no token', undefined, 401, 'UNAUTHENTICATED'],
    ['a forged token', 'eyJzdWIiOiJkZW1vLW1lbWJlciIsImV4cCI6OTk5OTk5OTk5OTk5OX0.AAAA', 401, 'UNAUTHENTICATED'],
    ['a token signed with another secret', issueSession(randomBytes(32), 'demo-member', Date.now(), 3600_000), 401, 'UNAUTHENTICATED'],
    ['an expired token', issueSession(SECRETS.tokenKey, 'demo-member', Date.parse('2026-11-23T06:00:00Z'), 3600_000), 401, 'SESSION_EXPIRED'],
    ['garbage', 'not-a-token', 401, 'UNAUTHENTICATED'],
  ])('%s gets %i and changes nothing', async (_label, token, status, code) => {
    const response = await post('member', JSON.stringify({ action: 'agreePrivacy', data: { version: '2026-11' } }), token)
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ ok: false, error: { code } })
    expect(await agreedCount()).toBe(0)
  })

  it.each([
    ['malformed JSON', 'member', '{"action": "agreePrivacy", ', 400, 'BAD_REQUEST'],
    ['an empty body', 'member', '', 400, 'BAD_REQUEST'],
    ['no action', 'member', JSON.stringify({ data: { version: '2026-11' } }), 400, 'BAD_REQUEST'],
    ['an unknown function', 'payroll', JSON.stringify({ action: 'profile', data: {} }), 404, 'UNKNOWN_FUNCTION'],
    ['an unknown action', 'member', JSON.stringify({ action: 'deleteAll', data: {} }), 404, 'UNKNOWN_ACTION'],
    ['a missing field', 'member', JSON.stringify({ action: 'agreePrivacy', data: {} }), 400, 'INVALID_INPUT'],
    ['a wrong-typed field', 'member', JSON.stringify({ action: 'agreePrivacy', data: { version: ['2026-11'] } }), 400, 'INVALID_INPUT'],
    ['a body over the cap', 'member', JSON.stringify({ action: 'agreePrivacy', data: { version: '2026-11', pad: 'x'.repeat(4096) } }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('%s gets its code and changes nothing', async (_label, fn, body, status, code) => {
    const response = await post(fn, body, await login('worker'))
    expect(response.status).toBe(status)
    const answer = (await response.json()) as { ok: boolean; error: { code: string; message: string } }
    expect(answer).toMatchObject({ ok: false, error: { code } })
    expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await agreedCount()).toBe(0)
  })

  // #14 item 1: a name that is not valid percent-encoding is the caller's mistake, never a 500.
  it.each(['%ff', '%', 'member%', '%E4%B8'])('a malformed function name (%s) is a 4xx with the usual body, signed in or not', async (name) => {
    const logged: unknown[] = []
    const logging = createApp({ store: harness.store, clock: harness.clock, secrets: SECRETS, sessionTtlMs: 3600_000, maxBodyBytes: 2048, demo: true, webRoot, logError: (...args) => logged.push(args) })
    await new Promise<void>((resolve) => logging.listen(0, '127.0.0.1', resolve))
    try {
      const at = `http://127.0.0.1:${(logging.address() as AddressInfo).port}`
      for (const headers of [{}, { Authorization: `Bearer ${await login('worker')}` }] as Array<Record<string, string>>) {
        const response = await fetch(`${at}/api/cloud/${name}`, { method: 'POST', headers, body: JSON.stringify({ action: 'profile', data: {} }) })
        expect(response.status).toBe(404)
        const answer = (await response.json()) as { ok: boolean; error: { code: string; message: string } }
        expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
        expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/)
      }
      expect(logged).toEqual([])
    } finally {
      await new Promise((resolve) => logging.close(resolve))
    }
  })

  it('a valid call changes what it should', async () => {
    const response = await post('member', JSON.stringify({ action: 'agreePrivacy', data: { version: '2026-11' } }), await login('worker'))
    expect(response.status).toBe(200)
    expect(await agreedCount()).toBe(1)
  })

  it('serves the web app, falls back to index.html for routes, and never outside its folder', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200)
    expect(await (await fetch(`${base}/pages/me/index`)).text()).toContain('<title>t</title>')
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(404)
    expect((await fetch(`${base}/js/missing.js`)).status).toBe(404)
    expect((await fetch(`${base}/api/unknown`)).status).toBe(404)
  })

  it("makes the first administrator's invitation for the demo (POST /api/dev/first-admin-invite), which the web link opens", async () => {
    const invite = (body?: string) => fetch(`${base}/api/dev/first-admin-invite`, { method: 'POST', ...(body === undefined ? {} : { body }) })
    const first = await invite()
    expect(first.status).toBe(200)
    const { data } = (await first.json()) as { data: { invitation: { scene: string; webPath: string; codePng: null } } }
    expect(data.invitation).toMatchObject({ webPath: `/#/features/admin/pages/invite/index?token=${data.invitation.scene}`, codePng: null })
    expect(await (await invite()).json()).toEqual({ ok: true, data: { invitation: null } })
    expect(await (await invite('{"force":true}')).json()).toMatchObject({ ok: true, data: { invitation: { scene: expect.any(String) } } })
    expect((await invite('{"force":"yes"}')).status).toBe(400)
    expect((await invite('not json')).status).toBe(400)
    // Over the ordinary cloud route it is no action, for anyone.
    for (const token of [undefined, await login('city-clerk')]) {
      expect((await post('admin', JSON.stringify({ action: 'firstAdminInvite', data: { force: true } }), token)).status).toBe(404)
    }
    const worker = await login('worker')
    const accepted = await post('admin', JSON.stringify({ action: 'acceptInvitation', data: { token: data.invitation.scene } }), worker)
    expect(await accepted.json()).toMatchObject({ ok: true, data: { role: { kind: 'union_staff', union: { id: 'nmg' } } } })
    const again = await post('admin', JSON.stringify({ action: 'acceptInvitation', data: { token: data.invitation.scene } }), await login('member'))
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'INVITE_USED' } })
  })

  it('echo answers what it was sent (the benchmark baseline)', async () => {
    const response = await fetch(`${base}/api/echo`, { method: 'POST', body: '{"n":1}' })
    expect(await response.json()).toEqual({ ok: true, data: { n: 1 } })
  })

  // #14 item 2: without demo mode the demo login, the rest of /api/dev/* and /api/echo do not exist.
  it('without demo mode has no demo login, no /api/dev/* and no echo', async () => {
    const plain = createApp({ store: harness.store, clock: harness.clock, secrets: SECRETS, sessionTtlMs: 3600_000, maxBodyBytes: 2048, webRoot, devClock: { advance: () => 0 }, allowBenchPeople: true })
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
    try {
      const at = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`
      const answers = await Promise.all([
        fetch(`${at}/api/dev/people`),
        fetch(`${at}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'clerk' }) }),
        fetch(`${at}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'bench-1' }) }),
        fetch(`${at}/api/dev/first-admin-invite`, { method: 'POST', body: '{}' }),
        fetch(`${at}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 1 }) }),
        fetch(`${at}/api/echo`, { method: 'POST', body: '{"n":1}' }),
      ])
      for (const response of answers) {
        expect(response.status).toBe(404)
        expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      }
      expect(await adminDb(harness.store).invitations.count({})).toBe(0)
      expect((await fetch(`${at}/api/health`)).status).toBe(200)
    } finally {
      await new Promise((resolve) => plain.close(resolve))
    }
  })

  // #14 item 2: security headers on every answer; the page's policy fits the h5 build.
  it('sends security headers on every answer, and a page policy that allows its own inline script by hash', async () => {
    const answers = [
      await fetch(`${base}/`),
      await fetch(`${base}/pages/me/index`),
      await fetch(`${base}/api/health`),
      await fetch(`${base}/api/unknown`),
      await fetch(`${base}/js/missing.js`),
      await post('member', '{', await login('worker')),
      await post('%ff', '{}'),
    ]
    for (const response of answers) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    }
    const page = answers[0].headers.get('content-security-policy') ?? ''
    const hash = createHash('sha256').update(INLINE).digest('base64')
    expect(page).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'(;|$)`))
    expect(page).not.toContain('unsafe-eval')
    expect(page).toMatch(/default-src 'self'/)
    expect(answers[2].headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
  })
})

/** #18 item 7: the tile source reaches the page in its HTML, and the page's img-src allows exactly its origins. */
describe('the page with a web map tile source', () => {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'web-tiles-'))
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>')
  const source = { url: 'https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}&k="<a>', subdomains: ['1', '2'], attribution: '© 高德地图 & "引号"' }

  async function page(mapTiles: typeof source | null) {
    const harness = await cloudHarness()
    const app = createApp({ store: harness.store, clock: harness.clock, secrets: SECRETS, sessionTtlMs: 3600_000, maxBodyBytes: 2048, webRoot, mapTiles })
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
    try {
      const response = await fetch(`http://127.0.0.1:${(app.address() as AddressInfo).port}/`)
      return { policy: response.headers.get('content-security-policy') ?? '', html: await response.text() }
    } finally {
      await new Promise((resolve) => app.close(resolve))
      await harness.store.close()
    }
  }
  const imgSrc = (policy: string) => /(?:^|; )img-src ([^;]*)/.exec(policy)?.[1]

  it('configured: the page carries the source (escaped) and may load images from its two hosts only', async () => {
    const { policy, html } = await page(source)
    expect(imgSrc(policy)).toBe("'self' data: blob: https://webrd01.is.autonavi.com https://webrd02.is.autonavi.com")
    const meta = /<meta name="union-map-tiles" content="([^"]*)">/.exec(html)
    expect(meta).not.toBeNull()
    expect(html).not.toContain('"<a>')
    const decoded = (meta?.[1] ?? '').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    expect(JSON.parse(decoded)).toEqual(source)
  })

  it('none: the page is served as built and loads images from itself only', async () => {
    const { policy, html } = await page(null)
    expect(imgSrc(policy)).toBe("'self' data: blob:")
    expect(html).toBe('<!doctype html><html><head><title>t</title></head><body></body></html>')
  })
})
