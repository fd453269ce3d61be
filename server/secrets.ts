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
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, loadOrCreateSecret(dataDir, name)])) as unknown as Secrets
}
