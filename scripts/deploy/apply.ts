import { codeDescription, type CloudApi } from './cloud-api'
import type { Plan, Step } from './plan'

/**
 * Runs a plan's steps through the CloudApi, in order, one at a time. The first step that fails (a
 * refusal, an error, no answer within the step's time) stops the run: the report says what was done,
 * what failed and why, and what was not done. Nothing is undone: every step leaves the environment
 * closer to the desired state, and the next deploy reads it again and plans only the rest.
 */

export interface ApplyOptions {
  /** The built folder of a function (dist/cloudfunctions/<name>). */
  codeDir(fn: string): string
  /** A function variable's value: the one given locally, else the one deployed. Never printed. */
  variable(fn: string, name: string): string | undefined
  /**
   * How long one step may take before the run stops and says so (default 15 minutes: longer than
   * manager-node's own waits, 60 s for the code upload and up to 5 minutes twice for a function to
   * become Active).
   */
  stepTimeoutMs?: number
  onStep?(step: Step, position: number, total: number): void
}

export interface Invitation {
  expiresAt: string
  scene: string
  weappPage: string
  webPath: string
  /** A base64 PNG of the 小程序码, or null when the function could not make one. */
  codePng: string | null
}

export interface ApplyReport {
  done: Step[]
  failed: { step: Step; message: string } | null
  notDone: Step[]
  /** Present when the invitation step ran: null when the function made none (an administrator or an open invitation exists). */
  invitation?: Invitation | null
}

export class StepTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`no answer within ${Math.round(ms / 1000)} s; it may still finish on Tencent's side`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Replaces every secret value in a text (an error message may quote a request). Values shorter than
 * 16 characters are left: the keys and API secrets are longer, and a short value such as
 * MINIPROGRAM_STATE=formal is no secret and would hide ordinary words ("information").
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text
  for (const secret of secrets) if (secret && secret.length >= 16) out = out.split(secret).join('‹hidden›')
  return out
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * An error in plain words. manager-node's CloudBaseError sometimes carries the underlying error
 * object as its `message` (seen with a network failure: a FetchError), and a `code` and `requestId`
 * from Tencent Cloud API answers: the request id is what Tencent's support asks for.
 */
export function errorText(error: unknown): string {
  if (!isRecord(error)) return String(error)
  const inner = error.message
  const message = typeof inner === 'string' ? inner : isRecord(inner) && typeof inner.message === 'string' ? inner.message : String(error)
  const code = typeof error.code === 'string' && error.code && !message.includes(error.code) ? ` [${error.code}]` : ''
  const request = typeof error.requestId === 'string' && error.requestId ? ` (request id ${error.requestId})` : ''
  return `${message}${code}${request}`
}

/**
 * The admin function's answer to { operator: 'firstAdminInvite', data: { force } }:
 * { ok: true, data: { invitation: null | { expiresAt, scene, weappPage, webPath, codePng } } }
 * or { ok: false, error: { code, message } }.
 */
export function parseInviteAnswer(answer: unknown): Invitation | null {
  if (!isRecord(answer)) throw new Error('the admin function answered something that is not an object')
  if (answer.ok === false) {
    const error = isRecord(answer.error) ? answer.error : {}
    throw new Error(`the admin function refused: ${String(error.code ?? 'no code')} ${String(error.message ?? '')}`.trim())
  }
  const data = answer.ok === true && isRecord(answer.data) ? answer.data : null
  if (!data || !('invitation' in data)) throw new Error('the admin function answered without an invitation field')
  const invitation = data.invitation
  if (invitation === null) return null
  if (!isRecord(invitation)) throw new Error('the admin function answered an invitation that is not an object')
  const text = (key: string) => {
    const value = invitation[key]
    if (typeof value !== 'string' || !value) throw new Error(`the admin function's invitation has no ${key}`)
    return value
  }
  const codePng = invitation.codePng
  if (codePng !== null && codePng !== undefined && typeof codePng !== 'string') throw new Error("the admin function's codePng is not base64 text")
  return { expiresAt: text('expiresAt'), scene: text('scene'), weappPage: text('weappPage'), webPath: text('webPath'), codePng: codePng ?? null }
}

/** Calls to a batch-a-call operator action before the deploy gives up (500 rows each: a million rows). */
export const MAX_BATCH_CALLS = 2000

/** The data steps whose operator action does one bounded batch a call and answers { <count>, done }. */
const BATCH_STEPS = {
  backfillStationTerms: { operator: 'backfillTerms', count: 'fixed', noun: 'stations fixed' },
  backfillAidLevels: { operator: 'backfillLevels', count: 'filled', noun: 'rows filled' },
} as const
type BatchStep = Extract<Step, { kind: keyof typeof BATCH_STEPS }>
const isBatchStep = (step: Step): step is BatchStep => step.kind in BATCH_STEPS

type BatchAnswer = { ok?: boolean; data?: Record<string, unknown>; error?: { message?: string } } | null

