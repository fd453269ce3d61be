import type { CurrentFunction, CurrentState, DesiredState, IndexDef, TimerTrigger } from './plan'
import type { StorageRule } from './rules'

/**
 * Everything the deploy asks of WeChat Cloud: the small interface the plan is read and applied
 * through. scripts/deploy/manager.ts implements it over @cloudbase/manager-node; tests use a
 * recording implementation in its place.
 */
export interface CloudApi {
  // Reading what exists.
  listCollections(): Promise<string[]>
  listIndexes(collection: string): Promise<IndexDef[]>
  /** The collection's AclTag (READONLY, PRIVATE, ADMINWRITE, ADMINONLY, CUSTOM). */
  getDatabaseAcl(collection: string): Promise<string | null>
  getStorageRule(): Promise<{ acl: string; rule: unknown } | null>
  listFunctions(): Promise<string[]>
  getFunction(name: string): Promise<CurrentFunction>

  // Changing it.
  createCollection(collection: string): Promise<void>
  setDatabaseAcl(collection: string, acl: string): Promise<void>
  createIndex(collection: string, index: IndexDef): Promise<void>
  dropIndex(collection: string, index: string): Promise<void>
  setStorageRule(rule: StorageRule): Promise<void>
  createFunction(spec: FunctionSpec): Promise<void>
  /** Uploads the folder and has the cloud install its dependencies (wx-server-sdk). */
  updateFunctionCode(name: string, codeDir: string): Promise<void>
  updateFunctionConfig(name: string, config: FunctionConfig): Promise<void>
  createTrigger(fn: string, trigger: TimerTrigger): Promise<void>
  deleteTrigger(fn: string, trigger: string): Promise<void>
  /** Calls a function as the platform does, with no WeChat user behind the call (no OPENID); answers what it returned. */
  invokeFunction(name: string, event: unknown): Promise<unknown>
}

export interface FunctionSpec {
  name: string
  runtime: string
  handler: string
  timeoutSeconds: number
  memoryMB: number
  variables: Record<string, string>
  description: string
  codeDir: string
}

export interface FunctionConfig {
  timeoutSeconds?: number
  memoryMB?: number
  /** The whole set: the platform replaces it as a whole. */
  variables?: Record<string, string>
  description?: string
}

/**
 * The function description carries the hash of the code last uploaded by the deploy, written only
 * after the upload succeeded. SCF descriptions allow letters, digits, spaces, commas, full stops
 * (cloud.tencent.com/document/api/583/18586; an older version of that page refuses Chinese), so the
 * marker uses nothing else.
 */
const MARKER = 'deployed code sha256 '
export const codeDescription = (hash: string) => `Union member services, ${MARKER}${hash}`
export function codeHashFromDescription(description: string | undefined | null): string | null {
  const match = description?.match(/deployed code sha256 ([0-9a-f]{64})/)
  return match ? match[1] : null
}

/**
 * Reads what exists of what the deploy manages: every collection (with its indexes and rule), the
 * storage rule, and every function (details only for the ones this project builds).
 */
export async function readCurrentState(api: CloudApi, desired: DesiredState): Promise<CurrentState> {
  const state: CurrentState = { collections: {}, storage: null, functions: {} }
  for (const name of await api.listCollections()) {
    state.collections[name] = { indexes: [], acl: null }
  }
  const wanted = new Set(desired.collections.map((c) => c.name))
  for (const name of Object.keys(state.collections)) {
    if (!wanted.has(name)) continue
    state.collections[name] = { indexes: await api.listIndexes(name), acl: await api.getDatabaseAcl(name) }
  }
  state.storage = await api.getStorageRule()
  const ours = new Set(desired.functions.map((f) => f.name))
  for (const name of await api.listFunctions()) {
    state.functions[name] = ours.has(name) ? await api.getFunction(name) : { status: 'Active', runtime: '', timeoutSeconds: 0, memoryMB: 0, variables: {}, triggers: [], codeHash: null }
  }
  return state
}
