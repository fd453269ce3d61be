import { SCHEDULE } from '../../cloud/functions/schedule'
import { SCHEMA } from '../../cloud/functions/schema'
import { functionSettings, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS } from '../../cloud/functions/settings'
import { desiredState, FUNCTION_VARIABLES, scheduleTriggers, schemaCollections } from '../../scripts/deploy/desired'
import { EMPTY_STATE, planDeploy, type CurrentState, type Step } from '../../scripts/deploy/plan'
import { formatInvitation, formatPlan } from '../../scripts/deploy/render'
import { DATABASE_ACL, STORAGE_RULE } from '../../scripts/deploy/rules'
import { desiredFor, fakeHash, FUNCTION_NAMES, localVariables, stateOf, WITH_ADMIN, WITHOUT_ADMIN } from './fixtures'

const ofKind = <K extends Step['kind']>(steps: Step[], kind: K) => steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind)

describe('the plan against an empty environment', () => {
  const variables = localVariables()
  const desired = desiredFor({ variables })
  const plan = planDeploy(desired, EMPTY_STATE)

  it('creates every collection of SCHEMA, each closed to clients right after it is made', () => {
    const created = ofKind(plan.steps, 'createCollection').map((s) => s.collection)
    expect(created.sort()).toEqual(Object.keys(SCHEMA).sort())
    for (const name of Object.keys(SCHEMA)) {
      const at = plan.steps.findIndex((s) => s.kind === 'createCollection' && s.collection === name)
      expect(plan.steps[at + 1]).toEqual({ kind: 'setDatabaseAcl', collection: name, acl: 'ADMINONLY', was: null })
    }
  })

  it('creates every index SCHEMA declares, unique and geo ones marked, after its collection', () => {
    const created = ofKind(plan.steps, 'createIndex')
    let count = 0
    for (const [collection, specs] of Object.entries(SCHEMA)) {
      for (const spec of specs) {
        count++
        const step = created.find((s) => s.collection === collection && s.index.keys.map((k) => k.field).join() === spec.fields.join())
        expect(step).toBeDefined()
        expect(step!.index.unique).toBe(Boolean(spec.unique))
        expect(step!.index.keys.every((k) => k.direction === (spec.geo ? '2dsphere' : '1'))).toBe(true)
        const own = plan.steps.findIndex((s) => s.kind === 'createCollection' && s.collection === collection)
        expect(plan.steps.indexOf(step!)).toBeGreaterThan(own)
      }
    }
    expect(created).toHaveLength(count)
    // The indexes that hold rules, named so a reader can find them in the console.
    expect(created.filter((s) => s.index.unique).map((s) => `${s.collection}.${s.index.name}`)).toEqual(
      expect.arrayContaining(['coupons.limitKey_1', 'coupons.requestKey_1', 'coupons.code_1', 'aidApplications.childKey_1_year_1', 'memberships.openid_1']),
    )
    expect(created.filter((s) => s.index.keys[0].direction === '2dsphere').map((s) => `${s.collection}.${s.index.name}`).sort()).toEqual(['offers.location_2dsphere', 'stations.location_2dsphere'])
  })

  it('sets the storage rule (what it allows whom: tests/deploy/rules.test.ts)', () => {
    expect(ofKind(plan.steps, 'setStorageRule')).toEqual([{ kind: 'setStorageRule', rule: STORAGE_RULE, was: null }])
    expect(STORAGE_RULE.write).toContain('resource.openid == auth.openid')
  })

  it('creates every function with its runtime, timeout, memory, variables and timer', () => {
    const created = ofKind(plan.steps, 'createFunction')
    expect(created.map((s) => s.fn).sort()).toEqual([...FUNCTION_NAMES].sort())
    for (const step of created) {
      const settings = functionSettings(step.fn)
      expect(step).toMatchObject({ runtime: 'Nodejs16.13', handler: 'index.main', timeoutSeconds: settings.timeoutSeconds, memoryMB: settings.memoryMB, codeHash: fakeHash(step.fn), replacesFailed: false })
      expect(step.timeoutSeconds).toBeGreaterThanOrEqual(20)
      expect(step.variables.sort()).toEqual([...FUNCTION_VARIABLES].sort())
      expect(step.notGiven).toEqual([])
    }
    const timers = ofKind(plan.steps, 'createTrigger')
    const byName = (a: { fn: string; name: string }, b: { fn: string; name: string }) => `${a.fn}.${a.name}`.localeCompare(`${b.fn}.${b.name}`)
    expect(timers.map((s) => ({ fn: s.fn, name: s.trigger.name, cron: s.trigger.cron })).sort(byName)).toEqual(SCHEDULE.map((j) => ({ fn: j.fn, name: j.action, cron: j.cron })).sort(byName))
  })

  it('holds names of variables, never their values', () => {
    const text = JSON.stringify(plan) + formatPlan(plan, 'plan')
    for (const value of Object.values(variables)) if (value.length > 4) expect(text).not.toContain(value)
    expect(text).toContain('DATA_KEY')
  })

  it('runs the database first, then functions, then their timers', () => {
    const kinds = plan.steps.map((s) => s.kind)
    const lastDb = Math.max(...['createCollection', 'setDatabaseAcl', 'createIndex', 'setStorageRule'].map((k) => kinds.lastIndexOf(k as Step['kind'])))
    expect(kinds.indexOf('createFunction')).toBeGreaterThan(lastDb)
    expect(kinds.indexOf('createTrigger')).toBeGreaterThan(kinds.lastIndexOf('createFunction'))
    expect(plan.blockers).toEqual([])
  })

  it('prints every collection and index, unique and geo marked, the rules and each function', () => {
    const text = formatPlan(plan, 'Plan')
    for (const [collection, specs] of Object.entries(SCHEMA)) {
      expect(text).toContain(`create collection ${collection}`)
      for (const spec of specs) {
        const line = text.split('\n').find((l) => l.includes(`create index ${collection}.`) && l.includes(` on ${spec.fields.join(' + ')}`))
        expect(line).toBeDefined()
        expect(line!.includes('UNIQUE')).toBe(Boolean(spec.unique))
        expect(line!.includes('GEO')).toBe(Boolean(spec.geo))
      }
    }
    expect(text).toContain(`ADMINONLY`)
    expect(text).toContain(String(STORAGE_RULE.write))
    for (const name of FUNCTION_NAMES) expect(text).toMatch(new RegExp(`create function ${name}: Nodejs16\\.13, timeout ${functionSettings(name).timeoutSeconds} s, memory ${functionSettings(name).memoryMB} MB`))
    expect(text).toContain('create timer benefits.remindExpiring: "0 0 9 * * * *"')
  })
})

