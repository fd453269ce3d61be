import { applyPlan, MAX_BATCH_CALLS, errorText, parseInviteAnswer } from '../../scripts/deploy/apply'
import { codeDescription, readCurrentState } from '../../scripts/deploy/cloud-api'
import { EMPTY_STATE, planDeploy, type Step } from '../../scripts/deploy/plan'
import { formatReport } from '../../scripts/deploy/render'
import { desiredFor, localVariables, WITH_ADMIN } from './fixtures'
import { RecordingCloud, type Call } from './recording-cloud'

/**
 * The apply step against RecordingCloud (tests/deploy/recording-cloud.ts), which stands in for
 * Tencent's servers: they cannot be reached from here. These tests show the order of the calls, what
 * each carries, and how a failing call stops the run; not what Tencent's servers would accept.
 */

const variables = localVariables()
const options = (cloud?: RecordingCloud) => ({
  codeDir: (fn: string) => `/build/${fn}`,
  variable: (fn: string, name: string) => (variables as Record<string, string | undefined>)[name] ?? cloud?.functions.get(fn)?.variables[name],
  stepTimeoutMs: 2_000,
})

/** A call as the step it carries out, to compare the run's order with the plan's. */
function callFor(step: Step): Pick<Call, 'method'> & { subject: string } {
  switch (step.kind) {
    case 'createCollection':
    case 'setDatabaseAcl':
      return { method: step.kind, subject: step.collection }
    case 'createIndex':
      return { method: 'createIndex', subject: `${step.collection}.${step.index.name}` }
    case 'dropIndex':
      return { method: 'dropIndex', subject: `${step.collection}.${step.index}` }
    case 'setStorageRule':
      return { method: 'setStorageRule', subject: '' }
    case 'createFunction':
      return { method: 'createFunction', subject: step.fn }
    case 'updateCode':
      return { method: 'updateFunctionCode', subject: step.fn }
    case 'configureFunction':
      return { method: 'updateFunctionConfig', subject: step.fn }
    case 'createTrigger':
      return { method: 'createTrigger', subject: `${step.fn}.${step.trigger.name}` }
    case 'deleteTrigger':
      return { method: 'deleteTrigger', subject: `${step.fn}.${step.trigger}` }
    case 'inviteFirstAdmin':
    case 'rebuildFigures':
    case 'backfillAidLevels':
    case 'backfillStationTerms':
      return { method: 'invokeFunction', subject: step.fn }
  }
}

function subjectOf(call: Call): string {
  const [a, b] = call.args as [unknown, unknown]
  switch (call.method) {
    case 'createIndex':
      return `${String(a)}.${(b as { name: string }).name}`
    case 'dropIndex':
      return `${String(a)}.${String(b)}`
    case 'createFunction':
      return (a as { name: string }).name
    case 'createTrigger':
      return `${String(a)}.${(b as { name: string }).name}`
    case 'deleteTrigger':
      return `${String(a)}.${String(b)}`
    case 'setStorageRule':
      return ''
    default:
      return String(a)
  }
}

const asSteps = (calls: Call[]) => calls.map((c) => ({ method: c.method, subject: subjectOf(c) }))

