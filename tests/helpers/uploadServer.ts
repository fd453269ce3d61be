import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../server/app'
import { cloudHarness } from './cloud'

type Harness = Awaited<ReturnType<typeof cloudHarness>>

/**
 * For a describe block on the local server's files (/api/upload, /api/photos): before each test a
 * fresh demo store (tests/helpers/cloud.ts), an empty uploads folder and the server on a free port,
 * demo logins on; after it, all three gone. Read them inside tests: `local.base`, `local.dir`,
 * `local.harness`; `local.login('member')` answers a demo person's session token.
 */
export function uploadServer(folderPrefix: string) {
  let running: { server: Server; base: string; dir: string; harness: Harness } | null = null
  const get = () => {
    if (!running) throw new Error('the upload server runs only inside a test')
    return running
  }

  beforeEach(async () => {
    const harness = await cloudHarness()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix))
    const server = createApp({ store: harness.store, clock: harness.clock, secrets: harness.secrets, sessionTtlMs: 3600_000, maxBodyBytes: 64 * 1024, demo: true, webRoot: null, uploadDir: dir })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    running = { server, dir, harness, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
  })
  afterEach(async () => {
    const { server, harness, dir } = get()
    running = null
    await new Promise((resolve) => server.close(resolve))
    await harness.store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  return {
    get base() {
      return get().base
    },
    get dir() {
      return get().dir
    },
    get harness() {
      return get().harness
    },
    login: async (as: string) => ((await (await fetch(`${get().base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })).json()) as { token: string }).token,
  }
}
