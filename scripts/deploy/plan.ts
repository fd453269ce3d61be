import type { StorageRule } from './rules'

/**
 * The deploy plan: a pure function of what WeChat Cloud should hold (DesiredState, built from
 * SCHEMA, the functions, SCHEDULE and cloud/functions/settings.ts) and what it holds now
 * (CurrentState, read through the CloudApi). The plan lists only what differs, in the order it must
 * be done; the CLI prints it and the apply step runs it. Nothing here does I/O.
 */

/** Index key direction as WeChat's index API spells it: "1", "-1", "2dsphere" (地理位置)
 * (developers.weixin.qq.com/minigame/dev/wxcloud/reference-http-api/database/updateIndex.md). */
export type Direction = '1' | '-1' | '2dsphere'

export interface IndexKey {
  field: string
  direction: Direction
}

export interface IndexDef {
  name: string
  keys: IndexKey[]
  unique: boolean
}

export interface TimerTrigger {
  name: string
  /** WeChat's seven-field cron: second minute hour day month weekday year, China time. */
  cron: string
}

export interface DesiredFunction {
  name: string
  runtime: string
  handler: string
  timeoutSeconds: number
  memoryMB: number
  /**
   * The functions' environment variables: the value given locally, or null when none was given
   * (then whatever is deployed is kept; a real deploy refuses to start without the required ones).
   */
  variables: Record<string, string | null>
  /** sha256 of the built folder (index.js, package.json, config.json). */
  codeHash: string
  triggers: TimerTrigger[]
}

export interface DesiredState {
  collections: Array<{ name: string; indexes: IndexDef[] }>
  databaseAcl: string
  storageRule: StorageRule
  functions: DesiredFunction[]
  /** The function that answers the first-administrator invitation, when this build has it. */
  adminFunction: string | null
  /** Variables that encrypt or look up data at rest: once deployed, a different value is refused. */
  guardedVariables: string[]
}

export interface CurrentFunction {
  /** SCF status: Active, Creating, Updating, CreateFailed, UpdateFailed, … */
  status: string
  runtime: string
  timeoutSeconds: number
  memoryMB: number
  variables: Record<string, string>
  /** Timer triggers only. */
  triggers: TimerTrigger[]
  /** The code hash the deploy wrote into the description after the last upload, if any. */
  codeHash: string | null
}

export interface CurrentState {
  collections: Record<string, { indexes: IndexDef[]; acl: string | null }>
  storage: { acl: string; rule: unknown } | null
  functions: Record<string, CurrentFunction>
}

export const EMPTY_STATE: CurrentState = { collections: {}, storage: null, functions: {} }

export interface Change<T> {
  from: T | null
  to: T
}

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'setDatabaseAcl'; collection: string; acl: string; was: string | null }
  | { kind: 'dropIndex'; collection: string; index: string; reason: string }
  | { kind: 'createIndex'; collection: string; index: IndexDef }
  | { kind: 'setStorageRule'; rule: StorageRule; was: string | null }
  | {
      kind: 'createFunction'
      fn: string
      runtime: string
      handler: string
      timeoutSeconds: number
      memoryMB: number
      /** Names only: values are looked up when the step runs and never enter the plan. */
      variables: string[]
      /** Variables with no value given (a dry run without them; optional ones a real deploy leaves unset). */
      notGiven: string[]
      codeHash: string
      /** A function left in CreateFailed by an earlier try: manager-node deletes it and creates it again. */
      replacesFailed: boolean
    }
  | { kind: 'updateCode'; fn: string; codeHash: string }
  | {
      kind: 'configureFunction'
      fn: string
      timeoutSeconds?: Change<number>
      memoryMB?: Change<number>
      /** Variables whose value changes (names only). */
      changedVariables: string[]
      /** The whole set the function ends up with (the platform replaces the set as a whole). */
      variables: string[]
      /** Written after the code is uploaded, so an interrupted upload is retried next time. */
      codeHash?: string
    }
  | { kind: 'deleteTrigger'; fn: string; trigger: string; reason: string }
  | { kind: 'createTrigger'; fn: string; trigger: TimerTrigger }
  | { kind: 'inviteFirstAdmin'; fn: string; force: boolean; reason: string }
  | { kind: 'rebuildFigures'; fn: string; reason: string }
  | { kind: 'backfillAidLevels'; fn: string; reason: string }
  | { kind: 'backfillStationTerms'; fn: string; reason: string }

