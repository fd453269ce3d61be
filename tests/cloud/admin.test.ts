import * as v from 'valibot'
import { adminDb, type InvitationDoc } from '../../cloud/features/admin/collections'
import { invitationId, roleIdOf } from '../../cloud/features/admin/invitations'
import { functions } from '../../cloud/functions'
import { collections, type AuditDoc, type RoleDoc, type UnionDoc } from '../../cloud/lib/collections'
import { dispatch } from '../../cloud/lib/dispatch'
import type { WechatServices } from '../../cloud/lib/wechat'
import { INVITE_PAGE } from '../../domain/admin/invite'
import { contract, type InvitationLink } from '../../domain/contract'
import { ERROR_MESSAGES } from '../../domain/errors'
import { cloudHarness } from '../helpers/cloud'
import { data } from '../helpers/benefits'
import { wechatStub } from '../helpers/wx-fake'
import { deploySchema, describeOn } from '../helpers/store'
import { createWxMain, type WxServerSdk } from '../../cloud/entry/wx'
import { createWxStore } from '../../cloud/lib/store/wx'
import { fixedClock } from '../../cloud/lib/clock'
import { randomSecrets } from '../../cloud/lib/secrets'
import { seedDemo } from '../../server/seed/demo'

/**
 * The first administrator's invitation (admin.firstAdminInvite, run as the platform: the deploy's
 * management-API call, here the dispatcher with the timer flag as the entry sets it) and accepting
 * an invitation (admin.invitation, admin.acceptInvitation), on both stores.
 */
const HOUR = 3600 * 1000
const START = '2026-11-23T08:00:00.000Z'
const ROOT_ROLE = { kind: 'union_staff', union: { id: 'nmg', name: '内蒙古自治区总工会', level: 'province' } }

async function setup(options: { wechat?: WechatServices; logError?: (message: string, error: unknown) => void } = {}) {
  const h = await cloudHarness(START, options)
  const invite = async (force = false) => {
    const result = await dispatch('admin', functions.admin, { action: 'firstAdminInvite', data: { force } }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat: options.wechat, logError: options.logError })
    return data(result as never) as { invitation: InvitationLink | null }
  }
  const newInvitation = async (force = false) => {
    const { invitation } = await invite(force)
    if (!invitation) throw new Error('expected an invitation')
    return invitation
  }
  const view = (who: string | null, token: string) => h.callAs(who, 'admin', 'invitation', { token })
  const accept = (who: string | null, token: string) => h.callAs(who, 'admin', 'acceptInvitation', { token })
  const db = collections(h.store)
  const invitations = adminDb(h.store).invitations
  /** Everything accepting can touch: any change shows up here. */
  const snapshot = async () => ({
    invitations: await invitations.find({}, { limit: 1000, sort: { _id: 1 } }),
    roles: await db.roles.find({}, { limit: 1000, sort: { _id: 1 } }),
    audit: await db.audit.find({}, { limit: 1000, sort: { _id: 1 } }),
  })
  return { ...h, invite, newInvitation, view, accept, db, invitations, snapshot }
}

const profileRoles = async (h: Awaited<ReturnType<typeof setup>>, who: string) => (data((await h.callAs(who, 'member', 'profile', {})) as never) as { roles: unknown[] }).roles

