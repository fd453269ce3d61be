import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { startTileServer, type TileServer } from './support/tiles'

/**
 * #18 item 7: the web map on the operator's tile source (MAP_TILE_URL), and without one the light
 * map with no request beyond the app's own origin.
 */
const MAP = '/#/features/stations/pages/map/index'
const HOHHOT = { latitude: 40.84, longitude: 111.75 }

/** A phone on the map page near Hohhot, location granted, recording every request the page makes. */
async function openMap(browser: Browser, baseUrl: string) {
  const phone = await openPhone(browser, { geolocation: HOHHOT })
  await phone.context.grantPermissions(['geolocation'])
  const requests: string[] = []
  phone.page.on('request', (request) => requests.push(request.url()))
  const response = await phone.page.goto(`${baseUrl}${MAP}`)
  await phone.page.waitForSelector('[data-testid="privacy-notice"]')
  await phone.page.tap('#agree-privacy-btn')
  await phone.page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
  await phone.page.getByTestId('station-row').first().waitFor()
  return { ...phone, requests, policy: response?.headers()['content-security-policy'] ?? '' }
}

const imgSrc = (policy: string) => /(?:^|; )img-src ([^;]*)/.exec(policy)?.[1] ?? ''
/** The n-th element with this test id that a tap at its middle reaches (in the box, not under ＋/－ or the legend). */
async function reachable(page: Page, testId: string) {
  const n = await page.getByTestId(testId).evaluateAll((els) =>
    els.findIndex((el) => {
      const r = el.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      return Boolean(hit && el.contains(hit))
    }),
  )
  assert.ok(n >= 0, `no ${testId} within reach`)
  return page.getByTestId(testId).nth(n)
}

/** Markers shown plus the stations counted in bubbles: every station of the list is on the map. */
async function onMap(page: Page) {
  const bubbles = (await page.getByTestId('map-cluster').allTextContents()).map(Number)
  return (await page.getByTestId('map-marker').count()) + bubbles.reduce((a, b) => a + b, 0)
}

describe('the web map on a configured tile source', () => {
  let tiles: TileServer
  // Filled in by the first `before` (the tile server's port), read when the app server starts in the next.
  const env: Record<string, string> = { MAP_TILE_ATTRIBUTION: '© 测试地图 GS(2026)0000号' }
  before(async () => {
    tiles = await startTileServer()
    env.MAP_TILE_URL = tiles.template
  })
  after(() => tiles.close())
  const suite = serverAndBrowser({ env })

  it('draws the tiles with the stations on them; markers are named buttons; tapping one opens its station', async () => {
    const shot = screenshots('stations-map-tiles')
    const { page, errors, context, requests, policy } = await openMap(suite.browser, suite.server.url)
    // The page may load images from the tile provider, and from nowhere else.
    assert.equal(imgSrc(policy), `'self' data: blob: ${tiles.origin}`)
    await page.locator('[data-map="tiles"] img.leaflet-tile-loaded').first().waitFor()
    assert.ok(tiles.requested.some((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u)), 'the tile server was asked for tiles')
    await page.getByText('© 测试地图 GS(2026)0000号').waitFor()

    const rows = await page.getByTestId('station-row').count()
    await page.locator('[data-testid="map-marker"], [data-testid="map-cluster"]').first().waitFor()
    assert.equal(await onMap(page), rows, 'every station of the list is on the map')
    // ＋/－ named in Chinese, 44 px targets.
    for (const label of ['放大地图', '缩小地图']) {
      const box = await page.getByRole('button', { name: label }).boundingBox()
      assert.ok(box && box.width >= 44 && box.height >= 44, `${label} is ${box?.width} × ${box?.height}`)
    }
    await shot(page, 'overview')

    // A bubble zooms in on its stations until they part.
    const zoom = () => page.locator('.leaflet-container').getAttribute('data-zoom')
    for (let i = 0; i < 6 && (await page.getByTestId('map-cluster').count()); i++) {
      const was = await zoom()
      await (await reachable(page, 'map-cluster')).tap()
      await page.waitForFunction((z) => document.querySelector('.leaflet-container')?.getAttribute('data-zoom') !== z, was)
      await page.waitForTimeout(400) // Leaflet's zoom animation
    }
    const marker = await reachable(page, 'map-marker')
    const label = (await marker.getAttribute('aria-label')) ?? ''
    assert.match(label, /，(营业中|已打烊)$/)
    assert.equal(await marker.getAttribute('role'), 'button')
    const box = await marker.boundingBox()
    assert.ok(box && box.width >= 44 && box.height >= 44, `a marker is ${box?.width} × ${box?.height}`)
    await shot(page, 'zoomed-in')

    // The keyboard reaches a marker and Enter opens its station, as a tap does.
    await marker.focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('station-detail').waitFor()
    assert.equal(await page.getByTestId('station-name').textContent(), label.replace(/，(营业中|已打烊)$/, ''))
    await shot(page, 'detail-by-keyboard')
    await page.goBack()
    await page.getByTestId('station-detail').waitFor({ state: 'detached' })
    await page.getByTestId('map-marker').first().waitFor()
    const again = await reachable(page, 'map-marker')
    const tappedName = ((await again.getAttribute('aria-label')) ?? '').replace(/，(营业中|已打烊)$/, '')
    await again.tap()
    await page.getByTestId('station-detail').waitFor()
    assert.equal(await page.getByTestId('station-name').textContent(), tappedName)

    const elsewhere = requests.filter((u) => !u.startsWith(suite.server.url) && !u.startsWith(tiles.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
    assert.deepEqual(elsewhere, [], 'no request beyond the app and the tile provider')
    assert.ok(requests.some((u) => /\/js\/map-leaflet\.[0-9a-f]+\.js$/.test(u)), 'Leaflet came in its own chunk')
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('the web map with no tile source', () => {
  const suite = serverAndBrowser()

  it('is the light map, and the page asks nothing of any other origin', async () => {
    const shot = screenshots('stations-map-light')
    const { page, errors, context, requests, policy } = await openMap(suite.browser, suite.server.url)
    assert.equal(imgSrc(policy), "'self' data: blob:")
    await page.locator('[data-testid="map-marker"], [data-testid="map-cluster"]').first().waitFor()
    assert.equal(await page.locator('[data-map="tiles"], .leaflet-container').count(), 0)
    assert.equal(await onMap(page), await page.getByTestId('station-row').count())
    await page.tap('#map-zoom-in')
    await page.waitForSelector('[data-testid="station-map"][data-zoom="1"]')
    await shot(page, 'light-map')

    assert.ok(requests.length > 5, `requests were recorded (${requests.length})`)
    const crossOrigin = requests.filter((u) => new URL(u).origin !== suite.server.url && !u.startsWith('data:') && !u.startsWith('blob:'))
    assert.deepEqual(crossOrigin, [], 'every request is same-origin')
    assert.equal(requests.filter((u) => u.includes('map-leaflet')).length, 0, 'Leaflet is not loaded')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
