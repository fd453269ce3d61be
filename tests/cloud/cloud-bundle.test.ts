/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { functions } from '../../cloud/functions'
import { memberHandlers } from '../../cloud/functions/member'
import { benefitsHandlers } from '../../cloud/functions/benefits'
import { adminHandlers } from '../../cloud/functions/admin'
import { createWxMain, operatorAction, timerAction, withoutPlatformFields, type WxServerSdk } from '../../cloud/entry/wx'
import type { WxCollection, WxCommand, WxDatabase, WxQuery } from '../../cloud/lib/store/wx'
import { buildCloud, type BuiltFunction } from '../../scripts/build-cloud'
import { randomSecrets } from '../../cloud/lib/secrets'

/**
 * The deployable bundles: built into a temporary folder outside the repository, so that Node cannot
 * find the project's node_modules from there: a bundle that loads proves it carries everything it
 * needs except wx-server-sdk, which the WeChat cloud installs on deploy.
 */
describe('cloud function bundles', () => {
  let outDir: string
  let built: BuiltFunction[]

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'cloudfunctions-'))
    built = await buildCloud(outDir)
  }, 60_000)

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true })
  })

  it('builds one folder per cloud function', () => {
    expect(built.map((fn) => fn.name).sort()).toEqual(Object.keys(functions).sort())
  })

  it.each(Object.keys(functions))('%s: deploys with wx-server-sdk and loads without it', (name) => {
    const dir = path.join(outDir, name)
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: { 'wx-server-sdk': expect.stringMatching(/^[~^]?\d+\.\d+\.\d+$/) } })
    // Without this declaration WeChat refuses cloud.openapi calls (subscribe messages, 小程序码).
    // Daily jobs become timer triggers named after their action (WeChat's seven-field cron).
    const jobs: Record<string, unknown> = {
      benefits: { triggers: [{ name: 'remindExpiring', type: 'timer', config: '0 0 9 * * * *' }] },
      aid: { triggers: [{ name: 'purgeExports', type: 'timer', config: '0 0 3 * * * *' }] },
      member: { triggers: [{ name: 'lapseApplications', type: 'timer', config: '0 0 4 * * * *' }] },
      review: { triggers: [{ name: 'sendDigest', type: 'timer', config: '0 0 8 * * * *' }] },
    }
    const triggers = jobs[name] ?? {}
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ permissions: { openapi: ['subscribeMessage.send', 'wxacode.getUnlimited'] }, ...triggers })

    const source = readFileSync(path.join(dir, 'index.js'), 'utf8')
    // Only Node built-ins and wx-server-sdk are left to require; valibot and the domain are inside.
    const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
    expect(required.filter((id) => !id.startsWith('node:') && id !== 'wx-server-sdk')).toEqual([])

    // A plain Node process, as in the WeChat cloud, running from the temporary folder.
    const probe = `
      const out = {}
      try { const m = require(process.argv[1]); out.exports = Object.keys(m); out.mainType = typeof m.main }
      catch (e) { out.loadError = String(e && e.message); process.stdout.write(JSON.stringify(out)); process.exit(0) }
      require(process.argv[1]).main({ action: 'nope', data: {} }, {}).then(
        (r) => { out.resolved = r }, (e) => { out.rejected = String(e && e.message) }
      ).finally(() => process.stdout.write(JSON.stringify(out)))`
    const run = spawnSync(process.execPath, ['-e', probe, path.join(dir, 'index.js')], { cwd: outDir, encoding: 'utf8', timeout: 20_000 })
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out.loadError).toBeUndefined()
    expect(out.mainType).toBe('function')
    expect(out.exports).toContain('main')
    // The SDK is required on the first call, not on load: here it is absent, so the call rejects.
    expect(out.resolved).toBeUndefined()
    expect(out.rejected).toMatch(/wx-server-sdk/)
  })
})

/**
 * The entry itself, with a stand-in for wx-server-sdk: WeChat's servers (the SDK's database and the
 * platform-set caller context) cannot run here, so the stand-in database is a tiny in-memory one that
 * answers equality (and `exists`) queries only, enough for member.profile.
 */
type Row = Record<string, unknown>

