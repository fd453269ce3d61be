import { randomBytes } from 'node:crypto'

/**
 * Keys the cloud layer needs. Locally they are made once under the data folder (server/secrets.ts);
 * in WeChat they come from the cloud function's environment variables (base64, 32 bytes each).
 */
export interface Secrets {
  /** AES-256-GCM key for personal data at rest (ID numbers, bank cards). */
  dataKey: Buffer
  /** HMAC key for lookups of personal data by keyed hash (uniqueness of an ID number). */
  hashKey: Buffer
  /** HMAC key for signed tokens: sessions, member-card and coupon QR codes. */
  tokenKey: Buffer
}

export const SECRET_NAMES = ['dataKey', 'hashKey', 'tokenKey'] as const

/** Fresh random keys: tests, and nothing else. */
export function randomSecrets(): Secrets {
  return { dataKey: randomBytes(32), hashKey: randomBytes(32), tokenKey: randomBytes(32) }
}

/** DATA_KEY, HASH_KEY, TOKEN_KEY from a WeChat cloud function's configuration. */
export function secretsFromEnv(env: Record<string, string | undefined>): Secrets {
  const read = (name: string) => {
    const value = env[name]
    const key = value ? Buffer.from(value, 'base64') : null
    if (!key || key.length !== 32) throw new Error(`cloud function configuration: ${name} must be 32 bytes, base64`)
    return key
  }
  return { dataKey: read('DATA_KEY'), hashKey: read('HASH_KEY'), tokenKey: read('TOKEN_KEY') }
}
