import fs from 'node:fs'
import path from 'node:path'

/**
 * The data folder holds personal data (the nedb files, uploaded documents) beside the keys: all of
 * it readable by its owner only. The umask covers every file written later (nedb rewrites its files
 * when it compacts them, uploads arrive all day); the walk fixes a folder from before this rule.
 */
export function lockDownDataDir(dir: string): void {
  process.umask(0o077)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const walk = (at: string) => {
    fs.chmodSync(at, 0o700)
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.isFile()) fs.chmodSync(file, 0o600)
    }
  }
  walk(dir)
}