function fakeDatabase(tables: Record<string, Row[]>): WxDatabase {
  const unsupported = (what: string) => () => {
    throw new Error(`fake database: ${what} is not supported`)
  }
  // `exists` too: a person's roles are those not ended (`endedAt` absent).
  const EXISTS = Symbol('exists')
  const command = {
    ...Object.fromEntries(['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'and', 'inc', 'remove'].map((op) => [op, unsupported(`command.${op}`)])),
    exists: (present: boolean) => ({ [EXISTS]: present }),
  } as unknown as WxCommand
  function query(rows: Row[], filter: Row = {}, limit = 100): WxQuery {
    const matching = () =>
      rows.filter((row) =>
        Object.entries(filter).every(([field, value]) => {
          if (value !== null && typeof value === 'object' && EXISTS in value) return (row[field] !== undefined) === (value as Record<symbol, boolean>)[EXISTS]
          if (value !== null && typeof value === 'object') throw new Error('fake database: operators other than exists are not supported')
          return row[field] === value
        }),
      )
    return {
      where: (q) => query(rows, { ...filter, ...q }, limit),
      orderBy: () => query(rows, filter, limit),
      skip: unsupported('skip'),
      field: unsupported('field'),
      limit: (n) => query(rows, filter, n),
      get: async () => ({ data: matching().slice(0, limit) }),
      count: async () => ({ total: matching().length }),
      update: unsupported('update'),
      remove: unsupported('remove'),
    }
  }
  return {
    command,
    Geo: { Point: unsupported('Geo.Point'), MultiPoint: unsupported('Geo.MultiPoint') },
    collection: (name) => ({ ...query(tables[name] ?? []), doc: unsupported('doc'), add: unsupported('add'), aggregate: unsupported('aggregate') }) as WxCollection,
  }
}

const unreachable = (): never => {
  throw new Error('not expected in this test')
}

function fakeSdk(openid: string | undefined, tables: Record<string, Row[]> = {}) {
  const DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV')
  const sdk = {
    DYNAMIC_CURRENT_ENV,
    init: jest.fn(),
    database: jest.fn(() => fakeDatabase(tables)),
    getWXContext: jest.fn(() => ({ OPENID: openid, APPID: 'wx0000000000000000' })),
    // WeChat's open API and cloud storage: these member actions never reach them.
    openapi: { subscribeMessage: { send: jest.fn(unreachable) }, wxacode: { getUnlimited: jest.fn(unreachable) } },
    uploadFile: jest.fn(unreachable),
    downloadFile: jest.fn(unreachable),
    getTempFileURL: jest.fn(unreachable),
    deleteFile: jest.fn(unreachable),
  } satisfies WxServerSdk
  return sdk
}

const people = [
  { _id: 'o-real', displayName: '真实用户', createdAt: '2026-01-01T00:00:00.000Z' },
  { _id: 'o-forged', displayName: '冒充者', createdAt: '2026-01-01T00:00:00.000Z' },
]
const forgedRoles = [{ _id: 'r1', openid: 'o-forged', kind: 'merchant_staff', merchantId: 'm1' }]
const merchants = [{ _id: 'm1', name: '某商户' }]

describe('createWxMain (the deployed entry)', () => {
  it('loads and initialises wx-server-sdk once, on the first call, in the current environment', async () => {
    const sdk = fakeSdk('o-real', { people })
    const loadSdk = jest.fn(() => sdk)
    const main = createWxMain('member', memberHandlers, loadSdk, randomSecrets)
    expect(loadSdk).not.toHaveBeenCalled()

    await main({ action: 'profile', data: {} }, {})
    await main({ action: 'profile', data: {} }, {})
    expect(loadSdk).toHaveBeenCalledTimes(1)
    expect(sdk.init).toHaveBeenCalledTimes(1)
    expect(sdk.init).toHaveBeenCalledWith({ env: sdk.DYNAMIC_CURRENT_ENV })
    expect(sdk.database).toHaveBeenCalledTimes(1)
    expect(sdk.getWXContext).toHaveBeenCalledTimes(2)
  })

  it('takes the caller from getWXContext, never from the event', async () => {
    const main = createWxMain('member', memberHandlers, () => fakeSdk('o-real', { people, roles: forgedRoles, merchants }), randomSecrets)
    const result = await main(
      { action: 'profile', data: {}, openid: 'o-forged', OPENID: 'o-forged', userInfo: { openId: 'o-forged', appId: 'wx0000000000000000' } },
      {},
    )
    expect(result).toEqual({ ok: true, data: { displayName: '真实用户', roles: [], held: [], membership: null, privacyAgreedVersion: null } })
  })

  it('treats an empty OPENID as anonymous, whatever the event claims', async () => {
    for (const openid of ['', undefined]) {
      const main = createWxMain('member', memberHandlers, () => fakeSdk(openid, { people }), randomSecrets)
      const result = await main({ action: 'profile', data: {}, openid: 'o-forged', userInfo: { openId: 'o-forged', appId: 'wx' } }, {})
      expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    }
  })

  it('answers an unknown action with UNKNOWN_ACTION', async () => {
    const main = createWxMain('member', memberHandlers, () => fakeSdk('o-real'), randomSecrets)
    expect(await main({ action: 'nope', data: {} }, {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_ACTION', message: expect.stringContaining('member.nope') },
    })
    expect(await main('not an event', {})).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } })
  })

  it('answers INTERNAL to an unexpected failure and logs its stack', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const sdk = fakeSdk('o-real')
      sdk.database.mockImplementation(() => ({ ...fakeDatabase({}), collection: () => { throw new Error('database down') } }))
      const main = createWxMain('member', memberHandlers, () => sdk, randomSecrets)
      expect(await main({ action: 'profile', data: {} }, {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
      expect(log).toHaveBeenCalledWith('cloud member failed', expect.stringContaining('database down'))
    } finally {
      log.mockRestore()
    }
  })

  it('removes the platform-injected userInfo from the event', () => {
    const event = { action: 'profile', data: { a: 1 }, userInfo: { openId: 'x', appId: 'wx' } }
    expect(withoutPlatformFields(event)).toEqual({ action: 'profile', data: { a: 1 } })
    expect(event.userInfo).toBeDefined() // the caller's object is not mutated
    expect(withoutPlatformFields(null)).toBeNull()
    expect(withoutPlatformFields('x')).toBe('x')
  })

  it('runs a timer trigger as its named system action, and only when no person is behind the call', async () => {
    const remindExpiring = jest.fn(async () => ({ reminded: 7 }))
    const handlers = { ...benefitsHandlers, remindExpiring }
    const tick = { Type: 'Timer', TriggerName: 'remindExpiring', Time: '2026-11-24T01:00:00Z' }
    expect(await createWxMain('benefits', handlers, () => fakeSdk(undefined), randomSecrets)(tick, {})).toEqual({ ok: true, data: { reminded: 7 } })
    expect(remindExpiring).toHaveBeenCalledTimes(1)
    // A person's call shaped like a tick, or naming the action itself, never runs it.
    const asPerson = createWxMain('benefits', handlers, () => fakeSdk('o-real'), randomSecrets)
    expect(await asPerson(tick, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await asPerson({ action: 'remindExpiring', data: {} }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    expect(await createWxMain('benefits', handlers, () => fakeSdk(undefined), randomSecrets)({ action: 'remindExpiring', data: {} }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    // A tick naming an action that is not a system one does nothing either.
    expect(await createWxMain('benefits', handlers, () => fakeSdk(undefined), randomSecrets)({ ...tick, TriggerName: 'list' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    expect(remindExpiring).toHaveBeenCalledTimes(1)
    expect(timerAction({ Type: 'timer', TriggerName: 'x' })).toBe('x')
    expect(timerAction({ Type: 'http', TriggerName: 'x' })).toBeNull()
  })

  it("runs the operator's management-API call as its named system action, and only when no person is behind it", async () => {
    const invitation = { expiresAt: '2026-11-24T08:00:00.000Z', scene: 'x'.repeat(32), weappPage: 'features/admin/pages/invite/index' as const, webPath: '/#/…', codePng: null }
    const firstAdminInvite = jest.fn(async (_input: { force: boolean }) => ({ invitation }))
    const handlers = { ...adminHandlers, firstAdminInvite }
    const deploy = { operator: 'firstAdminInvite', data: { force: true } }
    const anonymous = () => createWxMain('admin', handlers, () => fakeSdk(undefined), randomSecrets)
    expect(await anonymous()(deploy, {})).toEqual({ ok: true, data: { invitation } })
    expect(firstAdminInvite).toHaveBeenCalledTimes(1)
    expect(firstAdminInvite.mock.calls[0][0]).toEqual({ force: true })
    // Without data the input's default applies; with bad data the contract refuses it.
    expect(await anonymous()({ operator: 'firstAdminInvite' }, {})).toMatchObject({ ok: true })
    expect(firstAdminInvite.mock.calls[1][0]).toEqual({ force: false })
    expect(await anonymous()({ operator: 'firstAdminInvite', data: { force: 'yes' } }, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    // A person's call naming the operator, or the action itself, never runs it.
    const asPerson = createWxMain('admin', handlers, () => fakeSdk('o-real'), randomSecrets)
    expect(await asPerson(deploy, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await asPerson({ ...deploy, action: 'firstAdminInvite' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    // Nor does a call without a person that names it as an ordinary action.
    expect(await anonymous()({ action: 'firstAdminInvite', data: { force: true } }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    // The operator runs system actions only: a person's action named as the operator is no action.
    expect(await anonymous()({ operator: 'acceptInvitation', data: { token: 'x'.repeat(32) } }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    expect(firstAdminInvite).toHaveBeenCalledTimes(2)

    expect(operatorAction({ operator: 'firstAdminInvite', data: { force: false } })).toEqual({ action: 'firstAdminInvite', data: { force: false } })
    expect(operatorAction({ operator: 'firstAdminInvite' })).toEqual({ action: 'firstAdminInvite', data: {} })
    for (const notOperator of [{ operator: '' }, { operator: 7 }, { action: 'x' }, null, 'operator', ['firstAdminInvite']]) expect(operatorAction(notOperator)).toBeNull()
  })
})