describe('admin.firstAdminInvite (the deploy asks for the first administrator)', () => {
  it('creates an invitation the first time, none the second, another with force', async () => {
    const h = await setup()
    const first = await h.newInvitation()
    expect(v.safeParse(contract.admin.firstAdminInvite.output, { invitation: first }).success).toBe(true)
    expect(first).toEqual({
      expiresAt: new Date(Date.parse(START) + 24 * HOUR).toISOString(),
      scene: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      weappPage: 'features/admin/pages/invite/index',
      webPath: `/#/features/admin/pages/invite/index?token=${first.scene}`,
      codePng: null,
    })
    expect(await h.invite()).toEqual({ invitation: null })
    expect(await h.invite(false)).toEqual({ invitation: null })

    const forced = await h.newInvitation(true)
    expect(forced.scene).not.toBe(first.scene)
    // Both are open: the forced one does not cancel the first.
    expect(await h.invitations.count({ status: 'open' })).toBe(2)
    for (const { scene } of [first, forced]) expect(data((await h.view('demo-worker', scene)) as never)).toMatchObject({ status: 'open', usable: true })
  })

  it('keeps only a keyed hash of the token, and audits the creation as the system', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    const [stored] = await h.invitations.find({}, { limit: 10 })
    expect(stored).toEqual<InvitationDoc>({
      _id: invitationId(h.secrets, scene),
      grant: { kind: 'union_staff', unionId: 'nmg' },
      unionPath: ['nmg'],
      invitedBy: 'system',
      status: 'open',
      createdAt: START,
      expiresAt: '2026-11-24T08:00:00.000Z',
      acceptedBy: null,
      acceptedAt: null,
    })
    expect(stored._id).toMatch(/^[0-9a-f]{64}$/)
    const audit = await h.db.audit.find({ 'target.id': stored._id }, { limit: 10 })
    expect(audit).toEqual([expect.objectContaining({ actor: 'system', action: 'admin.invite', target: { collection: 'invitations', id: stored._id }, before: null })])
    // The token is nowhere in the database.
    expect(JSON.stringify(await h.snapshot())).not.toContain(scene)
  })

  it('answers null while the root union has a clerk, whether or not an invitation is open', async () => {
    const h = await setup()
    await h.db.roles.insert({ _id: 'role-root', openid: 'someone', kind: 'union_staff', unionId: 'nmg' })
    expect(await h.invite()).toEqual({ invitation: null })
    h.clock.advance(48 * HOUR)
    expect(await h.invite()).toEqual({ invitation: null })
    expect(await h.invitations.count({})).toBe(0)
    // Clerks of other unions (the demo's) are not the root's: they never stopped it.
    expect((await h.newInvitation(true)).scene).toHaveLength(32)
  })

  it('makes a new one once the open invitation has expired unused', async () => {
    const h = await setup()
    await h.newInvitation()
    h.clock.advance(24 * HOUR - 1)
    expect(await h.invite()).toEqual({ invitation: null })
    h.clock.advance(1)
    const next = await h.newInvitation()
    expect(data((await h.view('demo-worker', next.scene)) as never)).toMatchObject({ status: 'open' })
  })

  it('answers a clear error when there is no root union, or more than one', async () => {
    const h = await setup()
    const unions = h.db.unions
    const second: UnionDoc = { _id: 'other-root', name: '另一个顶级工会（演示）', level: 'province', parentId: null, ancestors: [], regionCode: '140000', status: 'active', terms: [] }
    await unions.insert(second)
    const several = await h.callAs(null, 'admin', 'firstAdminInvite', {}) // a person (or nobody) over HTTP: no such action
    expect(several).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    const twoRoots = await dispatch('admin', functions.admin, { action: 'firstAdminInvite', data: { force: false } }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets })
    expect(twoRoots).toEqual({ ok: false, error: { code: 'INVITE_ROOT_UNCLEAR', message: expect.stringContaining('不止一个') } })
    expect(JSON.stringify(twoRoots)).toContain('内蒙古自治区总工会')

    await unions.remove({ _id: 'other-root' })
    await unions.update({ _id: 'nmg' }, { set: { parentId: 'nowhere' } })
    const none = await dispatch('admin', functions.admin, { action: 'firstAdminInvite', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets })
    expect(none).toEqual({ ok: false, error: { code: 'INVITE_ROOT_UNCLEAR', message: expect.stringContaining('请先导入工会组织') } })
    expect(await h.invitations.count({})).toBe(0)
  })

  it('in WeChat answers the 小程序码 of the invitation page with the token as scene', async () => {
    const asked: Array<[string, string]> = []
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    const h = await setup({ wechat: wechatStub({ unlimitedCode: async (page, scene) => (asked.push([page, scene]), png) }) })
    const invitation = await h.newInvitation()
    expect(asked).toEqual([[INVITE_PAGE, invitation.scene]])
    expect(invitation.codePng).toBe(png.toString('base64'))
  })

  it('in WeChat keeps the invitation when the 小程序码 is refused, and says so in the log', async () => {
    const logged: string[] = []
    const h = await setup({ wechat: wechatStub({ unlimitedCode: async () => Promise.reject(Object.assign(new Error('invalid page'), { errCode: 41030 })) }), logError: (m) => logged.push(m) })
    const invitation = await h.newInvitation()
    expect(invitation.codePng).toBeNull()
    expect(logged).toEqual([expect.stringContaining('wxacode.getUnlimited')])
    expect(data((await h.accept('demo-worker', invitation.scene)) as never)).toEqual({ role: ROOT_ROLE })
  })

  it('is no action for a person, signed in or not', async () => {
    const h = await setup()
    for (const who of ['demo-city-clerk', 'demo-worker', null]) {
      expect(await h.callAs(who, 'admin', 'firstAdminInvite', { force: true })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    }
    expect(await h.invitations.count({})).toBe(0)
  })
})

