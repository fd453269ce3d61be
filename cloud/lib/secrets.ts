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
  /** HMAC key for tokens only the cloud checks: sessions and coupon QR codes. */
  tokenKey: Buffer
  /**
   * Ed25519 seed that signs the member card's QR (cloud/lib/cardKeys.ts): its public key lets a
   * checker verify offline. `cardKeyPrevious`, after a rotation, is still accepted (scripts/rotate-card-key.ts).
   */
  cardKey: Buffer
  cardKeyPrevious: Buffer | null
}

/** The keys every home makes on its first start; `cardKeyPrevious` exists only after a rotation. */
export const SECRET_NAMES = ['dataKey', 'hashKey', 'tokenKey', 'cardKey'] as const

/** Fresh random keys: tests, and nothing else. */
export function randomSecrets(): Secrets {
  return { dataKey: randomBytes(32), hashKey: randomBytes(32), tokenKey: randomBytes(32), cardKey: randomBytes(32), cardKeyPrevious: null }
}

/** DATA_KEY, HASH_KEY, TOKEN_KEY, CARD_KEY (and CARD_KEY_PREVIOUS after a rotation) from a WeChat cloud function's configuration. */
export function secretsFromEnv(env: Record<string, string | undefined>): Secrets {
  const read = (name: string) => {
    const value = env[name]
    const key = value ? Buffer.from(value, 'base64') : null
    if (!key || key.length !== 32) throw new Error(`cloud function configuration: ${name} must be 32 bytes, base64`)
    return key
  }
  return {
    dataKey: read('DATA_KEY'),
    hashKey: read('HASH_KEY'),
    tokenKey: read('TOKEN_KEY'),
    cardKey: read('CARD_KEY'),
    cardKeyPrevious: env.CARD_KEY_PREVIOUS ? read('CARD_KEY_PREVIOUS') : null,
  }
}
