import { contract, type ActionInput, type ActionName, type ActionOutput, type ActionSpec, type FunctionName } from '@domain/contract'
import { parseInput } from '@domain/validate'
import { request } from './request'

/**
 * The way forms reach the cloud: input is checked against the contract before it is sent (the
 * cloud checks it again), so a mistake shows beside its field without a round trip. It loads every
 * schema: the main package (首页, 我的, components/) uses `request` (./request) instead.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>): Promise<ActionOutput<F, A>> {
  parseInput((contract[fn] as Record<string, ActionSpec>)[action].input, data)
  return request(fn, action, data)
}