describe('admin.invitation and admin.acceptInvitation', () => {
  it('shows what the token grants, then accepting makes the caller a clerk of the root union', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    const before = await h.snapshot()
    const view = data((await h.view('demo-worker', scene)) as never)
    expect(v.safeParse(contract.admin.invitation.output, view).success).toBe(true)
    expect(view).toEqual({ grants: ROOT_ROLE, unionPath: ['内蒙古自治区总工会'], expiresAt: '2026-11-24T08:00:00.000Z', status: 'open', usable: true })
    // Looking changes nothing.
    expect(await h.snapshot()).toEqual(before)
    expect(await profileRoles(h, 'demo-worker')).toEqual([])

    h.clock.advance(HOUR)
    const accepted = await h.accept('demo-worker', scene)
    expect(accepted).toEqual({ ok: true, data: { role: ROOT_ROLE } })
    expect(await profileRoles(h, 'demo-worker')).toEqual([ROOT_ROLE])

    const id = invitationId(h.secrets, scene)
    expect(await h.invitations.get(id)).toMatchObject({ status: 'accepted', acceptedBy: 'demo-worker', acceptedAt: '2026-11-23T09:00:00.000Z' })
    expect(await h.db.roles.get(roleIdOf(id))).toEqual<RoleDoc>({
      _id: roleIdOf(id),
      openid: 'demo-worker',
      kind: 'union_staff',
      unionId: 'nmg',
      unionPath: ['nmg'],
      grantedBy: 'system',
      grantedAt: '2026-11-23T09:00:00.000Z',
      invitationId: id,
    })
    const audit = await h.db.audit.find({ 'target.id': id, action: 'admin.acceptInvitation' }, { limit: 10 })
    expect(audit).toEqual([expect.objectContaining<Partial<AuditDoc>>({ actor: 'demo-worker', before: { status: 'open' }, after: expect.objectContaining({ status: 'accepted', roleId: roleIdOf(id) }) })])
    // The new clerk's staff pages open: the whole tree is theirs.
    expect(await h.callAs('demo-worker', 'review', 'queue', {})).toMatchObject({ ok: true })
    // And the deploy, run again, prints no invitation.
    expect(await h.invite()).toEqual({ invitation: null })
    expect(data((await h.view('demo-worker', scene)) as never)).toMatchObject({ status: 'accepted', usable: false })
  })

  it('refuses a second accept, by the same person or another, and changes nothing', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    data((await h.accept('demo-worker', scene)) as never)
    const before = await h.snapshot()

    expect(await h.accept('demo-worker', scene)).toEqual({ ok: false, error: { code: 'INVITE_ACCEPTED', message: ERROR_MESSAGES.INVITE_ACCEPTED } })
    const other = await h.accept('demo-member', scene)
    expect(other).toEqual({ ok: false, error: { code: 'INVITE_USED', message: ERROR_MESSAGES.INVITE_USED } })
    expect(await h.snapshot()).toEqual(before)
    expect(await profileRoles(h, 'demo-member')).toEqual([])

    // The other person learns it is used, never by whom or when.
    const seen = await h.view('demo-member', scene)
    expect(seen).toEqual({ ok: true, data: { grants: ROOT_ROLE, unionPath: ['内蒙古自治区总工会'], expiresAt: '2026-11-24T08:00:00.000Z', status: 'used', usable: false } })
    for (const answer of [other, seen]) expect(JSON.stringify(answer)).not.toMatch(/demo-worker|王小骑|acceptedAt|2026-11-23T08/)
  })

  it('refuses an expired invitation and changes nothing', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    h.clock.advance(24 * HOUR)
    const before = await h.snapshot()
    expect(await h.accept('demo-worker', scene)).toEqual({ ok: false, error: { code: 'INVITE_EXPIRED', message: ERROR_MESSAGES.INVITE_EXPIRED } })
    expect(data((await h.view('demo-worker', scene)) as never)).toMatchObject({ status: 'expired', usable: false })
    expect(await h.snapshot()).toEqual(before)
    expect(await profileRoles(h, 'demo-worker')).toEqual([])
  })

  it('refuses an unknown or malformed token, and a caller who is not signed in', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    const before = await h.snapshot()
    const unknown = 'A'.repeat(32)
    for (const call of [h.view, h.accept]) {
      expect(await call('demo-worker', unknown)).toEqual({ ok: false, error: { code: 'INVITE_NOT_FOUND', message: ERROR_MESSAGES.INVITE_NOT_FOUND } })
      expect(await call('demo-worker', 'short')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { token: expect.stringContaining('邀请码') } } })
      expect(await call('demo-worker', `${scene.slice(0, 31)}%`)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(await call(null, scene)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
    // One character off is another, unknown token.
    expect(await h.accept('demo-worker', scene.replace(/^./, (c) => (c === 'x' ? 'y' : 'x')))).toMatchObject({ ok: false, error: { code: 'INVITE_NOT_FOUND' } })
    expect(await h.snapshot()).toEqual(before)
  })

  it('finishes an accept interrupted between its two writes for the same person, and only for them', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    const id = invitationId(h.secrets, scene)
    // The crash: the invitation was taken by demo-worker, then the function died before the role.
    expect(await h.invitations.update({ _id: id, status: 'open' }, { set: { status: 'accepted', acceptedBy: 'demo-worker', acceptedAt: START } })).toBe(1)
    const crashed = await h.snapshot()

    expect(await h.accept('demo-member', scene)).toMatchObject({ ok: false, error: { code: 'INVITE_USED' } })
    expect(data((await h.view('demo-member', scene)) as never)).toMatchObject({ status: 'used', usable: false })
    expect(await h.snapshot()).toEqual(crashed)

    expect(data((await h.view('demo-worker', scene)) as never)).toMatchObject({ status: 'unfinished', usable: true })
    h.clock.advance(2 * HOUR)
    expect(await h.accept('demo-worker', scene)).toEqual({ ok: true, data: { role: ROOT_ROLE } })
    expect(await profileRoles(h, 'demo-worker')).toEqual([ROOT_ROLE])
    // The role is dated from the acceptance, and the acceptance is audited once.
    expect(await h.db.roles.get(roleIdOf(id))).toMatchObject({ openid: 'demo-worker', grantedAt: START })
    expect(await h.db.audit.count({ 'target.id': id, action: 'admin.acceptInvitation' })).toBe(1)
    // Finished: now a repeat is refused, and changes nothing.
    const done = await h.snapshot()
    expect(await h.accept('demo-worker', scene)).toMatchObject({ ok: false, error: { code: 'INVITE_ACCEPTED' } })
    expect(await h.snapshot()).toEqual(done)
  })

  it('finishes an accept interrupted after its audit entry without recording it twice', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    data((await h.accept('demo-worker', scene)) as never)
    const id = invitationId(h.secrets, scene)
    // As if the function had died after the audit entry, before the role.
    expect(await h.db.roles.remove({ _id: roleIdOf(id) })).toBe(1)
    expect(await h.accept('demo-worker', scene)).toEqual({ ok: true, data: { role: ROOT_ROLE } })
    expect(await h.db.roles.count({ openid: 'demo-worker' })).toBe(1)
    expect(await h.db.audit.count({ 'target.id': id, action: 'admin.acceptInvitation' })).toBe(1)
  })

  it('of many people accepting at once, exactly one gets the role', async () => {
    const h = await setup()
    const { scene } = await h.newInvitation()
    const people = ['demo-worker', 'demo-member', 'demo-merchant', 'demo-clerk', 'demo-hm-clerk', 'p-6', 'p-7', 'p-8']
    const results = await Promise.all(people.map((who) => h.accept(who, scene)))
    const winners = results.filter((r) => r.ok)
    expect(winners).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(people.length - 1).fill('INVITE_USED'))
    expect(await h.db.roles.count({ kind: 'union_staff', unionId: 'nmg' })).toBe(1)
  })

  it('a person who already holds the role leaves the invitation open for someone else', async () => {
    const h = await setup()
    const first = await h.newInvitation()
    data((await h.accept('demo-worker', first.scene)) as never)
    const second = await h.newInvitation(true)
    expect(data((await h.view('demo-worker', second.scene)) as never)).toMatchObject({ status: 'held', usable: false })
    const before = await h.snapshot()
    expect(await h.accept('demo-worker', second.scene)).toMatchObject({ ok: false, error: { code: 'INVITE_ROLE_HELD' } })
    expect(await h.snapshot()).toEqual(before)
    expect(await h.accept('demo-member', second.scene)).toEqual({ ok: true, data: { role: ROOT_ROLE } })
    expect(await h.db.roles.count({ kind: 'union_staff', unionId: 'nmg' })).toBe(2)
  })
})