describe('applying a plan', () => {
  it('makes one call per step, in the plan order, with the values looked up only when needed', async () => {
    const desired = desiredFor({ variables, functionNames: WITH_ADMIN })
    const plan = planDeploy(desired, EMPTY_STATE)
    const cloud = new RecordingCloud()
    cloud.invokeAnswer = { ok: true, data: { invitation: null } }
    const report = await applyPlan(plan, cloud, options())

    expect(report.failed).toBeNull()
    expect(report.done).toEqual(plan.steps)
    expect(asSteps(cloud.calls)).toEqual(plan.steps.map(callFor))

    const aid = cloud.calls.find((c) => c.method === 'createFunction' && subjectOf(c) === 'aid')!.args[0]
    expect(aid).toEqual({
      name: 'aid',
      runtime: 'Nodejs16.13',
      handler: 'index.main',
      timeoutSeconds: 60,
      memoryMB: 512,
      variables,
      description: codeDescription(desired.functions.find((f) => f.name === 'aid')!.codeHash),
      codeDir: '/build/aid',
    })
    // The platform, not a person, is behind the call: no OPENID goes with it.
    expect(cloud.calls[cloud.calls.length - 1]).toEqual({ method: 'invokeFunction', args: ['admin', { operator: 'firstAdminInvite', data: { force: false } }] })
    expect(report.invitation).toBeNull()
  })

  it('leaves nothing to do: a second deploy plans no step', async () => {
    const desired = desiredFor({ variables })
    const cloud = new RecordingCloud()
    await applyPlan(planDeploy(desired, await readCurrentState(cloud, desired)), cloud, options())
    const again = planDeploy(desired, await readCurrentState(cloud, desired))
    expect(again.steps).toEqual([])
  })

  it('stops at the first refused call, says what was done and what was not, and a second run does the rest', async () => {
    const desired = desiredFor({ variables })
    const cloud = new RecordingCloud()
    cloud.failOn = (call) => (call.method === 'createIndex' && subjectOf(call) === 'coupons.limitKey_1' ? Object.assign(new Error('[UpdateTable] LimitExceeded'), { code: 'LimitExceeded' }) : undefined)
    const plan = planDeploy(desired, await readCurrentState(cloud, desired))
    const at = plan.steps.findIndex((s) => s.kind === 'createIndex' && s.collection === 'coupons' && s.index.name === 'limitKey_1')
    const report = await applyPlan(plan, cloud, options())

    expect(report.done).toEqual(plan.steps.slice(0, at))
    expect(report.failed).toEqual({ step: plan.steps[at], message: '[UpdateTable] LimitExceeded' })
    expect(report.notDone).toEqual(plan.steps.slice(at + 1))
    // Nothing after the refusal was asked for.
    expect(asSteps(cloud.writes)).toEqual(plan.steps.slice(0, at + 1).map(callFor))

    const text = formatReport(report)
    expect(text).toContain('The deploy stopped.')
    expect(text).toContain(`Done (${at}):`)
    expect(text).toContain('✗ create index coupons.limitKey_1 on limitKey  [UNIQUE]')
    expect(text).toContain('because: [UpdateTable] LimitExceeded')
    expect(text).toContain(`Not done (${plan.steps.length - at - 1}):`)
    expect(text).toContain('Run `npm run deploy:cloud` again')

    // The cause is fixed; the next run reads what exists and plans exactly what was not done.
    cloud.failOn = () => undefined
    const rest = planDeploy(desired, await readCurrentState(cloud, desired))
    expect(rest.steps).toEqual(plan.steps.slice(at))
    expect((await applyPlan(rest, cloud, options())).failed).toBeNull()
    expect(planDeploy(desired, await readCurrentState(cloud, desired)).steps).toEqual([])
  })

  it('stops when a step gets no answer in time, and says it may still finish', async () => {
    const desired = desiredFor({ variables })
    const cloud = new RecordingCloud()
    cloud.failOn = (call) => (call.method === 'createFunction' ? 'hang' : undefined)
    const plan = planDeploy(desired, EMPTY_STATE)
    const report = await applyPlan(plan, cloud, { ...options(), stepTimeoutMs: 30 })
    expect(report.failed?.step.kind).toBe('createFunction')
    expect(report.failed?.message).toMatch(/no answer within 0 s; it may still finish on Tencent's side/)
    expect(report.notDone.length).toBeGreaterThan(0)
  })

  it("reads manager-node's errors: a code and request id, or an error object in place of the message", async () => {
    const desired = desiredFor({ variables })
    const cloud = new RecordingCloud()
    const refused = Object.assign(new Error('[CreateTable] 集合数量已达上限'), { code: 'LimitExceeded.Collection', requestId: 'req-1' })
    cloud.failOn = (call) => (call.method === 'createCollection' ? refused : undefined)
    expect((await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())).failed?.message).toBe('[CreateTable] 集合数量已达上限 [LimitExceeded.Collection] (request id req-1)')
    const offline = Object.assign(new Error(), { message: { message: 'request to https://tcb.tencentcloudapi.com/ failed, reason: getaddrinfo ENOTFOUND' }, code: '' })
    expect(errorText(offline)).toBe('request to https://tcb.tencentcloudapi.com/ failed, reason: getaddrinfo ENOTFOUND')
  })

  it('never repeats a secret in a failure, even when the platform quotes the request', async () => {
    const desired = desiredFor({ variables })
    const cloud = new RecordingCloud()
    cloud.failOn = (call) => (call.method === 'createFunction' ? new Error(`InvalidParameterValue: Environment DATA_KEY=${variables.DATA_KEY}`) : undefined)
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(report.failed?.message).toBe('InvalidParameterValue: Environment DATA_KEY=‹hidden›')
    expect(formatReport(report)).not.toContain(variables.DATA_KEY)
    // A short value is no secret: hiding it would mangle ordinary words.
    const other = new RecordingCloud()
    other.failOn = (call) => (call.method === 'createFunction' ? new Error('missing information for MINIPROGRAM_STATE') : undefined)
    expect((await applyPlan(planDeploy(desired, EMPTY_STATE), other, options())).failed?.message).toBe('missing information for MINIPROGRAM_STATE')
  })

  it('keeps the variables it does not own when it sets one, since the platform replaces the whole set', async () => {
    const desired = desiredFor({ variables })
    const cloud = new RecordingCloud()
    await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    cloud.functions.get('member')!.variables.EXTRA = 'kept'
    cloud.functions.get('member')!.variables.TOKEN_KEY = 'b2xk'
    cloud.calls = []
    const plan = planDeploy(desired, await readCurrentState(cloud, desired))
    await applyPlan(plan, cloud, options(cloud))
    expect(cloud.writes).toEqual([{ method: 'updateFunctionConfig', args: ['member', { variables: { ...variables, EXTRA: 'kept' } }] }])
  })

  it('changes nothing when the plan is blocked', async () => {
    const desired = desiredFor({ variables })
    const cloud = new RecordingCloud()
    await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    cloud.functions.get('aid')!.variables.HASH_KEY = 'b3RoZXI='
    cloud.calls = []
    const plan = planDeploy(desired, await readCurrentState(cloud, desired))
    await expect(applyPlan(plan, cloud, options())).rejects.toThrow(/blocked; nothing was changed/)
    expect(cloud.writes).toEqual([])
  })
})

