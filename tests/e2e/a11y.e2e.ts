import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { chromiumLaunchOptions } from '../../scripts/lib/browser'
import { seriousViolations } from './support/axe'
import { openPhone } from './support/browser'
import { signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/** Every page route of the web build, read from src/app.config.ts (the login page is web-only). */
async function pageRoutes(): Promise<string[]> {
  process.env.TARO_ENV = 'h5'
  const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (config) => config
  const { default: config } = (await import('../../src/app.config')) as { default: { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> } }
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`))]
}

/** Opens a route fresh (a reload, so no earlier page lies hidden underneath) and lets it settle. */
async function visit(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${baseUrl}/#/${route}`)
  await page.locator('.taro_page').first().waitFor()
  await page.waitForSelector('[data-testid="loading"]', { state: 'detached', timeout: 10_000 }).catch(() => undefined)
  await page.waitForTimeout(500)
}

/**
 * A phone whose browser is set to a larger text size the way a person sets it (Chrome's default font
 * size in the profile: 16 px standard). The web build's root font size follows it (src/index.html).
 */
async function phoneWithFontScale(scale: number): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-font-'))
  fs.mkdirSync(path.join(profile, 'Default'))
  fs.writeFileSync(path.join(profile, 'Default/Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 16 * scale } } }))
  return chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, locale: 'zh-CN' })
}

const SHOTS = path.resolve(__dirname, '../../test-results/e2e/font-scale')

describe('适老化: axe-core on every page, and text that follows the font-size setting', () => {
  const suite = serverAndBrowser()

  for (const person of ['member', 'clerk']) {
    it(`every page route has no serious or critical axe violation, as a ${person}`, async () => {
      const routes = await pageRoutes()
      assert.ok(routes.length >= 30, `routes: ${routes.length}`)
      const { page, context } = await openPhone(suite.browser)
      await signInAs(page, suite.server.url, person)
      const problems: string[] = []
      for (const route of routes) {
        await visit(page, suite.server.url, route)
        const lines = await seriousViolations(page)
        if (lines.length > 0) problems.push(`${route}:\n${lines.join('\n')}`)
      }
      await context.close()
      assert.equal(problems.length, 0, `axe-core found serious or critical violations as a ${person}:\n\n${problems.join('\n\n')}`)
    })
  }

  it('首页, a form and the map scale with the font size (1.5× and 2×), without running off the screen', async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    const pages: Array<[string, string]> = [
      ['home', 'pages/home/index'],
      ['form', 'features/transfer/pages/start/index'],
      ['map', 'features/stations/pages/map/index'],
    ]
    const rootAt: Record<string, number> = {}
    for (const scale of [1, 1.5, 2]) {
      const context = await phoneWithFontScale(scale)
      const page = context.pages()[0] ?? (await context.newPage())
      await signInAs(page, suite.server.url, 'member')
      rootAt[scale] = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
      for (const [name, route] of pages) {
        await visit(page, suite.server.url, route)
        if (scale > 1) await page.screenshot({ path: path.join(SHOTS, `${name}-${scale}x.png`), fullPage: true })
        // Larger text wraps; it never makes the page wider than the phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 1, `${name} at ${scale}×: ${overflow} px wider than the screen`)
        const lines = await seriousViolations(page)
        assert.equal(lines.length, 0, `${name} at ${scale}×:\n${lines.join('\n')}`)
      }
      await context.close()
    }
    // The root font size (1rem) follows the setting: 20 px on a 375-px phone at the standard size.
    assert.equal(rootAt[1], 20)
    assert.equal(rootAt[1.5], 30)
    assert.equal(rootAt[2], 40)
  })
})
