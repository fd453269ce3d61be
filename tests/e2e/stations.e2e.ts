import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { PRIVACY_VERSION } from '../../domain/contract'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'

/** 驿站地图 on the real server with its first-start demo data (a few hundred stations in Inner Mongolia). */
describe('rest stations', () => {
  const suite = serverAndBrowser()

  async function openMap(page: Page) {
    // Without signing in: anyone may find a station (首页 itself asks the web build's demo login).
    await page.goto(`${suite.server.url}/#/features/stations/pages/map/index`)
    await page.waitForSelector('[data-testid="privacy-notice"]')
    await page.tap('#agree-privacy-btn')
    await page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
  }

  const distances = async (page: Page) => (await page.locator('.station-list__distance').allTextContents()).map((t) => (t.endsWith('公里') ? parseFloat(t) * 1000 : parseFloat(t)))

  it('with location granted: the nearest stations appear, 热饭 narrows them, a detail opens', async () => {
    const shot = screenshots('stations-granted')
    const { page, errors, context } = await openPhone(suite.browser, { geolocation: { latitude: 40.84, longitude: 111.75 } })
    await context.grantPermissions(['geolocation'])
    await openMap(page)
    await page.getByTestId('results-caption').getByText('我的位置附近').waitFor()
    await page.getByTestId('station-row').first().waitFor()
    const rows = page.getByTestId('station-row')
    const all = await rows.count()
    assert.ok(all >= 10, `expected many stations near Hohhot, got ${all}`)
    const ds = await distances(page)
    assert.deepEqual(ds, [...ds].sort((a, b) => a - b), 'nearest first')
    assert.ok(ds[0] < 5000, `the nearest is close: ${ds[0]}`)
    // Every station is on the map: a marker of its own, or counted in a bubble of close ones.
    const bubbles = (await page.getByTestId('map-cluster').allTextContents()).map(Number)
    assert.equal((await page.getByTestId('map-marker').count()) + bubbles.reduce((a, b) => a + b, 0), all)
    assert.equal(await page.getByTestId('location-banner').count(), 0)
    // The legend is on top: no marker or bubble covers its middle. ＋ and － are 44 px targets.
    const legendOnTop = await page.locator('.station-map__legend').evaluate((legend) => {
      const box = legend.getBoundingClientRect()
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return Boolean(hit && legend.contains(hit))
    })
    assert.ok(legendOnTop, 'the map legend is covered')
    for (const id of ['#map-zoom-in', '#map-zoom-out']) {
      const box = await page.locator(id).boundingBox()
      assert.ok(box && box.height >= 44 && box.width >= 44, `${id} is ${box?.width} × ${box?.height}`)
    }
    await shot(page, 'nearest')

    // 热饭: the stations without it drop out; every row left offers it.
    const without = (await rows.allTextContents()).filter((t) => !t.includes('热饭')).length
    assert.ok(without > 0, 'some nearby stations have no microwave')
    await page.getByTestId('filter-热饭').tap()
    await page.waitForFunction(() => {
      const rs = Array.from(document.querySelectorAll('[data-testid="station-row"]'))
      const caption = document.querySelector('[data-testid="results-caption"]')?.textContent ?? ''
      return rs.length > 0 && !caption.includes('更新中') && rs.every((r) => r.textContent?.includes('热饭'))
    })
    assert.ok((await rows.count()) <= all)
    const heated = await page.locator('[data-testid="station-row"]').allTextContents()
    assert.ok(heated.every((t) => t.includes('热饭')))
    const heatedDistances = await distances(page)
    assert.deepEqual(heatedDistances, [...heatedDistances].sort((a, b) => a - b))
    // Fewer qualify within reach than before: the nearest hot-meal station is not nearer than the nearest of all.
    assert.ok(heatedDistances[0] >= ds[0])
    await shot(page, 'filter-hot-meal')

    // A row opens its detail: amenities, hours, 去这里.
    const name = (await rows.first().locator('.station-list__name').textContent()) ?? ''
    await rows.first().tap()
    await page.getByTestId('station-detail').waitFor()
    assert.equal(await page.getByTestId('station-name').textContent(), name)
    await page.getByTestId('station-hours').waitFor()
    assert.ok((await page.getByTestId('station-detail').getByTestId('amenities').textContent())?.includes('热饭'))
    await page.locator('#go-there').waitFor()
    assert.equal(await page.getByTestId('station-editor').count(), 0, 'no editing for someone not signed in')
    await page.waitForTimeout(400) // the page's slide-in animation
    await shot(page, 'detail')

    assert.deepEqual(errors, [])
    await context.close()
  })

  it('with location refused: a banner says how to re-enable it, a city shows its stations, and they are kept', async () => {
    const shot = screenshots('stations-refused')
    const { page, errors, context } = await openPhone(suite.browser, { geolocation: { latitude: 40.84, longitude: 111.75 } })
    // No permission granted: the browser refuses geolocation.
    await openMap(page)
    await page.getByTestId('location-banner').waitFor()
    await page.getByText('未获得位置权限').waitFor()
    await shot(page, 'refused')

    // A place name: a district found by name moves the search to its centre.
    await page.locator('#place-search-input input').fill('纽约')
    await page.getByTestId('place-none').waitFor()
    await page.locator('#place-search-input input').fill('赛罕')
    await page.getByTestId('place-result').first().waitFor()
    assert.equal(await page.getByTestId('place-result').first().textContent(), '赛罕区 · 呼和浩特市')
    await shot(page, 'place-search')
    await page.tap('#place-result-0')
    await page.getByTestId('results-caption').getByText('赛罕区附近').waitFor()
    await page.getByTestId('station-row').first().waitFor()
    const near = await page.locator('.station-list__address').allTextContents()
    assert.ok(near.slice(0, 5).every((a) => a.startsWith('呼和浩特')), `the nearest are in Hohhot: ${near.slice(0, 5).join(' / ')}`)
    assert.equal(await page.getByTestId('place-result').count(), 0, 'the suggestions close once one is chosen')
    await shot(page, 'place-saihan')

    await page.tap('#city-baotou')
    await page.getByTestId('results-caption').getByText('包头市中心附近').waitFor()
    // The caption changes at once; the rows when Baotou's answer comes: wait for the list to change.
    await page.waitForFunction(() => document.querySelector('.station-list__address')?.textContent?.startsWith('包头'))
    const rows = await page.locator('.station-list__address').allTextContents()
    assert.ok(rows.length >= 5)
    assert.ok(rows.slice(0, 5).every((a) => a.startsWith('包头')), `the nearest are in Baotou: ${rows.slice(0, 5).join(' / ')}`)
    await shot(page, 'baotou')

    // Next visit: the kept results show at once, marked with their age, while fresh ones load.
    await page.route('**/api/cloud/stations', (route) => route.abort())
    await page.reload()
    await page.getByTestId('stale-results').waitFor()
    assert.match((await page.getByTestId('stale-results').textContent()) ?? '', /(刚刚|分钟前)的结果（包头市中心附近）/)
    assert.ok((await page.getByTestId('station-row').count()) >= 5)
    await page.getByTestId('stale-results').getByText('暂时无法更新', { exact: false }).waitFor()
    await shot(page, 'kept-results')
    // The refusal is remembered: no second ask, the banner is there.
    await page.getByTestId('location-banner').waitFor()

    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_FAILED')), [])
    await context.close()
  })

  it('a clerk of the managing union updates a station; the change shows at once', async () => {
    const shot = screenshots('stations-edit')
    const { page, errors, context } = await openPhone(suite.browser)
    // Signed in as the clerk with the privacy notice already agreed (first-use.e2e.ts covers that
    // flow): the stored session as the app keeps it, {"data": <zustand's JSON>} in Taro's web storage.
    const login = await fetch(`${suite.server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'clerk' }) })
    const { token, displayName } = (await login.json()) as { token: string; displayName: string }
    await context.addInitScript(
      ({ session, privacy }) => {
        localStorage.setItem('session', JSON.stringify({ data: JSON.stringify({ state: session, version: 0 }) }))
        localStorage.setItem('privacy', JSON.stringify({ data: JSON.stringify({ state: privacy, version: 0 }) }))
      },
      { session: { token, displayName }, privacy: { agreedVersion: PRIVACY_VERSION, recordedVersion: PRIVACY_VERSION } },
    )
    // NM000009 is managed by 新城区总工会 in the demo seed.
    await page.goto(`${suite.server.url}/#/features/stations/pages/detail/index?code=NM000009`)
    await page.getByTestId('station-editor').waitFor()
    // Its illustrative demo photo is served by the local server and opens full screen on a tap.
    const photo = page.locator('#station-photo-0 img')
    await photo.waitFor()
    const src = (await photo.getAttribute('src')) ?? ''
    assert.match(src, /\/features\/stations\/photos\/demo-\d\.svg$/)
    const served = await fetch(new URL(src, suite.server.url))
    assert.equal(served.status, 200)
    assert.match(served.headers.get('content-type') ?? '', /image\/svg\+xml/)
    await page.waitForFunction(() => (document.querySelector('#station-photo-0 img') as HTMLImageElement | null)?.naturalWidth === 480)
    await page.tap('#station-photo-0')
    await page.locator('.preview-image').waitFor()
    await shot(page, 'photo')
    await page.tap('.preview-image')
    await page.locator('.preview-image').waitFor({ state: 'detached' })
    assert.ok(!((await page.getByTestId('station-detail').getByTestId('amenities').textContent()) ?? '').includes('换电柜'))
    // The editor's chips are checkboxes and radios to a screen reader, with their state.
    const chip = page.locator('#edit-amenity-8')
    assert.equal(await chip.getAttribute('role'), 'checkbox')
    assert.equal(await chip.getAttribute('aria-checked'), 'false')
    await page.tap('#edit-amenity-8')
    assert.equal(await chip.getAttribute('aria-checked'), 'true')
    assert.equal(await page.locator('#edit-status-active').getAttribute('aria-checked'), 'true')
    await page.locator('#edit-verified input').fill('2026-11-22')
    await shot(page, 'editing')
    await page.tap('#save-station')
    await page.getByText('最近核实 2026-11-22').waitFor()
    await page.getByTestId('station-detail').getByTestId('amenities').getByText('换电柜').waitFor()
    await shot(page, 'saved')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a detail link without its station says so and leads home, not a blank page', async () => {
    const { page, errors, context } = await openPhone(suite.browser)
    await page.goto(`${suite.server.url}/#/features/stations/pages/detail/index`)
    await page.getByTestId('not-found').getByText('没有找到要显示的内容').waitFor()
    await page.tap('#agree-privacy-btn')
    await page.tap('#not-found-action')
    await page.getByTestId('service-grid').waitFor()
    assert.deepEqual(errors, [])
    await context.close()
  })
})
