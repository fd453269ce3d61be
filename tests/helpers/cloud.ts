import { fixedClock } from '../../cloud/lib/clock'
import { ensureIndexes } from '../../cloud/functions/schema'
import { dispatch } from '../../cloud/lib/dispatch'
import { randomSecrets } from '../../cloud/lib/secrets'
import { functions } from '../../cloud/functions'
import { seedDemo } from '../../server/seed/demo'
import type { FunctionName } from '../../domain/contract'
import type { WechatServices } from '../../cloud/lib/wechat'
import type { Store } from '../../cloud/lib/store/port'
import { STORE_KIND, testStore, type StoreKind } from './store'
import { standInWechat } from '../stand-ins/wechat-services'

/**
 * A fresh store of this run's kind (tests/helpers/store.ts) with the demo seed, and a way to call
 * actions as someone, through the dispatcher as the platform does. The WeChat home also has
 * WeChat's services (cloud storage, subscribe messages, 小程序码): by default the stand-in in
 * tests/stand-ins/wechat-services.ts (`wx`); the embedded home has none. A test may pass its own.
 */
export async function cloudHarness(start = '2026-11-23T08:00:00.000Z', options: { wechat?: WechatServices | null; logError?: (message: string, error: unknown) => void; kind?: StoreKind; wrapStore?: (store: Store) => Store } = {}) {
  const kind = options.kind ?? STORE_KIND
  const { store: plain, server } = testStore(kind)
  // A wrapper (tests/helpers/faults.ts) sees every call the actions make, the seed's included.
  const store = options.wrapStore ? options.wrapStore(plain) : plain
  const wx = kind === 'wx' && options.wechat === undefined ? standInWechat() : null
  const wechat = options.wechat === undefined ? (wx?.wechat ?? null) : options.wechat
  const clock = fixedClock(start)
  await ensureIndexes(store)
  await seedDemo(store, clock)
  const secrets = randomSecrets()
  const callAs = async (openid: string | null, fn: FunctionName, action: string, data?: unknown) => {
    const result = await dispatch(fn, functions[fn] as never, { action, data }, { identity: openid ? { openid } : null, store, clock, secrets, wechat, logError: options.logError })
    if (kind === 'wx') checkResultSize(fn, action, result)
    return result
  }
  return { store, server, wx, clock, secrets, callAs }
}

/**
 * STANDS IN FOR WECHAT'S FUNCTION RUNTIME: a cloud function's answer may be at most 1 MB
 * (https://docs.cloudbase.net/en/error-code/EXCEED_MAX_RESPONSE_SIZE; wx-server-sdk's -604001
 * "cloudfunction result size exceed limit (1MB)"); a larger one never reaches the app.
 */
export const FUNCTION_RESULT_MAX_BYTES = 1024 * 1024

function checkResultSize(fn: string, action: string, result: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(result))
  if (bytes > FUNCTION_RESULT_MAX_BYTES) throw new Error(`${fn}.${action} answered ${bytes} bytes: over WeChat's 1 MB for a cloud function's result`)
}
