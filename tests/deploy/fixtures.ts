import { createHash, randomBytes } from 'node:crypto'
import { functions } from '../../cloud/functions'
import { SCHEDULE } from '../../cloud/functions/schedule'
import { SCHEMA } from '../../cloud/functions/schema'
import { desiredState, type FunctionVariable } from '../../scripts/deploy/desired'
import type { CurrentState, DesiredState } from '../../scripts/deploy/plan'

/** The project's functions (admin among them), and the same without admin (an older build). */
export const FUNCTION_NAMES = Object.keys(functions)
export const WITH_ADMIN = FUNCTION_NAMES
export const WITHOUT_ADMIN = FUNCTION_NAMES.filter((name) => name !== 'admin')

export const fakeHash = (name: string, version = 1) => createHash('sha256').update(`${name}@${version}`).digest('hex')

export function localVariables(): Record<FunctionVariable, string> {
  return {
    DATA_KEY: randomBytes(32).toString('base64'),
    HASH_KEY: randomBytes(32).toString('base64'),
    TOKEN_KEY: randomBytes(32).toString('base64'),
    CARD_KEY: randomBytes(32).toString('base64'),
    CARD_KEY_PREVIOUS: randomBytes(32).toString('base64'),
    SUBSCRIBE_TEMPLATES: '{}',
    MINIPROGRAM_STATE: 'formal',
  }
}

/** What the deploy wants, from SCHEMA, the functions and SCHEDULE themselves (never a copy of them). */
export function desiredFor(options: { functionNames?: string[]; variables?: Partial<Record<string, string>>; version?: number } = {}): DesiredState {
  const names = options.functionNames ?? FUNCTION_NAMES
  return desiredState({
    schema: SCHEMA,
    functionNames: names,
    schedule: SCHEDULE,
    codeHashes: Object.fromEntries(names.map((n) => [n, fakeHash(n, options.version)])),
    variables: options.variables ?? localVariables(),
  })
}

/** An environment that already holds exactly what `desired` wants (as a previous deploy left it). */
export function stateOf(desired: DesiredState): CurrentState {
  return {
    collections: Object.fromEntries(desired.collections.map((c) => [c.name, { indexes: [{ name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true }, ...c.indexes], acl: desired.databaseAcl }])),
    storage: { acl: 'CUSTOM', rule: JSON.parse(JSON.stringify(desired.storageRule)) },
    functions: Object.fromEntries(
      desired.functions.map((f) => [
        f.name,
        {
          status: 'Active',
          runtime: f.runtime,
          timeoutSeconds: f.timeoutSeconds,
          memoryMB: f.memoryMB,
          variables: Object.fromEntries(Object.entries(f.variables).filter((e): e is [string, string] => e[1] !== null)),
          triggers: f.triggers.map((t) => ({ ...t })),
          codeHash: f.codeHash,
        },
      ]),
    ),
  }
}