/** The function whose review.rebuildFigures makes the staff figures' counters from the records when there are none. */
export const FIGURES_FUNCTION = 'review'
/** The function whose aid.backfillLevels gives 金秋助学 rows stored before stop 25 their reviewing unions. */
export const AID_LEVELS_FUNCTION = 'aid'

/** The function whose stations.backfillTerms gives stations stored before today's search keys theirs, one batch a call. */
export const STATIONS_FUNCTION = 'stations'

export interface Plan {
  steps: Step[]
  /** What the deploy sees and leaves alone, in plain words. */
  notes: string[]
  /** Differences the deploy refuses to make; applying a plan with blockers does nothing. */
  blockers: string[]
}

export interface PlanOptions {
  /** --new-admin-invite: ask for a fresh invitation even when one exists or an administrator exists. */
  newAdminInvite?: boolean
  /** --backfill: run the batch backfills (stations.backfillTerms, aid.backfillLevels) even when their function's code is as deployed (one an earlier deploy left unfinished). */
  backfill?: boolean
}

/** MongoDB-style default name, kept to [A-Za-z0-9_]: `limitKey_1`, `childKey_1_year_1`, `location_2dsphere`. */
export function indexName(keys: IndexKey[]): string {
  return keys.map((k) => `${k.field.replace(/[^A-Za-z0-9]/g, '_')}_${k.direction.replace('-', 'm')}`).join('_')
}

const keysText = (keys: IndexKey[]) => keys.map((k) => `${k.field}:${k.direction}`).join(',')

/**
 * Whether an index that exists serves as the one wanted: the same keys in the same order and the
 * same uniqueness, whatever its name (an index made by hand in the console counts). A single-key
 * ascending and descending index answer the same queries, so "1" and "-1" match there.
 */
function sameIndex(current: IndexDef, wanted: IndexDef): boolean {
  return sameKeys(current.keys, wanted.keys) && current.unique === wanted.unique
}

function sameKeys(a: IndexKey[], b: IndexKey[]): boolean {
  if (a.length !== b.length) return false
  const flexible = a.length === 1
  return a.every((k, i) => {
    const other = b[i]
    if (k.field !== other.field) return false
    if (k.direction === other.direction) return true
    return flexible && k.direction !== '2dsphere' && other.direction !== '2dsphere'
  })
}

/** The index every collection has; never listed, never touched. */
const ID_INDEX = '_id_'

