import type { CloudApi } from './cloud-api'
import { codeHashFromDescription } from './cloud-api'
import type { Direction, IndexDef, TimerTrigger } from './plan'

/**
 * The CloudApi over @cloudbase/manager-node 5.6.5 (Tencent Cloud API keys, the environment id).
 * Each method is one manager-node call, or one Tencent Cloud API action through its commonService
 * where manager-node has no method for it (the database rule). This file cannot be run here: it
 * needs Tencent's servers. What each call sends was read from manager-node's source.
 */
export interface ManagerConfig {
  envId: string
  secretId: string
  secretKey: string
  /** A temporary key's session token, if any. */
  token?: string
  region?: string
}

interface RawIndex {
  Name?: string
  Keys?: Array<{ Name?: string; Direction?: string | number }>
  Unique?: boolean
}

const PAGE = 20

export async function createManagerApi(config: ManagerConfig): Promise<CloudApi> {
  // Loaded only for a real deploy: a dry run needs neither the package's start-up nor credentials.
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  const app = new CloudBase({ envId: config.envId, secretId: config.secretId, secretKey: config.secretKey, token: config.token, region: config.region })
  const { database, storage, functions } = app
  // ModifyDatabaseACL / DescribeDatabaseACL (cloud.tencent.com/document/api/876/34819, …/34821):
  // manager-node 5.6.5 has no method for a collection's rule, so they go through its plain API call.
  const tcb = app.commonService('tcb', '2018-06-08')

  const normalizeIndex = (raw: RawIndex): IndexDef => ({
    name: String(raw.Name ?? ''),
    keys: (raw.Keys ?? []).map((k) => ({ field: String(k.Name ?? ''), direction: String(k.Direction ?? '') as Direction })),
    unique: Boolean(raw.Unique),
  })

  /** SCF lists a timer's schedule as TriggerDesc, `{"cron":"0 0 9 * * * *"}` (or the bare cron). */
  const triggerCron = (desc: string | undefined): string => {
    if (!desc) return ''
    try {
      const parsed = JSON.parse(desc) as { cron?: unknown }
      if (parsed && typeof parsed.cron === 'string') return parsed.cron
    } catch {
      // not JSON: the cron itself
    }
    return desc
  }

  return {
    async listCollections() {
      const names: string[] = []
      for (let offset = 0; ; offset += 100) {
        const res = await database.listCollections({ MgoLimit: 100, MgoOffset: offset })
        const page = (res.Collections ?? []).map((c) => c.CollectionName)
        names.push(...page)
        if (page.length < 100 || names.length >= (res.Pager?.Total ?? 0)) return names
      }
    },
    async listIndexes(collection) {
      const res = await database.describeCollection(collection)
      return ((res.Indexes ?? []) as RawIndex[]).map(normalizeIndex)
    },
    async getDatabaseAcl(collection) {
      const res = (await tcb.call({ Action: 'DescribeDatabaseACL', Param: { EnvId: config.envId, CollectionName: collection } })) as { AclTag?: string }
      return res.AclTag ?? null
    },
    async getStorageRule() {
      const res = await storage.getStorageAcl({ withRule: true })
      return res ? { acl: res.acl, rule: res.rule ?? null } : null
    },
    async listFunctions() {
      const names: string[] = []
      for (let offset = 0; ; offset += PAGE) {
        const page = await functions.listFunctions(PAGE, offset)
        names.push(...page.map((f) => f.FunctionName))
        if (page.length < PAGE) return names
      }
    },
    async getFunction(name) {
      const d = await functions.getFunctionDetail(name)
      const triggers: TimerTrigger[] = (d.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => ({ name: t.TriggerName, cron: triggerCron(t.TriggerDesc) }))
      return {
        status: d.Status,
        runtime: d.Runtime,
        timeoutSeconds: Number(d.Timeout),
        memoryMB: Number(d.MemorySize),
        variables: Object.fromEntries((d.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers,
        codeHash: codeHashFromDescription(d.Description),
      }
    },

    async createCollection(collection) {
      await database.createCollection(collection)
    },
    async setDatabaseAcl(collection, acl) {
      await tcb.call({ Action: 'ModifyDatabaseACL', Param: { EnvId: config.envId, CollectionName: collection, AclTag: acl } })
    },
    async createIndex(collection, index) {
      // UpdateTable with CreateIndexes; Direction "1" / "-1" / "2dsphere".
      await database.updateCollection(collection, {
        CreateIndexes: [{ IndexName: index.name, MgoKeySchema: { MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: k.direction })), MgoIsUnique: index.unique } }],
      })
    },
    async dropIndex(collection, index) {
      await database.updateCollection(collection, { DropIndexes: [{ IndexName: index }] })
    },
    async setStorageRule(rule) {
      await storage.setStorageAcl('CUSTOM', rule)
    },
    async createFunction(spec) {
      // CreateFunction with the code zipped from the folder (uploaded through COS), then it waits
      // until the function is Active; a CreateFailed leftover of the same name is deleted and made again.
      await functions.createFunction({
        func: {
          name: spec.name,
          runtime: spec.runtime,
          handler: spec.handler,
          timeout: spec.timeoutSeconds,
          memorySize: spec.memoryMB,
          envVariables: spec.variables,
          installDependency: true,
          description: spec.description,
        },
        functionPath: spec.codeDir,
        force: false,
      })
    },
    async updateFunctionCode(name, codeDir) {
      // UpdateFunctionCode with InstallDependency TRUE; isWaitInstall waits until the function is Active again.
      await functions.updateFunctionCode({ func: { name, installDependency: true, isWaitInstall: true }, functionPath: codeDir })
    },
    async updateFunctionConfig(name, change) {
      // UpdateFunctionConfiguration sends only the fields given; Environment, when given, replaces the set.
      await functions.updateFunctionConfig({
        name,
        ...(change.timeoutSeconds !== undefined ? { timeout: change.timeoutSeconds } : {}),
        ...(change.memoryMB !== undefined ? { memorySize: change.memoryMB } : {}),
        ...(change.variables ? { envVariables: change.variables } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
      })
      await functions.waitFunctionActive(name)
    },
    async createTrigger(fn, trigger) {
      await functions.createFunctionTriggers(fn, [{ name: trigger.name, type: 'timer', config: trigger.cron }])
    },
    async deleteTrigger(fn, trigger) {
      await functions.deleteFunctionTrigger(fn, trigger)
    },
    async invokeFunction(name, event) {
      // SCF Invoke with the event as ClientContext: no WeChat context, so the function sees no OPENID.
      const res = await functions.invokeFunction(name, event as Record<string, unknown>)
      if (res.InvokeResult !== 0 || res.ErrMsg) throw new Error(`${name} failed to run: ${res.ErrMsg || `InvokeResult ${res.InvokeResult}`}`)
      try {
        return JSON.parse(res.RetMsg) as unknown
      } catch {
        throw new Error(`${name} answered something that is not JSON`)
      }
    },
  }
}