describe('the plan against an environment already as wanted', () => {
  it('is empty', () => {
    const desired = desiredFor()
    const plan = planDeploy(desired, stateOf(desired))
    expect(plan.steps).toEqual([])
    expect(plan.blockers).toEqual([])
  })

  it('is empty when the same indexes were made by hand under other names', () => {
    const desired = desiredFor()
    const current = stateOf(desired)
    for (const c of Object.values(current.collections)) c.indexes = c.indexes.map((i) => (i.name === '_id_' ? i : { ...i, name: `hand_${i.name}`, keys: i.keys.map((k) => (i.keys.length === 1 && k.direction === '1' ? { ...k, direction: '-1' } : k)) }))
    expect(planDeploy(desired, current).steps).toEqual([])
  })

  it('keeps variables it was not given, and ones it does not know', () => {
    const desired = desiredFor({ variables: {} })
    const current = stateOf(desiredFor())
    current.functions.member.variables.EXTRA = 'x'
    expect(planDeploy(desired, current).steps).toEqual([])
  })
})

describe('the plan against a partial environment', () => {
  const desired = desiredFor()

  it('lists exactly what is missing: two indexes and an old 3 s timeout', () => {
    const current = stateOf(desired)
    current.collections.coupons.indexes = current.collections.coupons.indexes.filter((i) => i.name !== 'limitKey_1')
    current.collections.stations.indexes = current.collections.stations.indexes.filter((i) => i.name !== 'location_2dsphere')
    current.functions.aid.timeoutSeconds = 3
    const plan = planDeploy(desired, current)
    const limitKey = desired.collections.find((c) => c.name === 'coupons')!.indexes.find((i) => i.name === 'limitKey_1')!
    const geo = desired.collections.find((c) => c.name === 'stations')!.indexes.find((i) => i.name === 'location_2dsphere')!
    expect(plan.steps).toEqual([
      { kind: 'createIndex', collection: 'coupons', index: limitKey },
      { kind: 'createIndex', collection: 'stations', index: geo },
      { kind: 'configureFunction', fn: 'aid', timeoutSeconds: { from: 3, to: functionSettings('aid').timeoutSeconds }, changedVariables: [], variables: [...FUNCTION_VARIABLES].sort() },
    ])
    expect(limitKey).toEqual({ name: 'limitKey_1', keys: [{ field: 'limitKey', direction: '1' }], unique: true })
  })

  it('creates a missing collection with its rule and indexes, and closes an open one', () => {
    const current = stateOf(desired)
    delete current.collections.files
    current.collections.roles.acl = 'READONLY'
    expect(planDeploy(desired, current).steps).toEqual([
      { kind: 'setDatabaseAcl', collection: 'roles', acl: DATABASE_ACL, was: 'READONLY' },
      { kind: 'createCollection', collection: 'files' },
      { kind: 'setDatabaseAcl', collection: 'files', acl: DATABASE_ACL, was: null },
      { kind: 'createIndex', collection: 'files', index: { name: 'owner_1', keys: [{ field: 'owner', direction: '1' }], unique: false } },
    ])
  })

  it('replaces an index that exists without the uniqueness SCHEMA wants', () => {
    const current = stateOf(desired)
    const coupons = current.collections.coupons
    coupons.indexes = coupons.indexes.map((i) => (i.name === 'limitKey_1' ? { ...i, name: 'limitKey', unique: false } : i))
    const steps = planDeploy(desired, current).steps
    expect(steps).toEqual([
      { kind: 'dropIndex', collection: 'coupons', index: 'limitKey', reason: 'it is not unique and must be unique' },
      { kind: 'createIndex', collection: 'coupons', index: { name: 'limitKey_1', keys: [{ field: 'limitKey', direction: '1' }], unique: true } },
    ])
  })

  it('resets a storage rule that differs (the default 所有用户可读 or an edited one)', () => {
    const current = stateOf(desired)
    current.storage = { acl: 'READONLY', rule: null }
    expect(planDeploy(desired, current).steps).toEqual([{ kind: 'setStorageRule', rule: STORAGE_RULE, was: 'READONLY' }])
    current.storage = { acl: 'CUSTOM', rule: { write: STORAGE_RULE.write, read: true } }
    expect(planDeploy(desired, current).steps).toEqual([{ kind: 'setStorageRule', rule: STORAGE_RULE, was: 'CUSTOM' }])
    current.storage = { acl: 'CUSTOM', rule: { write: STORAGE_RULE.write, read: STORAGE_RULE.read } }
    expect(planDeploy(desired, current).steps).toEqual([])
  })

  it('uploads changed code, then records it with the settings that changed', () => {
    const current = stateOf(desired)
    const next = desiredFor({ version: 2, variables: Object.fromEntries(Object.entries(desired.functions[0].variables).map(([k, v]) => [k, v ?? undefined])) })
    current.functions.review.memoryMB = 128
    const steps = planDeploy(next, current).steps.filter((s) => 'fn' in s && s.fn === 'review')
    expect(steps).toEqual([
      { kind: 'updateCode', fn: 'review', codeHash: fakeHash('review', 2) },
      { kind: 'configureFunction', fn: 'review', memoryMB: { from: 128, to: functionSettings('review').memoryMB }, changedVariables: [], variables: [...FUNCTION_VARIABLES].sort(), codeHash: fakeHash('review', 2) },
      // review's new code: the figures' counters are made from the records if there are none.
      { kind: 'rebuildFigures', fn: 'review', reason: 'new code of review' },
    ])
  })

  it('uploads again after an upload that failed, and re-creates a function whose creation failed', () => {
    const current = stateOf(desired)
    current.functions.member.status = 'UpdateFailed'
    current.functions.benefits.status = 'CreateFailed'
    const steps = planDeploy(desired, current).steps
    expect(steps.map((s) => `${s.kind} ${'fn' in s ? s.fn : ''}`)).toEqual(['createFunction benefits', 'updateCode member', 'configureFunction member', 'createTrigger benefits'])
    expect(ofKind(steps, 'createFunction')[0].replacesFailed).toBe(true)
  })

  it('sets a changed TOKEN_KEY but keeps the variables it does not own', () => {
    const current = stateOf(desired)
    current.functions.transfer.variables = { ...current.functions.transfer.variables, TOKEN_KEY: 'b2xk', EXTRA: 'kept' }
    expect(planDeploy(desired, current).steps).toEqual([
      { kind: 'configureFunction', fn: 'transfer', changedVariables: ['TOKEN_KEY'], variables: ['CARD_KEY', 'CARD_KEY_PREVIOUS', 'DATA_KEY', 'EXTRA', 'HASH_KEY', 'MINIPROGRAM_STATE', 'SUBSCRIBE_TEMPLATES', 'TOKEN_KEY'] },
    ])
  })

  it('refuses to change a deployed DATA_KEY or HASH_KEY', () => {
    const current = stateOf(desired)
    current.functions.aid.variables.DATA_KEY = 'c29tZXRoaW5nIGVsc2U='
    const plan = planDeploy(desired, current)
    expect(plan.blockers).toHaveLength(1)
    expect(plan.blockers[0]).toMatch(/function aid already has a different DATA_KEY/)
    expect(plan.blockers[0]).not.toContain('c29tZXRoaW5nIGVsc2U=')
    expect(plan.steps).toEqual([])
  })

  it('moves a timer whose schedule changed and removes one no longer scheduled', () => {
    const current = stateOf(desired)
    current.functions.benefits.triggers = [{ name: 'remindExpiring', cron: '0 0 8 * * * *' }]
    current.functions.member.triggers.push({ name: 'oldJob', cron: '0 0 1 * * * *' })
    expect(planDeploy(desired, current).steps).toEqual([
      { kind: 'deleteTrigger', fn: 'benefits', trigger: 'remindExpiring', reason: 'its schedule changes from "0 0 8 * * * *"' },
      { kind: 'createTrigger', fn: 'benefits', trigger: { name: 'remindExpiring', cron: '0 0 9 * * * *' } },
      { kind: 'deleteTrigger', fn: 'member', trigger: 'oldJob', reason: 'it is no longer in SCHEDULE' },
    ])
  })

  it('says what it leaves alone: other collections, indexes and functions, a different runtime', () => {
    const current = stateOf(desired)
    current.collections.legacy = { indexes: [], acl: 'READONLY' }
    current.collections.unions.indexes.push({ name: 'name_1', keys: [{ field: 'name', direction: '1' }], unique: false })
    current.functions.old = { status: 'Active', runtime: 'Nodejs12.16', timeoutSeconds: 3, memoryMB: 128, variables: {}, triggers: [], codeHash: null }
    current.functions.stations.runtime = 'Nodejs18.15'
    const plan = planDeploy(desired, current)
    expect(plan.steps).toEqual([])
    expect(plan.notes.join('\n')).toMatch(/collection legacy is not in SCHEMA: left alone/)
    expect(plan.notes.join('\n')).toMatch(/index unions\.name_1 \(name:1\) is not in SCHEMA: left alone/)
    expect(plan.notes.join('\n')).toMatch(/function old is not built by this project: left alone/)
    expect(plan.notes.join('\n')).toMatch(/function stations runs Nodejs18\.15, not Nodejs16\.13/)
  })
})