describe('the staff figures’ counters', () => {
  const desired = desiredFor({ variables, functionNames: WITH_ADMIN })

  it('asks review as the operator, and stops the deploy when it refuses', async () => {
    const cloud = new RecordingCloud()
    await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(cloud.calls.filter((c) => c.method === 'invokeFunction').map((c) => c.args)).toContainEqual(['review', { operator: 'rebuildFigures', data: {} }])
    const refusing = new RecordingCloud()
    refusing.rebuildAnswer = { ok: false, error: { code: 'INTERNAL', message: '数据库暂时不可用' } }
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), refusing, options())
    expect(report.failed?.step.kind).toBe('rebuildFigures')
    expect(report.failed?.message).toBe('review.rebuildFigures: 数据库暂时不可用')
  })
})

describe('the reviewing unions of 金秋助学 rows stored before (aid.backfillLevels)', () => {
  const desired = desiredFor({ variables, functionNames: WITH_ADMIN })
  const levelsCalls = (cloud: RecordingCloud) => cloud.calls.filter((c) => c.method === 'invokeFunction' && (c.args[1] as { operator?: string }).operator === 'backfillLevels')

  it('asks aid as the operator, a batch a call, until it says done', async () => {
    const cloud = new RecordingCloud()
    cloud.levelsAnswers = [{ ok: true, data: { filled: 500, done: false } }, { ok: true, data: { filled: 500, done: false } }, { ok: true, data: { filled: 12, done: true } }]
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(report.failed).toBeNull()
    expect(levelsCalls(cloud).map((c) => c.args)).toEqual(Array.from({ length: 3 }, () => ['aid', { operator: 'backfillLevels', data: {} }]))
  })

  it('stops the deploy when it refuses, or when a batch changes nothing and more remain', async () => {
    const refusing = new RecordingCloud()
    refusing.levelsAnswers = [{ ok: true, data: { filled: 500, done: false } }, { ok: false, error: { code: 'INTERNAL', message: '数据库暂时不可用' } }]
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), refusing, options())
    expect(report.failed?.step.kind).toBe('backfillAidLevels')
    expect(report.failed?.message).toBe('aid.backfillLevels: 数据库暂时不可用 (500 rows filled before)')
    expect(formatReport(report)).toContain('npm run deploy:cloud -- --backfill')
    const stuck = new RecordingCloud()
    stuck.levelsAnswers = [{ ok: true, data: { filled: 0, done: false } }, { ok: true, data: { filled: 0, done: false } }]
    const again = await applyPlan(planDeploy(desired, EMPTY_STATE), stuck, options())
    expect(again.failed?.message).toMatch(/^aid\.backfillLevels: a batch changed nothing/)
    expect(levelsCalls(stuck)).toHaveLength(1)
  })
})

