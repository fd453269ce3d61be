import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { chromiumLaunchOptions } from '../../../scripts/lib/browser'
import { expectAccessible } from './axe'

const SHOTS = path.resolve(__dirname, '../../../test-results/e2e')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions())
}

/**
 * A phone-sized, touch-enabled page (Taro's h5 submit buttons answer only to touch), which records
 * every page error and console error so a test can insist there were none.
 */
export async function openPhone(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, locale: 'zh-CN', ...options })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return { context, page, errors }
}

/**
 * Saves a screenshot of each step under test-results/e2e/<flow>/ (git-ignored), and checks the page
 * with axe-core at the same moment: every page a flow shows meets the 适老化 bar (#13).
 */
export function screenshots(flow: string) {
  const dir = path.join(SHOTS, flow)
  fs.mkdirSync(dir, { recursive: true })
  let step = 0
  return async (page: Page, name: string) => {
    step += 1
    // Taro's web router slides pages in: let the transition finish so the picture shows one page.
    await page.waitForTimeout(400)
    // A Taro toast fades in and out over 0.1 s, half transparent on the way (axe once measured its
    // 已保存 at 1.7:1 mid-fade): wait until each one is shown or gone, as a person reads it.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((el) => ['0', '1'].includes(getComputedStyle(el).opacity) || getComputedStyle(el).display === 'none'), undefined, { timeout: 2000 })
    await page.screenshot({ path: path.join(dir, `${String(step).padStart(2, '0')}-${name}.png`) })
    await expectAccessible(page, `${flow}/${name}`)
  }
}