describe('the first administrator', () => {
  const desired = desiredFor({ functionNames: WITH_ADMIN })

  it('is invited last on a first deploy, without force', () => {
    const plan = planDeploy(desired, EMPTY_STATE)
    expect(plan.steps[plan.steps.length - 1]).toEqual({ kind: 'inviteFirstAdmin', fn: 'admin', force: false, reason: 'first deploy of admin' })
  })

  it('is not invited on a later deploy, unless asked with --new-admin-invite (then with force)', () => {
    const current: CurrentState = stateOf(desired)
    expect(planDeploy(desired, current).steps).toEqual([])
    expect(planDeploy(desired, current, { newAdminInvite: true }).steps).toEqual([{ kind: 'inviteFirstAdmin', fn: 'admin', force: true, reason: '--new-admin-invite' }])
  })

  it('cannot be invited by a build without the admin function', () => {
    const plain = desiredFor({ functionNames: WITHOUT_ADMIN })
    expect(planDeploy(plain, EMPTY_STATE).steps.some((s) => s.kind === 'inviteFirstAdmin')).toBe(false)
    expect(planDeploy(plain, stateOf(plain), { newAdminInvite: true }).blockers[0]).toMatch(/no admin function/)
  })
})

describe('the desired state', () => {
  it('gives every function at least 20 s and at most the documented 60 s', () => {
    for (const name of WITH_ADMIN) {
      const { timeoutSeconds } = functionSettings(name)
      expect(timeoutSeconds).toBeGreaterThanOrEqual(MIN_TIMEOUT_SECONDS)
      expect(timeoutSeconds).toBeLessThanOrEqual(MAX_TIMEOUT_SECONDS)
    }
    expect(functionSettings('aid').timeoutSeconds).toBeGreaterThan(20)
    expect(functionSettings('benefits').timeoutSeconds).toBeGreaterThan(20)
    expect(functionSettings('review').timeoutSeconds).toBeGreaterThan(20)
  })

  it('refuses what the platform refuses: a two-field geo index, two timers on one function, a five-field cron', () => {
    expect(() => schemaCollections({ places: [{ fields: ['lat', 'lng'], geo: true }] })).toThrow(/exactly one field/)
    expect(() => scheduleTriggers([{ fn: 'benefits', action: 'a', cron: '0 0 9 * * * *', chinaHour: 9 }, { fn: 'benefits', action: 'b', cron: '0 0 9 * * * *', chinaHour: 9 }], 'benefits')).toThrow(/1 per function/)
    expect(() => scheduleTriggers([{ fn: 'benefits', action: 'a', cron: '0 9 * * *', chinaHour: 9 }], 'benefits')).toThrow(/seven fields/)
    expect(() => scheduleTriggers([{ fn: 'benefits', action: '9lives', cron: '0 0 9 * * * *', chinaHour: 9 }], 'benefits')).toThrow(/start with a letter/)
    expect(() => desiredState({ schema: SCHEMA, functionNames: ['member'], schedule: SCHEDULE, codeHashes: { member: 'x' }, variables: {} })).toThrow(/SCHEDULE names function benefits/)
  })
})

