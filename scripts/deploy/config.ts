import { existsSync, readFileSync } from 'node:fs'
import { parseSubscribeTemplates } from '../../domain/subscribe'
import { FUNCTION_VARIABLES, REQUIRED_VARIABLES, type FunctionVariable } from './desired'
import type { ManagerConfig } from './manager'

/**
 * Where the deploy's settings come from: the process environment, then an untracked local file
 * (.deploy.env at the project root by default, KEY=VALUE lines, git-ignored). The environment wins.
 * Values are never printed: messages name the variable, not what it holds.
 */
export const DEFAULT_ENV_FILE = '.deploy.env'

export const CREDENTIAL_NAMES = {
  envId: 'TCB_ENV_ID',
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
  token: 'TENCENTCLOUD_SESSIONTOKEN',
  region: 'TCB_REGION',
} as const

/** KEY=VALUE lines; blank lines and # comments ignored; one pair of surrounding quotes removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) throw new Error(`line ${i + 1}: expected NAME=value`)
    const name = line.slice(0, eq).trim().replace(/^export\s+/, '')
    let value = line.slice(eq + 1).trim()
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1)
    out[name] = value
  }
  return out
}

export function readSettings(env: Record<string, string | undefined>, envFile: string | null): Record<string, string | undefined> {
  let fromFile: Record<string, string> = {}
  if (envFile && existsSync(envFile)) {
    try {
      fromFile = parseEnvFile(readFileSync(envFile, 'utf8'))
    } catch (error) {
      throw new Error(`${envFile}: ${(error as Error).message}`)
    }
  }
  const merged: Record<string, string | undefined> = { ...fromFile }
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v
  return merged
}

/** The credentials for a real deploy, or the names of those missing. */
export function credentialsFrom(settings: Record<string, string | undefined>): { config: ManagerConfig; missing: string[] } {
  const get = (name: string) => settings[name]?.trim() || undefined
  const missing = [CREDENTIAL_NAMES.envId, CREDENTIAL_NAMES.secretId, CREDENTIAL_NAMES.secretKey].filter((n) => !get(n))
  return {
    missing,
    config: {
      envId: get(CREDENTIAL_NAMES.envId) ?? '',
      secretId: get(CREDENTIAL_NAMES.secretId) ?? '',
      secretKey: get(CREDENTIAL_NAMES.secretKey) ?? '',
      token: get(CREDENTIAL_NAMES.token),
      region: get(CREDENTIAL_NAMES.region),
    },
  }
}

/** The functions' variables given locally (undefined where not given). */
export function functionVariablesFrom(settings: Record<string, string | undefined>): Partial<Record<FunctionVariable, string>> {
  return Object.fromEntries(FUNCTION_VARIABLES.filter((n) => settings[n] !== undefined && settings[n] !== '').map((n) => [n, settings[n]]))
}

/**
 * What is wrong with the variables, in plain words (names only). `requireAll` for a real deploy:
 * DATA_KEY, HASH_KEY, TOKEN_KEY and CARD_KEY must be given.
 */
export function checkFunctionVariables(values: Partial<Record<FunctionVariable, string>>, requireAll: boolean): string[] {
  const problems: string[] = []
  // CARD_KEY_PREVIOUS is there only after a rotation of the card key; when given, it is a key like the others.
  for (const name of [...REQUIRED_VARIABLES, 'CARD_KEY_PREVIOUS' as const]) {
    const value = values[name]
    if (value === undefined) {
      if (requireAll && REQUIRED_VARIABLES.includes(name)) problems.push(`${name} is not set: 32 random bytes in base64 (openssl rand -base64 32)`)
      continue
    }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || Buffer.from(value, 'base64').length !== 32) problems.push(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`)
  }
  if (values.SUBSCRIBE_TEMPLATES !== undefined) {
    try {
      parseSubscribeTemplates(values.SUBSCRIBE_TEMPLATES)
    } catch (error) {
      // A JSON syntax error quotes the text: say only that it is not JSON.
      problems.push(error instanceof SyntaxError ? 'SUBSCRIBE_TEMPLATES is not valid JSON' : `SUBSCRIBE_TEMPLATES: ${(error as Error).message.replace(/^SUBSCRIBE_TEMPLATES /, '')}`)
    }
  }
  if (values.MINIPROGRAM_STATE !== undefined && !['developer', 'trial', 'formal'].includes(values.MINIPROGRAM_STATE)) {
    problems.push('MINIPROGRAM_STATE must be developer, trial or formal')
  }
  return problems
}
