import { codeHashFromDescription, type CloudApi, type FunctionConfig, type FunctionSpec } from '../../scripts/deploy/cloud-api'
import type { CurrentFunction, IndexDef, TimerTrigger } from '../../scripts/deploy/plan'
import type { StorageRule } from '../../scripts/deploy/rules'

export interface Call {
  method: keyof CloudApi
  args: unknown[]
}

/**
 * A recording CloudApi. It stands in for Tencent's servers, which cannot be reached here: it keeps
 * an in-memory picture of an environment, changes it the way each call is meant to (as read in
 * manager-node's source and CloudBase's documentation), records every call, and fails or hangs on
 * the call a test names. It shows what the deploy asks for and in what order, and how the deploy
 * behaves when a call fails; it does not show what Tencent's servers accept, how long they take, or
 * how they report their state.
 */
export class RecordingCloud implements CloudApi {
  calls: Call[] = []
  collections = new Map<string, { indexes: IndexDef[]; acl: string | null }>()
  /** WeChat's default storage permission is 所有用户可读 (READONLY). */
  storage: { acl: string; rule: unknown } | null = { acl: 'READONLY', rule: null }
  functions = new Map<string, CurrentFunction>()
  /** What the function answers when invoked. */
  invokeAnswer: unknown = { ok: true, data: { invitation: null } }
  /** What review.rebuildFigures answers (the deploy's other operator call). */
  rebuildAnswer: unknown = { ok: true, data: { rebuilt: false, documents: 0 } }
  /** What aid.backfillLevels answers, call by call; then that none are left. */
  levelsAnswers: unknown[] = []
  /** What stations.backfillTerms answers, call by call; the last one again once the list is used up. */
  backfillAnswers: unknown[] = [{ ok: true, data: { fixed: 0, done: true } }]
  /** Returns an error to throw, 'hang' to never answer, or undefined to go on. */
  failOn: (call: Call) => Error | 'hang' | undefined = () => undefined

  get writes(): Call[] {
    return this.calls.filter((c) => !READS.has(c.method))
  }

  private async record(method: keyof CloudApi, ...args: unknown[]): Promise<void> {
    const call = { method, args }
    this.calls.push(call)
    const fault = this.failOn(call)
    if (fault === 'hang') await new Promise(() => undefined)
    if (fault) throw fault
  }

  async listCollections() {
    await this.record('listCollections')
    return [...this.collections.keys()]
  }
  async listIndexes(collection: string) {
    await this.record('listIndexes', collection)
    return [{ name: '_id_', keys: [{ field: '_id', direction: '1' as const }], unique: true }, ...this.need(collection).indexes]
  }
  async getDatabaseAcl(collection: string) {
    await this.record('getDatabaseAcl', collection)
    return this.need(collection).acl
  }
  async getStorageRule() {
    await this.record('getStorageRule')
    return this.storage
  }
  async listFunctions() {
    await this.record('listFunctions')
    return [...this.functions.keys()]
  }
  async getFunction(name: string) {
    await this.record('getFunction', name)
    const fn = this.functions.get(name)
    if (!fn) throw new Error(`ResourceNotFound.Function: ${name}`)
    return { ...fn, variables: { ...fn.variables }, triggers: [...fn.triggers] }
  }

  async createCollection(collection: string) {
    await this.record('createCollection', collection)
    if (this.collections.has(collection)) throw new Error(`collection ${collection} exists`)
    // A new collection's rule before the deploy sets one (WeChat's default, 仅创建者可读写).
    this.collections.set(collection, { indexes: [], acl: 'PRIVATE' })
  }
  async setDatabaseAcl(collection: string, acl: string) {
    await this.record('setDatabaseAcl', collection, acl)
    this.need(collection).acl = acl
  }
  async createIndex(collection: string, index: IndexDef) {
    await this.record('createIndex', collection, index)
    const c = this.need(collection)
    if (c.indexes.some((i) => i.name === index.name)) throw new Error(`index ${index.name} exists`)
    c.indexes.push(index)
  }
  async dropIndex(collection: string, index: string) {
    await this.record('dropIndex', collection, index)
    const c = this.need(collection)
    c.indexes = c.indexes.filter((i) => i.name !== index)
  }
  async setStorageRule(rule: StorageRule) {
    await this.record('setStorageRule', rule)
    this.storage = { acl: 'CUSTOM', rule: JSON.parse(JSON.stringify(rule)) }
  }
  async createFunction(spec: FunctionSpec) {
    await this.record('createFunction', spec)
    const existing = this.functions.get(spec.name)
    if (existing && existing.status !== 'CreateFailed') throw new Error(`ResourceInUse.Function: ${spec.name}`)
    this.functions.set(spec.name, {
      status: 'Active',
      runtime: spec.runtime,
      timeoutSeconds: spec.timeoutSeconds,
      memoryMB: spec.memoryMB,
      variables: { ...spec.variables },
      triggers: [],
      codeHash: codeHashFromDescription(spec.description),
    })
  }
  async updateFunctionCode(name: string, codeDir: string) {
    await this.record('updateFunctionCode', name, codeDir)
    this.needFn(name).status = 'Active'
  }
  async updateFunctionConfig(name: string, config: FunctionConfig) {
    await this.record('updateFunctionConfig', name, config)
    const fn = this.needFn(name)
    if (config.timeoutSeconds !== undefined) fn.timeoutSeconds = config.timeoutSeconds
    if (config.memoryMB !== undefined) fn.memoryMB = config.memoryMB
    if (config.variables) fn.variables = { ...config.variables }
    if (config.description !== undefined) fn.codeHash = codeHashFromDescription(config.description)
  }
  async createTrigger(fn: string, trigger: TimerTrigger) {
    await this.record('createTrigger', fn, trigger)
    const f = this.needFn(fn)
    if (f.triggers.some((t) => t.name === trigger.name)) throw new Error(`trigger ${trigger.name} exists`)
    f.triggers.push(trigger)
  }
  async deleteTrigger(fn: string, trigger: string) {
    await this.record('deleteTrigger', fn, trigger)
    const f = this.needFn(fn)
    f.triggers = f.triggers.filter((t) => t.name !== trigger)
  }
  async invokeFunction(name: string, event: unknown) {
    await this.record('invokeFunction', name, event)
    this.needFn(name)
    const operator = (event as { operator?: string } | null)?.operator
    if (operator === 'backfillLevels') return this.levelsAnswers.shift() ?? { ok: true, data: { filled: 0, done: true } }
    if (operator === 'backfillTerms') return this.backfillAnswers.length > 1 ? this.backfillAnswers.shift() : this.backfillAnswers[0]
    return operator === 'rebuildFigures' ? this.rebuildAnswer : this.invokeAnswer
  }

  private need(collection: string) {
    const c = this.collections.get(collection)
    if (!c) throw new Error(`ResourceNotFound: collection ${collection}`)
    return c
  }
  private needFn(name: string) {
    const f = this.functions.get(name)
    if (!f) throw new Error(`ResourceNotFound.Function: ${name}`)
    return f
  }
}

const READS = new Set<keyof CloudApi>(['listCollections', 'listIndexes', 'getDatabaseAcl', 'getStorageRule', 'listFunctions', 'getFunction'])