describe('the printed plan', () => {
  it('says every kind of change in words, with names and never values', () => {
    const variables = localVariables()
    const desired = desiredFor({ variables, functionNames: WITH_ADMIN, version: 2 })
    const current = stateOf(desiredFor({ variables, functionNames: WITH_ADMIN }))
    current.collections.coupons.indexes = current.collections.coupons.indexes.map((i) => (i.name === 'code_1' ? { ...i, unique: false } : i))
    current.functions.aid.timeoutSeconds = 3
    current.functions.member.variables.TOKEN_KEY = 'b2xk'
    current.functions.benefits.triggers = [{ name: 'remindExpiring', cron: '0 0 8 * * * *' }]
    const text = formatPlan(planDeploy(desired, current, { newAdminInvite: true }), 'Plan')
    expect(text).toContain('drop index coupons.code_1: it is not unique and must be unique')
    expect(text).toContain('create index coupons.code_1 on code  [UNIQUE]')
    expect(text).toContain(`upload code of aid (${fakeHash('aid', 2).slice(0, 12)}), dependencies installed in the cloud`)
    expect(text).toContain(`configure function aid: timeout 3 s → 60 s; record code ${fakeHash('aid', 2).slice(0, 12)} as deployed`)
    expect(text).toContain('configure function member: variables TOKEN_KEY set (values not shown)')
    expect(text).toContain('delete timer benefits.remindExpiring: its schedule changes from "0 0 8 * * * *"')
    expect(text).toContain('ask admin for a first-administrator invitation (--new-admin-invite; replaces an open one)')
    for (const value of Object.values(variables)) if (value.length > 4) expect(text).not.toContain(value)
  })

  it('gives the invitation with the page, scene, web link and the file of the code', () => {
    const text = formatInvitation({ expiresAt: '2026-12-02T09:00:00Z', scene: 'inv-1', weappPage: 'pages/me/index', webPath: '/#/pages/me/index?invite=1', codePng: 'x' }, 'dist/deploy/first-admin-invite-env.png')
    expect(text).toContain('page pages/me/index, scene inv-1')
    expect(text).toContain('/#/pages/me/index?invite=1')
    expect(text).toContain('dist/deploy/first-admin-invite-env.png')
    expect(formatInvitation(null, null)).toMatch(/no invitation made/)
  })
})