function planCollection(wanted: DesiredState['collections'][number], current: CurrentState['collections'][string] | undefined, acl: string, steps: Step[], notes: string[]) {
  const { name } = wanted
  if (!current) {
    steps.push({ kind: 'createCollection', collection: name })
    // Right after the collection is made, before anything else, so no client can write in between.
    steps.push({ kind: 'setDatabaseAcl', collection: name, acl, was: null })
    for (const index of wanted.indexes) steps.push({ kind: 'createIndex', collection: name, index })
    return
  }
  if (current.acl !== acl) steps.push({ kind: 'setDatabaseAcl', collection: name, acl, was: current.acl })
  const existing = current.indexes.filter((i) => i.name !== ID_INDEX)
  const used = new Set<string>()
  for (const index of wanted.indexes) {
    const match = existing.find((i) => !used.has(i.name) && sameIndex(i, index))
    if (match) {
      used.add(match.name)
      continue
    }
    // The same keys with another uniqueness, or our name on other keys: the platform will not hold
    // both, so the old one goes first.
    const clash = existing.find((i) => !used.has(i.name) && (sameKeys(i.keys, index.keys) || i.name === index.name))
    if (clash) {
      used.add(clash.name)
      const reason = sameKeys(clash.keys, index.keys)
        ? `it is ${clash.unique ? 'unique' : 'not unique'} and must be ${index.unique ? 'unique' : 'not unique'}`
        : `its name is needed for ${keysText(index.keys)} (it indexes ${keysText(clash.keys)})`
      steps.push({ kind: 'dropIndex', collection: name, index: clash.name, reason })
    }
    steps.push({ kind: 'createIndex', collection: name, index })
  }
  for (const extra of existing.filter((i) => !used.has(i.name))) {
    notes.push(`index ${name}.${extra.name} (${keysText(extra.keys)}${extra.unique ? ', unique' : ''}) is not in SCHEMA: left alone`)
  }
}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function planFunction(fn: DesiredFunction, current: CurrentFunction | undefined, guarded: string[], steps: Step[], notes: string[], blockers: string[]) {
  const given = Object.entries(fn.variables).filter((entry): entry is [string, string] => entry[1] !== null)
  if (!current || current.status === 'CreateFailed') {
    steps.push({
      kind: 'createFunction',
      fn: fn.name,
      runtime: fn.runtime,
      handler: fn.handler,
      timeoutSeconds: fn.timeoutSeconds,
      memoryMB: fn.memoryMB,
      variables: given.map(([name]) => name),
      notGiven: Object.keys(fn.variables).filter((name) => fn.variables[name] === null),
      codeHash: fn.codeHash,
      replacesFailed: Boolean(current),
    })
    for (const trigger of fn.triggers) steps.push({ kind: 'createTrigger', fn: fn.name, trigger })
    return
  }

  if (current.runtime !== fn.runtime) {
    notes.push(`function ${fn.name} runs ${current.runtime}, not ${fn.runtime}: a runtime is fixed when a function is created; delete the function in the console and deploy again to change it`)
  }
  const refused = given.filter(([name, value]) => guarded.includes(name) && current.variables[name] !== undefined && current.variables[name] !== value)
  for (const [name] of refused) {
    blockers.push(
      `function ${fn.name} already has a different ${name}. Changing it would make the data already written unreadable (ID and card numbers, their lookups). Give the value that is deployed (console → 云函数 → ${fn.name} → 函数配置), or change it there yourself if you really mean to.`,
    )
  }
  const accepted = given.filter((entry) => !refused.includes(entry))

  const codeChanged = current.codeHash !== fn.codeHash || current.status === 'UpdateFailed'
  if (codeChanged) steps.push({ kind: 'updateCode', fn: fn.name, codeHash: fn.codeHash })

  const changedVariables = accepted.filter(([name, value]) => current.variables[name] !== value).map(([name]) => name)
  const timeout = current.timeoutSeconds !== fn.timeoutSeconds ? { from: current.timeoutSeconds, to: fn.timeoutSeconds } : undefined
  const memory = current.memoryMB !== fn.memoryMB ? { from: current.memoryMB, to: fn.memoryMB } : undefined
  if (codeChanged || timeout || memory || changedVariables.length) {
    steps.push({
      kind: 'configureFunction',
      fn: fn.name,
      ...(timeout ? { timeoutSeconds: timeout } : {}),
      ...(memory ? { memoryMB: memory } : {}),
      changedVariables,
      variables: [...new Set([...Object.keys(current.variables), ...accepted.map(([name]) => name)])].sort(),
      ...(codeChanged ? { codeHash: fn.codeHash } : {}),
    })
  }

  for (const trigger of fn.triggers) {
    const same = current.triggers.find((t) => t.name === trigger.name)
    if (same && same.cron === trigger.cron) continue
    if (same) steps.push({ kind: 'deleteTrigger', fn: fn.name, trigger: trigger.name, reason: `its schedule changes from "${same.cron}"` })
    steps.push({ kind: 'createTrigger', fn: fn.name, trigger })
  }
  for (const stale of current.triggers.filter((t) => !fn.triggers.some((w) => w.name === t.name))) {
    steps.push({ kind: 'deleteTrigger', fn: fn.name, trigger: stale.name, reason: 'it is no longer in SCHEDULE' })
  }
}