export async function applyPlan(plan: Plan, api: CloudApi, options: ApplyOptions): Promise<ApplyReport> {
  if (plan.blockers.length) throw new Error(`the plan is blocked; nothing was changed:\n- ${plan.blockers.join('\n- ')}`)
  const timeoutMs = options.stepTimeoutMs ?? 15 * 60_000
  const used = new Set<string>()
  const values = (fn: string, names: string[]): Record<string, string> => {
    const out: Record<string, string> = {}
    for (const name of names) {
      const value = options.variable(fn, name)
      if (value === undefined) throw new Error(`no value for ${name} of function ${fn}`)
      used.add(value)
      out[name] = value
    }
    return out
  }

  const report: ApplyReport = { done: [], failed: null, notDone: [] }
  for (const [i, step] of plan.steps.entries()) {
    options.onStep?.(step, i + 1, plan.steps.length)
    try {
      // A batch step is many calls, each bounded by the step's time: the whole may take longer.
      await (isBatchStep(step) ? untilDone(step) : withTimeout(runStep(step), timeoutMs))
      report.done.push(step)
    } catch (error) {
      report.failed = { step, message: redact(errorText(error), used) }
      report.notDone = plan.steps.slice(i + 1)
      break
    }
  }
  return report

  /**
   * Asks an operator action that does one bounded batch a call again until it says done, at most
   * MAX_BATCH_CALLS times, each call within the step's time. Stopping part way is safe: the action is
   * idempotent (a row that has what it gives is not read again), and the next call goes on from there.
   */
  async function untilDone(step: BatchStep): Promise<void> {
    const { operator, count, noun } = BATCH_STEPS[step.kind]
    const name = `${step.fn}.${operator}`
    let total = 0
    for (let call = 1; call <= MAX_BATCH_CALLS; call++) {
      const answer = (await withTimeout(api.invokeFunction(step.fn, { operator, data: {} }), timeoutMs)) as BatchAnswer
      if (!answer?.ok) throw new Error(`${name}: ${answer?.error?.message ?? 'no answer'}${total ? ` (${total} ${noun} before)` : ''}`)
      const done = answer.data?.done
      const batch = answer.data?.[count]
      if (typeof batch !== 'number' || typeof done !== 'boolean') throw new Error(`${name} answered without ${count} and done`)
      total += batch
      if (done) return
      if (!batch) throw new Error(`${name}: a batch changed nothing and more remain (${total} ${noun}); it is safe to ask it again`)
    }
    throw new Error(`${name}: not done after ${MAX_BATCH_CALLS} calls (${total} ${noun}); it is safe to ask it again`)
  }

  async function runStep(step: Step): Promise<void> {
    switch (step.kind) {
      case 'createCollection':
        return api.createCollection(step.collection)
      case 'setDatabaseAcl':
        return api.setDatabaseAcl(step.collection, step.acl)
      case 'dropIndex':
        return api.dropIndex(step.collection, step.index)
      case 'createIndex':
        return api.createIndex(step.collection, step.index)
      case 'setStorageRule':
        return api.setStorageRule(step.rule)
      case 'createFunction':
        return api.createFunction({
          name: step.fn,
          runtime: step.runtime,
          handler: step.handler,
          timeoutSeconds: step.timeoutSeconds,
          memoryMB: step.memoryMB,
          variables: values(step.fn, step.variables),
          description: codeDescription(step.codeHash),
          codeDir: options.codeDir(step.fn),
        })
      case 'updateCode':
        return api.updateFunctionCode(step.fn, options.codeDir(step.fn))
      case 'configureFunction':
        return api.updateFunctionConfig(step.fn, {
          ...(step.timeoutSeconds ? { timeoutSeconds: step.timeoutSeconds.to } : {}),
          ...(step.memoryMB ? { memoryMB: step.memoryMB.to } : {}),
          ...(step.changedVariables.length ? { variables: values(step.fn, step.variables) } : {}),
          ...(step.codeHash ? { description: codeDescription(step.codeHash) } : {}),
        })
      case 'deleteTrigger':
        return api.deleteTrigger(step.fn, step.trigger)
      case 'createTrigger':
        return api.createTrigger(step.fn, step.trigger)
      case 'inviteFirstAdmin': {
        const answer = await api.invokeFunction(step.fn, { operator: 'firstAdminInvite', data: { force: step.force } })
        report.invitation = parseInviteAnswer(answer)
        return
      }
      case 'rebuildFigures': {
        const answer = (await api.invokeFunction(step.fn, { operator: 'rebuildFigures', data: {} })) as { ok?: boolean; error?: { message?: string } } | null
        if (!answer?.ok) throw new Error(`${step.fn}.rebuildFigures: ${answer?.error?.message ?? 'no answer'}`)
        return
      }
      case 'backfillAidLevels':
      case 'backfillStationTerms':
        return untilDone(step)
    }
  }
}