describe('the reviewing unions of 金秋助学 rows stored before (aid.backfillLevels)', () => {
  const desired = desiredFor({ functionNames: WITH_ADMIN })

  it('are asked for once the aid function’s new code is up, as data, after the functions and before the invitation', () => {
    const steps = planDeploy(desired, EMPTY_STATE).steps
    const at = steps.findIndex((s) => s.kind === 'backfillAidLevels')
    expect(steps[at]).toEqual({ kind: 'backfillAidLevels', fn: 'aid', reason: 'new code of aid' })
    expect(at).toBeGreaterThan(steps.findIndex((s) => s.kind === 'updateCode' || s.kind === 'createFunction'))
    expect(at).toBeGreaterThan(steps.findIndex((s) => s.kind === 'createIndex' && s.collection === 'aidApplications' && s.index.name === 'levelTwoUnionId_1_status_1_updatedAt_1'))
    expect(steps[steps.length - 1].kind).toBe('inviteFirstAdmin')
    expect(formatPlan({ steps, notes: [], blockers: [] }, 'plan')).toMatch(/Data[\s\S]*ask aid, a batch at a time until done/)
  })

  it('not asked for when aid’s code is as deployed, even if another function changes', () => {
    const current = stateOf(desired)
    const reviewChanged = { ...desired, functions: desired.functions.map((f) => (f.name === 'review' ? { ...f, codeHash: fakeHash('review', 9) } : f)) }
    expect(ofKind(planDeploy(reviewChanged, current).steps, 'backfillAidLevels')).toEqual([])
    const aidChanged = { ...desired, functions: desired.functions.map((f) => (f.name === 'aid' ? { ...f, codeHash: fakeHash('aid', 9) } : f)) }
    expect(ofKind(planDeploy(aidChanged, current).steps, 'backfillAidLevels')).toHaveLength(1)
  })
})

