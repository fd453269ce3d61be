import fs from 'node:fs'
import type { LaunchOptions } from 'playwright-core'

/**
 * Debian's Chromium, started the way this machine's closed network needs (TOOLCHAIN.md).
 * playwright's launch() already gives every browser a fresh, empty profile directory.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(executablePath)) throw new Error(`找不到 Chromium：${executablePath}（apt-get install chromium）`)
  return {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }
}
