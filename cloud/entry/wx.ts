import type { FunctionName } from '../../domain/contract'
import type { CloudResult } from '../../domain/errors'
import { systemClock } from '../lib/clock'
import { dispatch, type Handlers } from '../lib/dispatch'
import type { Identity } from '../lib/context'
import { secretsFromEnv, type Secrets } from '../lib/secrets'
import type { Store } from '../lib/store/port'
import { createWxStore, type WxDatabase } from '../lib/store/wx'
import { createWechatServices, type WechatServices, type WxOpenSdk } from '../lib/wechat'
import { parseSubscribeTemplates } from '../../domain/subscribe'

/**
 * The deployed entry of a WeChat cloud function: `exports.main = createWxMain('member', memberHandlers)`
 * (the cloud build writes that line for each function).
 *
 * wx-server-sdk is loaded on the first call, not when the bundle is loaded: it is installed by the
 * WeChat cloud when the function is deployed, never locally (without credentials its database calls
 * raise unhandled rejections that kill Node), so requiring a bundle here must not need it.
 */

/** The part of wx-server-sdk this entry uses. */
export interface WxServerSdk extends WxOpenSdk {
  /** A symbol: "the environment this function is deployed in". */
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  database(): WxDatabase
  /** Read from the invocation's environment, set by the platform: the caller cannot forge it. */
  getWXContext(): { OPENID?: string }
}

export type WxMain = (event: unknown, context: unknown) => Promise<CloudResult<unknown>>

// eslint-disable-next-line @typescript-eslint/no-var-requires
const requireSdk = (): WxServerSdk => require('wx-server-sdk')

/**
 * The platform adds `userInfo` ({ appId, openId }) to every event. The dispatcher only reads
 * `action` and `data`, and identity comes from getWXContext(), but the platform's fields are removed
 * anyway so nothing downstream can ever mistake them for the caller.
 */
export function withoutPlatformFields(event: unknown): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return event
  const { userInfo: _userInfo, ...rest } = event as Record<string, unknown>
  return rest
}

/**
 * A timer trigger calls the function with { Type: 'timer', TriggerName, Time } (WeChat's cloud
 * functions run on Tencent SCF) and no OPENID; the trigger is named after the action it runs.
 */
export function timerAction(event: unknown): string | null {
  if (event === null || typeof event !== 'object') return null
  const { Type, TriggerName } = event as Record<string, unknown>
  return typeof Type === 'string' && Type.toLowerCase() === 'timer' && typeof TriggerName === 'string' ? TriggerName : null
}

/**
 * The operator's call: the deploy invokes a function through Tencent's management API (tcb
 * invokeFunction, signed with the environment's API keys) with `{ operator: <action>, data }` and no
 * OPENID. Only the platform and holders of those keys can call a function without an OPENID, the
 * same trust as the timer's, so it may run 'system' actions (e.g. admin.firstAdminInvite), and
 * nothing else. A person's call always has an OPENID: for them the field means nothing.
 */
export function operatorAction(event: unknown): { action: string; data: unknown } | null {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return null
  const { operator, data } = event as Record<string, unknown>
  return typeof operator === 'string' && operator ? { action: operator, data: data ?? {} } : null
}

/**
 * `env` is the function's environment variables, and this is the one place on the cloud side that
 * reads them (the local server's one is server/config.ts): the secrets (cloud/lib/secrets.ts),
 * SUBSCRIBE_TEMPLATES and MINIPROGRAM_STATE. Everything below gets them as values.
 */
export function createWxMain<F extends FunctionName>(
  fnName: F,
  handlers: Handlers<F>,
  loadSdk: () => WxServerSdk = requireSdk,
  loadSecrets: (env: NodeJS.ProcessEnv) => Secrets = secretsFromEnv,
  env: NodeJS.ProcessEnv = process.env,
): WxMain {
  let ready: { sdk: WxServerSdk; store: Store; secrets: Secrets; wechat: WechatServices } | null = null
  const logError = (message: string, error: unknown) => console.error(message, error instanceof Error ? error.stack : (error ?? ''))

  return async function main(event, _context) {
    if (!ready) {
      const sdk = loadSdk()
      sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
      // SUBSCRIBE_TEMPLATES: which subscribe-message templates this deployment uses (domain/subscribe.ts).
      const wechat = createWechatServices(sdk, parseSubscribeTemplates(env.SUBSCRIBE_TEMPLATES), env.MINIPROGRAM_STATE || 'formal')
      ready = { sdk, store: createWxStore(sdk.database()), secrets: loadSecrets(env), wechat }
    }
    const openid = ready.sdk.getWXContext().OPENID
    const identity: Identity | null = openid ? { openid } : null
    // Only a call without a person behind it can be the timer or the operator: a person's call always has an OPENID.
    const timer = identity ? null : timerAction(event)
    const operator = identity || timer ? null : operatorAction(event)
    const platformEvent = timer ? { action: timer, data: {} } : operator
    return dispatch(fnName, handlers, platformEvent ?? withoutPlatformFields(event), {
      identity,
      timer: Boolean(platformEvent),
      store: ready.store,
      clock: systemClock,
      secrets: ready.secrets,
      wechat: ready.wechat,
      logError,
    })
  }
}
