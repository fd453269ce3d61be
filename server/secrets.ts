import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * A secret kept in the data folder: made once on first start, read afterwards. The local home's
 * stand-in for configuration that production keeps in the cloud environment.
 */
export function loadOrCreateSecret(dataDir: string | null, name: string, bytes = 32): Buffer {
  if (!dataDir) return randomBytes(bytes)
  const file = path.join(dataDir, `${name}.secret`)
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  const secret = randomBytes(bytes)
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, secret.toString('base64'), { mode: 0o600 })
  return secret
}
