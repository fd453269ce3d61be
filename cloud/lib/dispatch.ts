import * as v from 'valibot'
import { findAction, type ActionName, type ActionOutput, type ActionParsed, type FunctionName } from '../../domain/contract'
import { CloudError, type CloudResult } from '../../domain/errors'
import { parseInput } from '../../domain/validate'
import type { Clock } from './clock'
import { createContext, resolveCaller, type ActionContext, type Identity } from './context'
import type { Secrets } from './secrets'
import type { Store } from './store/port'
import type { WechatServices } from './wechat'

export type Handler<F extends FunctionName, A extends ActionName<F>> = (input: ActionParsed<F, A>, ctx: ActionContext) => Promise<ActionOutput<F, A>>

/** A cloud function: one handler for each action its contract names, no more, no fewer. */
export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> }

/**
 * The actions of function F that one feature serves: a feature's index.ts exports one such table
 * for each function it serves (`export const member = { ... } satisfies FeatureHandlers<'member'>`),
 * and cloud/functions/<F>.ts spreads the tables into Handlers<F>, which checks that none is missing.
 */
export type FeatureHandlers<F extends FunctionName> = Partial<Handlers<F>>

export interface DispatchEnv {
  identity: Identity | null
  store: Store
  clock: Clock
  secrets: Secrets
  /**
   * Set only for calls with no person behind them, which may run 'system' actions (and nothing
   * else): the platform's timer (WeChat's timer trigger, the local schedule) and the operator's
   * management-API call (cloud/entry/wx.ts's operatorAction; locally the demo's dev endpoint).
   */
  timer?: boolean
  /** WeChat's servers, in WeChat only. */
  wechat?: WechatServices | null
  /** Where unexpected failures are reported; never given personal data, only names and stacks. */
  logError?: (message: string, error: unknown) => void
}

const Event = v.object({ action: v.string(), data: v.optional(v.unknown()) })

/**
 * The one entry of every cloud function: checks the event's shape, finds the action in the
 * contract, refuses anonymous callers of non-public actions, validates the input, resolves the
 * caller's roles, runs the handler and turns every failure into a coded answer.
 */
export async function dispatch<F extends FunctionName>(fn: F, handlers: Handlers<F>, event: unknown, env: DispatchEnv): Promise<CloudResult<unknown>> {
  try {
    const parsedEvent = v.safeParse(Event, event)
    if (!parsedEvent.success) throw new CloudError('BAD_REQUEST', '请求格式不正确：需要 action 和 data')
    const { action, data } = parsedEvent.output
    const spec = findAction(fn, action)
    const handler = Object.prototype.hasOwnProperty.call(handlers, action) ? (handlers as Record<string, Handler<F, ActionName<F>>>)[action] : undefined
    // A scheduled job answers nobody but the timer, and the timer runs nothing else: as if it did not exist.
    const reachable = spec && handler && (spec.access === 'system') === Boolean(env.timer) && !(env.timer && env.identity)
    if (!spec || !reachable) throw new CloudError('UNKNOWN_ACTION', `不支持的操作：${fn}.${action}`.slice(0, 80))
    if (spec.access === 'user' && !env.identity) throw new CloudError('UNAUTHENTICATED')
    const input = parseInput(spec.input, data ?? {})
    const caller = env.identity ? await resolveCaller(env.store, env.identity) : null
    const output = await handler(input as ActionParsed<F, ActionName<F>>, createContext(env.store, env.clock, caller, env.secrets, { wechat: env.wechat, logError: env.logError }))
    return { ok: true, data: output }
  } catch (error) {
    if (error instanceof CloudError) return { ok: false, error: error.toBody() }
    env.logError?.(`cloud ${fn} failed`, error)
    return { ok: false, error: new CloudError('INTERNAL').toBody() }
  }
}
