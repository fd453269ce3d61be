import { after, before } from 'node:test'
import type { Browser } from 'playwright-core'
import { startServer, type RunningServer, type ServerOptions } from '../../../scripts/lib/local-server'
import { launchBrowser } from './browser'

/**
 * For a describe block: a real server with fresh demo data and a browser, started before its tests
 * and stopped after. Read them inside tests: `const { server, browser } = suite`. `options` go to the
 * server (e.g. `{ env: { DEV_CLOCK: '1' } }` lets a test move its clock, `prepare` writes data first).
 */
export function serverAndBrowser(options: ServerOptions = {}): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  before(async () => {
    server = await startServer(options)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })
  return {
    get server() {
      if (!server) throw new Error('the server has not started')
      return server
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started')
      return browser
    },
  }
}
