import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEMO_AREAS, generateStations } from '../../server/seed/station-generator'
import { openPhone, screenshots } from './support/browser'
import { drawnQr, qrOf } from './support/qr'
import { signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/**
 * #18 item 3 on the real server: the 新城区 clerk opens a station's 打卡 poster (its QR, the web
 * check-in link); a rider opens that link and checks in (已打卡); a second check-in the same day
 * says so and counts nothing; the clerk's figures show the one visit.
 */
describe('rest stations: 打卡 by the poster’s QR', () => {
  const suite = serverAndBrowser()
  // A station the demo seed gives 新城区总工会 itself (server/seed/stations.ts runs the same generator).
  const station = generateStations(400, DEMO_AREAS, { seed: 2026, codePrefix: 'NM' }).find((s) => s.unionId === 'hhht-xc' && s.status === 'active')

  it('the clerk prints the poster → a rider scans and checks in once → the figures count 1 visit', async () => {
    assert.ok(station, 'the demo seed has an active station of 新城区总工会')
    const shot = screenshots('stations-checkin')
    const clerk = await openPhone(suite.browser)
    await signInAs(clerk.page, suite.server.url, 'clerk')
    await clerk.page.goto(`${suite.server.url}/#/features/stations/pages/detail/index?code=${station.code}`)
    await clerk.page.getByTestId('station-checkins').waitFor()
    await clerk.page.tap('#open-station-poster')
    const poster = clerk.page.getByTestId('station-poster')
    await poster.waitFor()
    assert.equal(await clerk.page.getByTestId('poster-station-name').textContent(), station.name)
    const qr = poster.getByTestId('card-qr')
    const link = (await qr.getAttribute('data-text')) ?? ''
    assert.equal(link, `${suite.server.url}/#/features/stations/pages/checkin/index?code=${station.code}`)
    // What the page says is what its QR draws: a phone's camera reads the same link.
    assert.deepEqual(await drawnQr(qr), qrOf(link))
    await clerk.page.locator('#print-poster').waitFor()
    await shot(clerk.page, 'poster')

    const rider = await openPhone(suite.browser)
    await signInAs(rider.page, suite.server.url, 'worker')
    await rider.page.goto(link)
    await rider.page.getByTestId('station-checkin').waitFor()
    assert.equal(await rider.page.getByTestId('station-name').textContent(), station.name)
    await shot(rider.page, 'checkin')
    await rider.page.tap('#check-in')
    await rider.page.getByTestId('checkin-done').getByText('✓ 已打卡').waitFor()
    assert.match((await rider.page.getByTestId('checkin-result').textContent()) ?? '', /到访已记录/)
    await shot(rider.page, 'checked-in')

    // The same QR again today: told so, nothing more counted.
    await rider.page.reload()
    await rider.page.getByTestId('station-checkin').waitFor()
    await rider.page.tap('#check-in')
    await rider.page.getByTestId('checkin-result').getByText('已经在这里打过卡了', { exact: false }).waitFor()
    await shot(rider.page, 'already')
    assert.deepEqual(rider.errors, [])

    await clerk.page.goto(`${suite.server.url}/#/features/staff/pages/figures/index`)
    const total = clerk.page.getByTestId('row-stations-合计')
    await total.waitFor()
    await total.scrollIntoViewIfNeeded()
    // 合计: stations, open now, then 打卡到访 1, 其中未登录 0, 会员核验 0.
    assert.match((await total.innerText()).replace(/\s+/g, ' '), /^合计 \d+ \d+ 1 0 0$/)
    await shot(clerk.page, 'figures')
    assert.deepEqual(clerk.errors, [])
  })
})
