import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { distanceM, type LatLng } from '../../domain/geo'
import { openPhone, screenshots } from './support/browser'
import { signInAs } from './support/signin'
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

/**
 * The point under (x, y) on the page, read from the tile image there: its z/x/y in the tile URL and
 * its place on the page give the Web Mercator point (EPSG:3857, as the tiles are drawn): what a
 * tap there must pick, found without asking Leaflet.
 */
async function pointUnder(page: Page, x: number, y: number) {
  const tile = await page.locator('[data-testid="picker-map"] img.leaflet-tile-loaded').evaluateAll((imgs, at) => {
    for (const img of imgs) {
      const r = img.getBoundingClientRect()
      if (at.x >= r.left && at.x < r.right && at.y >= r.top && at.y < r.bottom) return { src: (img as HTMLImageElement).src, left: r.left, top: r.top, size: r.width }
    }
    return null
  }, { x, y })
  assert.ok(tile, 'a loaded tile under the point')
  const [z, tx, ty] = (/\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(tile.src) ?? []).slice(1).map(Number)
  const world = 256 * 2 ** z
  const gx = tx * 256 + ((x - tile.left) * 256) / tile.size
  const gy = ty * 256 + ((y - tile.top) * 256) / tile.size
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * gy) / world))) * 180) / Math.PI
  return { lat, lng: (gx / world) * 360 - 180, metresPerPx: (40_075_016 * Math.cos((lat * Math.PI) / 180)) / world }
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

  it('on the station form a clerk taps the map, the point follows, and the saved station is where they tapped; the pin moves by the arrow keys', async () => {
    const shot = screenshots('stations-picker-tiles')
    const { page, errors, context } = await openPhone(suite.browser)
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await signInAs(page, suite.server.url, 'clerk')
    await page.goto(`${suite.server.url}/#/features/stations/pages/edit/index`)
    await page.getByTestId('station-form').waitFor()
    await page.locator('[data-testid="picker-map"] img.leaflet-tile-loaded').first().waitFor()
    assert.equal(await page.getByTestId('picker-point').textContent(), '尚未选点')
    assert.equal(await page.locator('#point-lat input').inputValue(), '')

    // A tap a little north-east of the map's middle picks the point under the finger.
    await page.getByTestId('picker-map').scrollIntoViewIfNeeded()
    const box = await page.getByTestId('picker-map').boundingBox()
    assert.ok(box)
    const at = { x: Math.round(box.x + box.width / 2 + 60), y: Math.round(box.y + box.height / 2 - 40) }
    const under = await pointUnder(page, at.x, at.y)
    await page.touchscreen.tap(at.x, at.y)
    const pin = page.getByTestId('picker-pin')
    await pin.waitFor()
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#point-lat input')?.value !== '')
    const typed = async (): Promise<LatLng> => ({ lat: Number(await page.locator('#point-lat input').inputValue()), lng: Number(await page.locator('#point-lng input').inputValue()) })
    const tapped = await typed()
    const off = distanceM(tapped, under)
    assert.ok(off <= 3 * under.metresPerPx, `the form's point is ${off.toFixed(1)} m from the tap (a pixel is ${under.metresPerPx.toFixed(1)} m)`)
    assert.equal(await page.getByTestId('picker-point').textContent(), `已选：纬度 ${tapped.lat.toFixed(6)}，经度 ${tapped.lng.toFixed(6)}`)
    assert.equal(await pin.getAttribute('role'), 'button')
    assert.equal(await pin.getAttribute('aria-label'), '驿站位置标记：可拖动，或用方向键移动')
    const pinBox = await pin.boundingBox()
    assert.ok(pinBox && pinBox.width >= 44 && pinBox.height >= 44, `the pin is ${pinBox?.width} × ${pinBox?.height}`)
    await shot(page, 'picked-on-map')

    await page.locator('#form-code input').fill('E2E-MAP-01')
    await page.locator('#form-name input').fill('地图选点测试驿站')
    await page.tap('#form-type-1')
    await page.locator('#form-address input').fill('新城区测试路 28 号')
    await page.locator('#form-hours input').fill('daily 08:00-20:00')
    await page.tap('#form-union-hhht-xc')
    await page.tap('#form-save')
    await page.getByTestId('station-detail').waitFor()
    await page.getByTestId('station-name').getByText('地图选点测试驿站').waitFor()

    // Opened again, the form holds the tapped point and the pin stands on it.
    await page.goto(`${suite.server.url}/#/features/stations/pages/edit/index?code=E2E-MAP-01`)
    await page.getByTestId('station-form').waitFor()
    await pin.waitFor()
    assert.deepEqual(await typed(), tapped)
    // The keyboard: Tab to the pin (here: focus it), → moves it east, ↑ north; the fields follow.
    await pin.focus()
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction((lng) => Number(document.querySelector<HTMLInputElement>('#point-lng input')?.value) > lng, tapped.lng)
    await page.keyboard.press('ArrowUp')
    await page.waitForFunction((lat) => Number(document.querySelector<HTMLInputElement>('#point-lat input')?.value) > lat, tapped.lat)
    const moved = await typed()
    assert.ok(distanceM(moved, tapped) < 20 * under.metresPerPx, 'two small steps')
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'picker-pin', 'the pin keeps the focus')
    await shot(page, 'moved-by-keys')

    const elsewhere = requests.filter((u) => !u.startsWith(suite.server.url) && !u.startsWith(tiles.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
    assert.deepEqual(elsewhere, [], 'no request beyond the app and the tile provider')
    assert.ok(requests.some((u) => /\/js\/map-leaflet\.[0-9a-f]+\.js$/.test(u)), 'the picker brought Leaflet in its chunk')
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

    // The keyboard alone: Tab reaches a station's marker (a bubble's Enter zooms in first), Enter opens it.
    let reached = ''
    for (let presses = 0; presses < 120 && !reached; presses++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => ({ id: document.activeElement?.getAttribute('data-testid'), label: document.activeElement?.getAttribute('aria-label') ?? '' }))
      if (focused.id === 'map-marker') reached = focused.label
      else if (focused.id === 'map-cluster') await page.keyboard.press('Enter')
    }
    assert.match(reached, /，(营业中|已打烊)$/, 'Tab reached a marker')
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
    assert.equal(ring, 'solid', 'the focused marker shows where the keyboard is')
    await shot(page, 'marker-focused')
    await page.keyboard.press('Enter')
    await page.getByTestId('station-detail').waitFor()
    assert.equal(await page.getByTestId('station-name').textContent(), reached.replace(/，(营业中|已打烊)$/, ''))

    assert.ok(requests.length > 5, `requests were recorded (${requests.length})`)
    const crossOrigin = requests.filter((u) => new URL(u).origin !== suite.server.url && !u.startsWith('data:') && !u.startsWith('blob:'))
    assert.deepEqual(crossOrigin, [], 'every request is same-origin')
    assert.equal(requests.filter((u) => u.includes('map-leaflet')).length, 0, 'Leaflet is not loaded')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
