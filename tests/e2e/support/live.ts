import { after, before } from 'node:test'
import type { Browser } from 'playwright-core'
import { startServer, type RunningServer } from '../../../scripts/lib/local-server'
import { launchBrowser } from './browser'

/** A real server with fresh demo data and a browser for the enclosing describe; read them inside tests. */
export function liveApp(): { readonly server: RunningServer; readonly browser: Browser } {
  const live = {} as { server: RunningServer; browser: Browser }
  before(async () => {
    live.server = await startServer()
    live.browser = await launchBrowser()
  })
  after(async () => {
    await live.browser?.close()
    await live.server?.stop()
  })
  return live
}