describe('the stations’ search keys (stations.backfillTerms)', () => {
  const desired = desiredFor({ functionNames: WITH_ADMIN })

  it('are given once the stations function’s new code is up, after its timers, before the invitation', () => {
    const steps = planDeploy(desired, EMPTY_STATE).steps
    expect(ofKind(steps, 'backfillStationTerms')).toEqual([{ kind: 'backfillStationTerms', fn: 'stations', reason: 'new code of stations' }])
    const at = steps.findIndex((s) => s.kind === 'backfillStationTerms')
    expect(at).toBeGreaterThan(steps.findIndex((s) => s.kind === 'createFunction' && s.fn === 'stations'))
    expect(at).toBeGreaterThan(steps.map((s) => s.kind).lastIndexOf('createTrigger'))
    expect(steps[steps.length - 1].kind).toBe('inviteFirstAdmin')
  })

  it('not asked for when the stations code is as deployed, unless --backfill', () => {
    const current = stateOf(desired)
    const stationsChanged = { ...desired, functions: desired.functions.map((f) => (f.name === 'stations' ? { ...f, codeHash: fakeHash('stations', 9) } : f)) }
    expect(ofKind(planDeploy(stationsChanged, current).steps, 'backfillStationTerms')).toHaveLength(1)
    const reviewChanged = { ...desired, functions: desired.functions.map((f) => (f.name === 'review' ? { ...f, codeHash: fakeHash('review', 9) } : f)) }
    expect(ofKind(planDeploy(reviewChanged, current).steps, 'backfillStationTerms')).toEqual([])
    // --backfill finishes both batch backfills, whatever an earlier deploy left.
    expect(planDeploy(desired, current, { backfill: true }).steps).toEqual([
      { kind: 'backfillAidLevels', fn: 'aid', reason: '--backfill' },
      { kind: 'backfillStationTerms', fn: 'stations', reason: '--backfill' },
    ])
    expect(formatPlan(planDeploy(desired, current, { backfill: true }), 'Plan')).toContain('ask stations to give stations stored before their search keys')
  })
})

describe('the staff figures’ counters (review.rebuildFigures)', () => {
  const desired = desiredFor({ functionNames: WITH_ADMIN })

  it('are asked for once the review function’s new code is up: after its code and timers, before the invitation', () => {
    const steps = planDeploy(desired, EMPTY_STATE).steps
    const at = steps.findIndex((s) => s.kind === 'rebuildFigures')
    expect(steps[at]).toEqual({ kind: 'rebuildFigures', fn: 'review', reason: 'new code of review' })
    expect(at).toBeGreaterThan(steps.findIndex((s) => s.kind === 'createTrigger' && s.fn === 'review'))
    expect(steps[steps.length - 1].kind).toBe('inviteFirstAdmin')
  })

  it('not asked for when review’s code is as deployed, even if another function changes', () => {
    const current = stateOf(desired)
    expect(planDeploy(desired, current).steps).toEqual([])
    const memberChanged = { ...desired, functions: desired.functions.map((f) => (f.name === 'member' ? { ...f, codeHash: fakeHash('member', 9) } : f)) }
    expect(ofKind(planDeploy(memberChanged, current).steps, 'rebuildFigures')).toEqual([])
    const reviewChanged = { ...desired, functions: desired.functions.map((f) => (f.name === 'review' ? { ...f, codeHash: fakeHash('review', 9) } : f)) }
    expect(ofKind(planDeploy(reviewChanged, current).steps, 'rebuildFigures')).toHaveLength(1)
  })
})