describe('the stations’ search keys (stations.backfillTerms)', () => {
  const desired = desiredFor({ variables, functionNames: WITH_ADMIN })
  const backfillCalls = (cloud: RecordingCloud) => cloud.calls.filter((c) => c.method === 'invokeFunction' && (c.args[1] as { operator?: string }).operator === 'backfillTerms')
  const batch = (fixed: number, done: boolean) => ({ ok: true, data: { fixed, done } })

  it('calls stations as the operator until it says done, then goes on with the plan', async () => {
    const cloud = new RecordingCloud()
    cloud.backfillAnswers = [batch(500, false), batch(500, false), batch(120, true)]
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(report.failed).toBeNull()
    expect(backfillCalls(cloud).map((c) => c.args)).toEqual(Array(3).fill(['stations', { operator: 'backfillTerms', data: {} }]))
    // After the stations code is up, before the invitation (the last step).
    const at = cloud.calls.indexOf(backfillCalls(cloud)[0])
    expect(at).toBeGreaterThan(cloud.calls.findIndex((c) => c.method === 'createFunction' && (c.args[0] as { name: string }).name === 'stations'))
    expect(cloud.calls[cloud.calls.length - 1].args[1]).toEqual({ operator: 'firstAdminInvite', data: { force: false } })
  })

  it('stops after its bound when the function never says done, and says how to finish', async () => {
    const cloud = new RecordingCloud()
    cloud.backfillAnswers = [batch(500, false)]
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(backfillCalls(cloud)).toHaveLength(MAX_BATCH_CALLS)
    expect(report.failed?.step.kind).toBe('backfillStationTerms')
    expect(report.failed?.message).toBe(`stations.backfillTerms: not done after ${MAX_BATCH_CALLS} calls (${500 * MAX_BATCH_CALLS} stations fixed); it is safe to ask it again`)
    expect(formatReport(report)).toContain('npm run deploy:cloud -- --backfill')
  })

  it('stops the deploy when stations refuses, saying how far it got', async () => {
    const cloud = new RecordingCloud()
    cloud.backfillAnswers = [batch(500, false), { ok: false, error: { code: 'INTERNAL', message: '数据库暂时不可用' } }]
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(report.failed?.message).toBe('stations.backfillTerms: 数据库暂时不可用 (500 stations fixed before)')
    expect(report.notDone.map((s) => s.kind)).toEqual(['inviteFirstAdmin'])
  })
})

describe('the first-administrator invitation', () => {
  const desired = desiredFor({ variables, functionNames: WITH_ADMIN })
  const invitation = { expiresAt: '2026-12-02T09:00:00.000Z', scene: 'inv-abc', weappPage: 'pages/me/index', webPath: '/#/pages/me/index?invite=abc', codePng: 'iVBORw0KGgo=' }

  it('is what the admin function answered', async () => {
    const cloud = new RecordingCloud()
    cloud.invokeAnswer = { ok: true, data: { invitation } }
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(report.invitation).toEqual(invitation)
  })

  it('asks with force after --new-admin-invite', async () => {
    const cloud = new RecordingCloud()
    await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    cloud.calls = []
    cloud.invokeAnswer = { ok: true, data: { invitation: { ...invitation, codePng: null } } }
    const report = await applyPlan(planDeploy(desired, await readCurrentState(cloud, desired), { newAdminInvite: true }), cloud, options())
    expect(cloud.writes).toEqual([{ method: 'invokeFunction', args: ['admin', { operator: 'firstAdminInvite', data: { force: true } }] }])
    expect(report.invitation).toEqual({ ...invitation, codePng: null })
  })

  it('fails the step, with the code, when the function refuses or answers nonsense', async () => {
    const cloud = new RecordingCloud()
    cloud.invokeAnswer = { ok: false, error: { code: 'FORBIDDEN', message: '只能由平台调用' } }
    const report = await applyPlan(planDeploy(desired, EMPTY_STATE), cloud, options())
    expect(report.failed?.step.kind).toBe('inviteFirstAdmin')
    expect(report.failed?.message).toBe('the admin function refused: FORBIDDEN 只能由平台调用')
    expect(formatReport(report)).toContain('--new-admin-invite')
    expect(() => parseInviteAnswer({ ok: true, data: {} })).toThrow(/without an invitation/)
    expect(() => parseInviteAnswer({ ok: true, data: { invitation: { ...invitation, webPath: '' } } })).toThrow(/no webPath/)
    expect(() => parseInviteAnswer('done')).toThrow(/not an object/)
  })
})
