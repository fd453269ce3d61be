import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ScheduledJob } from '../../cloud/functions/schedule'
import { functionSettings, RUNTIME } from '../../cloud/functions/settings'
import type { CollectionIndexes } from '../../cloud/lib/store/port'
import { indexName, type DesiredState, type IndexDef, type IndexKey, type TimerTrigger } from './plan'
import { DATABASE_ACL, STORAGE_RULE } from './rules'

/** The variables every function gets (cloud/entry/wx.ts and cloud/lib/secrets.ts read them). */
export const FUNCTION_VARIABLES = ['DATA_KEY', 'HASH_KEY', 'TOKEN_KEY', 'CARD_KEY', 'CARD_KEY_PREVIOUS', 'SUBSCRIBE_TEMPLATES', 'MINIPROGRAM_STATE'] as const
export type FunctionVariable = (typeof FUNCTION_VARIABLES)[number]
/** Without these a function cannot start (secretsFromEnv throws). */
export const REQUIRED_VARIABLES: FunctionVariable[] = ['DATA_KEY', 'HASH_KEY', 'TOKEN_KEY', 'CARD_KEY']
/** Encrypt ID and card numbers and key their lookups: changing them once data exists loses that data. */
export const GUARDED_VARIABLES: FunctionVariable[] = ['DATA_KEY', 'HASH_KEY']

/** The function the other half of the first-administrator invitation lives in. */
export const ADMIN_FUNCTION = 'admin'

/**
 * Documented limits the desired state is checked against before anything is planned:
 * - at most 100 collections per environment and 100 indexes per collection, 31 fields per index
 *   (docs.cloudbase.net/en/faq/database; cloud.tencent.com/document/product/878/18436 allows 300
 *   collections: the smaller number is kept);
 * - timer triggers: a name of at most 60 characters `a-z A-Z 0-9 - _` starting with a letter, a cron
 *   of seven fields, and one timer per function in WeChat's config.json
 *   (cloud.tencent.com/document/product/583/9708; tencentcloudbase.github.io/2019-09-03-cloudfunction-timingtrigger).
 */
export const LIMITS = { collections: 100, indexesPerCollection: 100, fieldsPerIndex: 31, triggersPerFunction: 1, indexNameLength: 64 }
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

export function schemaCollections(schema: CollectionIndexes): DesiredState['collections'] {
  const names = Object.keys(schema)
  if (names.length > LIMITS.collections) throw new Error(`SCHEMA has ${names.length} collections; an environment holds at most ${LIMITS.collections}`)
  return names.map((name) => {
    const indexes: IndexDef[] = schema[name].map((spec) => {
      if (!spec.fields.length || spec.fields.length > LIMITS.fieldsPerIndex) throw new Error(`${name}: an index has ${spec.fields.length} fields (1–${LIMITS.fieldsPerIndex})`)
      if (spec.geo && spec.fields.length !== 1) throw new Error(`${name}: a geo index covers exactly one field (${spec.fields.join(', ')})`)
      if (spec.geo && spec.unique) throw new Error(`${name}.${spec.fields[0]}: a geo index cannot be unique`)
      const keys: IndexKey[] = spec.fields.map((field) => ({ field, direction: spec.geo ? '2dsphere' : '1' }))
      return { name: indexName(keys), keys, unique: Boolean(spec.unique) }
    })
    if (indexes.length > LIMITS.indexesPerCollection) throw new Error(`${name}: ${indexes.length} indexes; a collection holds at most ${LIMITS.indexesPerCollection}`)
    const seen = new Set<string>()
    for (const index of indexes) {
      if (index.name.length > LIMITS.indexNameLength) throw new Error(`${name}: index name ${index.name} is longer than ${LIMITS.indexNameLength} characters`)
      if (seen.has(index.name)) throw new Error(`${name}: two indexes on ${index.keys.map((k) => k.field).join(', ')}`)
      seen.add(index.name)
    }
    return { name, indexes }
  })
}

export function scheduleTriggers(schedule: ScheduledJob[], fn: string): TimerTrigger[] {
  const triggers = schedule.filter((job) => job.fn === fn).map((job) => ({ name: job.action, cron: job.cron }))
  if (triggers.length > LIMITS.triggersPerFunction) throw new Error(`${fn}: ${triggers.length} timer triggers; WeChat allows ${LIMITS.triggersPerFunction} per function`)
  for (const t of triggers) {
    if (!TRIGGER_NAME.test(t.name)) throw new Error(`${fn}: timer trigger name "${t.name}" must start with a letter and have at most 60 of a-z A-Z 0-9 - _`)
    if (t.cron.trim().split(/\s+/).length !== 7) throw new Error(`${fn}.${t.name}: cron "${t.cron}" must have seven fields (second minute hour day month weekday year)`)
  }
  return triggers
}

export interface DesiredInputs {
  schema: CollectionIndexes
  functionNames: string[]
  schedule: ScheduledJob[]
  /** Function name → sha256 of its built folder. */
  codeHashes: Record<string, string>
  /** Variable name → value, or undefined when not given locally. */
  variables: Partial<Record<string, string>>
}

export function desiredState(inputs: DesiredInputs): DesiredState {
  const names = [...inputs.functionNames].sort()
  for (const job of inputs.schedule) if (!names.includes(job.fn)) throw new Error(`SCHEDULE names function ${job.fn}, which is not built`)
  return {
    collections: schemaCollections(inputs.schema),
    databaseAcl: DATABASE_ACL,
    storageRule: STORAGE_RULE,
    functions: names.map((name) => {
      const settings = functionSettings(name)
      const codeHash = inputs.codeHashes[name]
      if (!codeHash) throw new Error(`function ${name} has not been built`)
      return {
        name,
        runtime: RUNTIME,
        handler: 'index.main',
        timeoutSeconds: settings.timeoutSeconds,
        memoryMB: settings.memoryMB,
        variables: Object.fromEntries(FUNCTION_VARIABLES.map((v) => [v, inputs.variables[v] ?? null])),
        codeHash,
        triggers: scheduleTriggers(inputs.schedule, name),
      }
    }),
    adminFunction: names.includes(ADMIN_FUNCTION) ? ADMIN_FUNCTION : null,
    guardedVariables: [...GUARDED_VARIABLES],
  }
}

/** sha256 over every file of a built function folder (relative path and bytes), in a fixed order. */
export function hashFunctionDir(dir: string): string {
  const hash = createHash('sha256')
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub))
      .sort()
      .flatMap((entry) => {
        const rel = sub ? `${sub}/${entry}` : entry
        return statSync(path.join(dir, rel)).isDirectory() ? walk(rel) : [rel]
      })
  for (const rel of walk('')) {
    hash.update(rel).update('\0').update(readFileSync(path.join(dir, rel))).update('\0')
  }
  return hash.digest('hex')
}
