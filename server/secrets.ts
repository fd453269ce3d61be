import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { SECRET_NAMES, type Secrets } from '../cloud/lib/secrets'

/**
 * A secret kept in the data folder: made once on first start, read afterwards. The local home's
 * stand-in for configuration that production keeps in the cloud function's environment.
 */
export function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): Buffer {
  const file = path.join(dataDir, `${name}.secret`)
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  const secret = randomBytes(bytes)
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, secret.toString('base64'), { mode: 0o600 })
  return secret
}

export function loadOrCreateSecrets(dataDir: string): Secrets {
  const made = Object.fromEntries(SECRET_NAMES.map((name) => [name, loadOrCreateSecret(dataDir, name)])) as Omit<Secrets, 'cardKeyPrevious'>
  const previous = path.join(dataDir, `${PREVIOUS_CARD_KEY}.secret`)
  return { ...made, cardKeyPrevious: fs.existsSync(previous) ? Buffer.from(fs.readFileSync(previous, 'utf8').trim(), 'base64') : null }
}

const PREVIOUS_CARD_KEY = 'cardKeyPrevious'

/**
 * Rotates the member card's signing key (scripts/rotate-card-key.ts): the current key becomes the
 * previous one, which verifiers still accept, and a new one signs from now on; the key before the
 * previous is dropped, so codes and cached keys from two rotations ago are refused. Restart the
 * server afterwards: it reads the keys on start.
 */
export function rotateCardKey(dataDir: string): void {
  const current = loadOrCreateSecret(dataDir, 'cardKey')
  fs.writeFileSync(path.join(dataDir, `${PREVIOUS_CARD_KEY}.secret`), current.toString('base64'), { mode: 0o600 })
  fs.writeFileSync(path.join(dataDir, 'cardKey.secret'), randomBytes(32).toString('base64'), { mode: 0o600 })
}
