import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../lib/browser'
import { percentile, round } from './stats'
import type { Results } from './results'

/** Taro's web storage keeps each value as {"data": <string>}; the bench signs in without the UI. */
function storageScript(token: string): string {
  const entry = (state: unknown) => JSON.stringify({ data: JSON.stringify({ state, version: 0 }) })
  return `
    localStorage.setItem('session', ${JSON.stringify(entry({ token, displayName: 'bench' }))});
    localStorage.setItem('privacy', ${JSON.stringify(entry({ agreedVersion: '2026-11', recordedVersion: '2026-11' }))});
  `
}

/** What the browser loads for 首页 (JS+CSS, gzipped) and how long a cold load takes to be usable. */
export async function benchH5(url: string, token: string, results: Results, coldLoads = 7): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const durations: number[] = []
    for (let i = 0; i <= coldLoads; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
      await context.addInitScript(storageScript(token))
      const page = await context.newPage()
      const assets: Promise<number>[] = []
      if (i === 0) {
        page.on('response', (response) => {
          const type = response.request().resourceType()
          if (type === 'script' || type === 'stylesheet') assets.push(response.body().then((body) => zlib.gzipSync(body).length))
        })
      }
      const start = performance.now()
      await page.goto(`${url}/#/pages/home/index`)
      await page.waitForSelector('#service-join', { state: 'visible' })
      const elapsed = performance.now() - start
      if (i === 0) {
        // The first load also warms the server's gzip cache; it is counted for size, not for time.
        const sizes = await Promise.all(assets)
        results.add('h5.first_screen_js_bytes', sizes.reduce((a, b) => a + b, 0), 'bytes (gzip)')
      } else durations.push(elapsed)
      await context.close()
    }
    results.add('h5.home_interactive_ms_p50', round(percentile(durations, 50)), `ms (median of ${coldLoads} cold loads)`)
  } finally {
    await browser.close()
  }
}