export function planDeploy(desired: DesiredState, current: CurrentState, options: PlanOptions = {}): Plan {
  const steps: Step[] = []
  const notes: string[] = []
  const blockers: string[] = []

  for (const collection of desired.collections) planCollection(collection, current.collections[collection.name], desired.databaseAcl, steps, notes)
  const known = new Set(desired.collections.map((c) => c.name))
  for (const name of Object.keys(current.collections).filter((n) => !known.has(n)).sort()) {
    notes.push(`collection ${name} is not in SCHEMA: left alone`)
  }

  const storageOk = current.storage?.acl === 'CUSTOM' && sameJson(current.storage.rule, desired.storageRule)
  if (!storageOk) steps.push({ kind: 'setStorageRule', rule: desired.storageRule, was: current.storage ? current.storage.acl : null })

  // Functions after the database: new code relies on its unique indexes (a claim's limit) from its
  // first call. Triggers after their function's code and settings, so no timer runs old code.
  const functionSteps: Step[] = []
  const triggerSteps: Step[] = []
  for (const fn of desired.functions) {
    const own: Step[] = []
    planFunction(fn, current.functions[fn.name], desired.guardedVariables, own, notes, blockers)
    for (const step of own) (step.kind === 'createTrigger' || step.kind === 'deleteTrigger' ? triggerSteps : functionSteps).push(step)
  }
  steps.push(...functionSteps, ...triggerSteps)
  // New code of the figures' function may be the first with counters: it makes them from the records
  // stored before, once its code is up. On a store that has counters it does nothing (idempotent).
  const figuresCode = functionSteps.find((s) => (s.kind === 'createFunction' || s.kind === 'updateCode') && s.fn === FIGURES_FUNCTION)
  if (figuresCode) steps.push({ kind: 'rebuildFigures', fn: FIGURES_FUNCTION, reason: `new code of ${FIGURES_FUNCTION}` })
  // The batch backfills, a batch a call, asked until done (idempotent: where nothing is missing it
  // is a read or two). The aid function's gives applications and objections stored before their
  // reviewing unions, which the desk and queues filter on; the stations function's gives stations
  // stored before the search keys theirs. The local server runs both at start; WeChat needs them
  // here, after the code, and --backfill runs them again to finish one an earlier deploy left.
  const batchBackfills = [
    { kind: 'backfillAidLevels', fn: AID_LEVELS_FUNCTION },
    { kind: 'backfillStationTerms', fn: STATIONS_FUNCTION },
  ] as const
  for (const { kind, fn } of batchBackfills) {
    const code = functionSteps.find((s) => (s.kind === 'createFunction' || s.kind === 'updateCode') && s.fn === fn)
    if (code) steps.push({ kind, fn, reason: `new code of ${fn}` })
    else if (options.backfill && desired.functions.some((f) => f.name === fn)) steps.push({ kind, fn, reason: '--backfill' })
    else if (options.backfill) notes.push(`--backfill: this build has no ${fn} function`)
  }
  const wanted = new Set(desired.functions.map((f) => f.name))
  for (const name of Object.keys(current.functions).filter((n) => !wanted.has(n)).sort()) {
    notes.push(`function ${name} is not built by this project: left alone`)
  }

  const admin = desired.adminFunction
  if (!admin) {
    if (options.newAdminInvite) blockers.push('--new-admin-invite: this build has no admin function, so no invitation can be made')
    else notes.push('this build has no admin function: no first-administrator invitation')
  } else if (options.newAdminInvite) {
    steps.push({ kind: 'inviteFirstAdmin', fn: admin, force: true, reason: '--new-admin-invite' })
  } else if (!current.functions[admin] || current.functions[admin].status === 'CreateFailed') {
    steps.push({ kind: 'inviteFirstAdmin', fn: admin, force: false, reason: `first deploy of ${admin}` })
  }

  return { steps, notes, blockers }
}
