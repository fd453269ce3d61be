import { after, before } from 'node:test'
import type { Browser } from 'playwright-core'
import { startServer, type RunningServer } from '../../../scripts/lib/local-server'
import { launchBrowser } from './browser'

/** A real server with fresh demo data and a browser for the enclosing describe; both stop after it. */
export function serverAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })
  return {
    get server() {
      if (!server) throw new Error('server not started')
      return server
    },
    get browser() {
      if (!browser) throw new Error('browser not launched')
      return browser
    },
  }
}
