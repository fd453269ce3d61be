import { fixedClock } from '../../cloud/lib/clock'
import { ensureIndexes } from '../../cloud/lib/collections'
import { dispatch } from '../../cloud/lib/dispatch'
import { randomSecrets } from '../../cloud/lib/secrets'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import { functions } from '../../cloud/functions'
import { seedDemo } from '../../server/seed/demo'
import type { FunctionName } from '../../src/domain/contract'
import type { WechatServices } from '../../cloud/lib/wechat'

/** A fresh in-memory embedded store with the demo seed, and a way to call actions as someone. */
export async function cloudHarness(start = '2026-11-23T08:00:00.000Z', options: { wechat?: WechatServices; logError?: (message: string, error: unknown) => void } = {}) {
  const store = createNedbStore(null)
  const clock = fixedClock(start)
  await ensureIndexes(store)
  await seedDemo(store, clock)
  const secrets = randomSecrets()
  const callAs = (openid: string | null, fn: FunctionName, action: string, data?: unknown) =>
    dispatch(fn, functions[fn] as never, { action, data }, { identity: openid ? { openid } : null, store, clock, secrets, wechat: options.wechat, logError: options.logError })
  return { store, clock, secrets, callAs }
}
