import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from './lib/browser'

/**
 * Draws the tab bar icons (81×81 PNG, as WeChat asks) from SVG in Chromium. Run by hand when an
 * icon changes: `npx tsx scripts/make-tab-icons.ts`; the PNGs are committed.
 */
const ICONS: Record<string, string> = {
  home: '<path d="M12 40 L40 16 L68 40 V68 H48 V50 H32 V68 H12 Z" fill="none" stroke="COLOR" stroke-width="6" stroke-linejoin="round"/>',
  me: '<circle cx="40" cy="28" r="13" fill="none" stroke="COLOR" stroke-width="6"/><path d="M14 70 C14 52 26 46 40 46 C54 46 66 52 66 70" fill="none" stroke="COLOR" stroke-width="6" stroke-linecap="round"/>',
}
const COLORS = { '': '#666666', '-active': '#c8161d' }

async function main() {
  const browser = await chromium.launch(chromiumLaunchOptions())
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
  const out = path.resolve(__dirname, '../src/assets/tabbar')
  fs.mkdirSync(out, { recursive: true })
  for (const [name, body] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81">${body.replace(/COLOR/g, color)}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      await page.screenshot({ path: path.join(out, `${name}${suffix}.png`), omitBackground: true })
    }
  }
  await browser.close()
}

void main()