describeOn('wx', "the deployed entry runs on WeChat's database client", () => {
  it("the deploy's call through the entry makes the invitation and its 小程序码; a person's call through it accepts", async () => {
    const { standInCloudDatabase } = await import('../stand-ins/cloudbase-db/hook')
    const { server, db } = standInCloudDatabase()
    deploySchema(server)
    await seedDemo(createWxStore(db), fixedClock(START))
    const secrets = randomSecrets()
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 9])
    const getUnlimited = jest.fn(async (_options: { scene: string; page: string; checkPath: boolean; envVersion: string }) => ({ buffer: png }))
    const unreachable = async (): Promise<never> => {
      throw new Error('not expected in this test')
    }
    const sdkAs = (openid: string | undefined): WxServerSdk => ({
      DYNAMIC_CURRENT_ENV: Symbol('env'),
      init: () => undefined,
      database: () => db,
      getWXContext: () => ({ OPENID: openid }),
      openapi: { subscribeMessage: { send: unreachable }, wxacode: { getUnlimited } },
      uploadFile: unreachable,
      downloadFile: unreachable,
      getTempFileURL: unreachable,
      deleteFile: unreachable,
    })
    const deploy = createWxMain('admin', functions.admin, () => sdkAs(undefined), () => secrets, {} as NodeJS.ProcessEnv)
    const first = (await deploy({ operator: 'firstAdminInvite', data: { force: false } }, {})) as { ok: true; data: { invitation: InvitationLink } }
    expect(first).toMatchObject({ ok: true, data: { invitation: { weappPage: INVITE_PAGE, codePng: png.toString('base64') } } })
    const { scene } = first.data.invitation
    expect(getUnlimited).toHaveBeenCalledWith({ scene, page: INVITE_PAGE, checkPath: false, envVersion: 'release', width: 430 })
    expect(await deploy({ operator: 'firstAdminInvite', data: { force: false } }, {})).toEqual({ ok: true, data: { invitation: null } })

    const person = createWxMain('admin', functions.admin, () => sdkAs('o-first-admin'), () => secrets, {} as NodeJS.ProcessEnv)
    // The operator field from a person is no operator.
    expect(await person({ operator: 'firstAdminInvite', data: { force: true } }, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await person({ action: 'acceptInvitation', data: { token: scene } }, {})).toEqual({ ok: true, data: { role: ROOT_ROLE } })
    const profile = await createWxMain('member', functions.member, () => sdkAs('o-first-admin'), () => secrets, {} as NodeJS.ProcessEnv)({ action: 'profile', data: {} }, {})
    expect(profile).toMatchObject({ ok: true, data: { roles: [ROOT_ROLE] } })
    expect(getUnlimited).toHaveBeenCalledTimes(1)
  })
})
