import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { IMPORT_APPLY_BATCH, IMPORT_COLUMNS } from '../../domain/stations/upkeep'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/**
 * #18 item 5: 新城区总工会's clerk adds a station on the web form (the point typed, overnight
 * hours), finds it in the map's list near that point, then imports a 3-row CSV with one bad row:
 * the per-row report says which and why, and 导入 writes the two good ones only.
 */
describe('rest stations: upkeep in the app', () => {
  const suite = serverAndBrowser()
  const POINT = { latitude: 40.8601, longitude: 111.7702 }
  const NAME = '测试新增环卫驿站'

  it('the clerk adds a station on the form, sees it on the map list, then imports a CSV and reads the per-row report', async () => {
    const shot = screenshots('stations-upkeep')
    const { page, errors, context } = await openPhone(suite.browser, { geolocation: POINT })
    await context.grantPermissions(['geolocation'])
    await signInAs(page, suite.server.url, 'clerk')
    await openMe(page)
    await page.tap('#open-station-manage')
    await page.getByTestId('station-manage').waitFor()
    await page.getByTestId('managed-station').first().waitFor()
    await shot(page, 'manage')

    await page.tap('#manage-add')
    await page.getByTestId('station-form').waitFor()
    await page.locator('#form-code input').fill('E2E-XC-01')
    await page.locator('#form-name input').fill(NAME)
    await page.tap('#form-type-1')
    await page.locator('#form-address input').fill('新城区测试路 18 号')
    await page.locator('#point-lat input').fill(String(POINT.latitude))
    await page.locator('#point-lng input').fill(String(POINT.longitude))
    await page.locator('#form-hours input').fill('daily 25:00-06:00')
    await page.tap('#form-amenity-1')
    await page.tap('#form-union-hhht-xc')
    // A bad hour: the importer's reason, nothing saved.
    await page.tap('#form-save')
    await page.getByTestId('form-error').getByText(/时间段写法不对/).waitFor()
    await page.locator('#form-hours input').fill('daily 22:00-06:00')
    await shot(page, 'form')
    await page.tap('#form-save')
    await page.getByTestId('station-detail').waitFor()
    await page.getByTestId('station-name').getByText(NAME).waitFor()
    assert.match((await page.getByTestId('station-hours').textContent()) ?? '', /每天 22:00–次日06:00/)

    // On the map's list near its point.
    await page.goto(`${suite.server.url}/#/features/stations/pages/map/index`)
    await page.getByTestId('station-row').first().waitFor()
    await page.getByTestId('station-row').filter({ hasText: NAME }).first().waitFor()
    await shot(page, 'map-list')

    // A 3-row CSV, the middle row with a coordinate outside China.
    const row = (code: string, lat: string) => [code, `导入驿站${code}`, '户外劳动者服务站点', lat, '111.76', '新城区导入路 1 号', '饮水', '24h', '', 'hhht-xc', '', '2026-11-20', 'active'].join(',')
    const csv = [IMPORT_COLUMNS.join(','), row('E2E-IMP-1', '40.85'), row('E2E-IMP-2', '60.85'), row('E2E-IMP-3', '40.86')].join('\n')
    await page.goto(`${suite.server.url}/#/features/stations/pages/import/index`)
    await page.getByTestId('station-import').waitFor()
    await page.locator('#import-text textarea').fill(csv)
    await page.tap('#import-check')
    await page.getByTestId('import-summary').getByText('共 3 行：可导入 2 行，不能导入 1 行').waitFor()
    const bad = page.locator('[data-testid="import-row"][data-ok="false"]')
    assert.equal(await bad.count(), 1)
    assert.match((await bad.textContent()) ?? '', /第 3 行 · E2E-IMP-2 · 不能导入.*坐标不在中国境内/)
    assert.equal(await page.locator('[data-testid="import-row"][data-ok="true"]').filter({ hasText: '新增' }).count(), 2)
    await shot(page, 'import-report')
    await page.tap('#import-apply')
    await page.getByTestId('import-summary').getByText('已导入：新增 2，更新 0，未变 0，未导入 1').waitFor()
    await shot(page, 'imported')

    // The imported ones are the clerk's now; the bad one is nowhere.
    await page.goto(`${suite.server.url}/#/features/stations/pages/manage/index`)
    await page.locator('#manage-q input').fill('E2E-IMP-1')
    await page.tap('#manage-search')
    await page.getByTestId('managed-station').filter({ hasText: 'E2E-IMP-1' }).waitFor()
    await page.locator('#manage-q input').fill('E2E-IMP-2')
    await page.tap('#manage-search')
    await page.getByText('没有找到驿站').waitFor()
    // The one refused save (bad hours) answered 400, which Chromium logs; nothing else went wrong.
    assert.deepEqual(errors, ['console: Failed to load resource: the server responded with a status of 400 (Bad Request)'])
    await context.close()
  })

  it('a file larger than a batch is imported a batch a call with its progress; an answer lost on the way is taken up again, nothing written twice', async () => {
    const shot = screenshots('stations-upkeep-batches')
    const { page, errors, context } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'clerk')
    const n = IMPORT_APPLY_BATCH + 20
    const row = (i: number) => [`E2E-BAT-${i}`, `批量驿站${i}`, '户外劳动者服务站点', (40.8 + i / 10000).toFixed(4), '111.76', '新城区批量路 1 号', '饮水', '24h', '', 'hhht-xc', '', '2026-11-20', 'active'].join(',')
    const csv = [IMPORT_COLUMNS.join(','), ...Array.from({ length: n }, (_, i) => row(i))].join('\n')
    await page.goto(`${suite.server.url}/#/features/stations/pages/import/index`)
    await page.getByTestId('station-import').waitFor()
    await page.locator('#import-text textarea').fill(csv)
    await page.tap('#import-check')
    await page.getByTestId('import-summary').getByText(`共 ${n} 行：可导入 ${n} 行，不能导入 0 行`).waitFor()

    // The second batch reaches the cloud and is written, but its answer is lost.
    let lost = false
    await page.route('**/api/cloud/stations', async (route) => {
      const body = route.request().postDataJSON() as { action?: string; data?: { from?: number } }
      if (!lost && body.action === 'applyImport' && body.data?.from === IMPORT_APPLY_BATCH) {
        lost = true
        await route.fetch()
        return route.abort('connectionreset')
      }
      return route.continue()
    })
    await page.tap('#import-apply')
    await page.getByTestId('import-progress').getByText(`已导入 ${IMPORT_APPLY_BATCH} / 共 ${n} 行，未完成`).waitFor()
    await page.getByTestId('import-error').waitFor()
    // Said where the button is: a long report does not push the reason out of sight.
    assert.equal(await page.getByTestId('import-error').evaluate((el) => el.nextElementSibling?.id), 'import-apply')
    await shot(page, 'interrupted')
    assert.equal(await page.locator('#import-apply').textContent(), '继续导入')
    await page.tap('#import-apply')
    // The lost batch is judged again: its rows are there already, unchanged.
    await page.getByTestId('import-summary').getByText(`已导入：新增 ${IMPORT_APPLY_BATCH}，更新 0，未变 20，未导入 0`).waitFor()
    await shot(page, 'imported')
    assert.equal(lost, true)
    assert.deepEqual(errors.filter((e) => !/Failed to load resource: net::ERR_CONNECTION_RESET/.test(e)), [])
    await context.close()
  })
})
