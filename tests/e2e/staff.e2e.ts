import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import { DEMO_AREAS, generateStations } from '../../server/seed/station-generator'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { joinForm } from '../helpers/join'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/** #17: the 呼和浩特 clerk opens 工作台, reads the month's figures and downloads a table as CSV, on the real server. */
describe('工作台 and 统计', () => {
  const suite = serverAndBrowser()

  it('the city clerk sees a join waiting under 新城区, then the month\'s figures, and a CSV of the stations', async () => {
    const shot = screenshots('staff')
    // A worker applies to join under 新城区 (through the real API), so the desk has something waiting.
    const login = await fetch(`${suite.server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'worker' }) })
    const { token } = (await login.json()) as { token: string }
    const applied = await fetch(`${suite.server.url}/api/cloud/member`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'join', data: joinForm({ name: '王小骑', idNumber: fictionalIdNumber('150102', '19900101', 321) }) }),
    })
    const join = (await applied.json()) as { ok: boolean; data: { id: string } }
    assert.equal(join.ok, true)

    const { page, errors } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'city-clerk')
    await openMe(page)
    await page.tap('#open-desk')
    await page.getByTestId('desk-item').first().waitFor()
    const first = page.getByTestId('desk-item').first()
    assert.match((await first.innerText()).replace(/\s+/g, ' '), /^入会申请：王小骑 未超时 示例速递（演示）有限公司工会 · 待审核 已等待 \d+ 分钟 · 时限 /)
    await shot(page, 'desk')

    // 新城区's clerk approves it (through the real API): this month's figures have a join to chart.
    const clerk = (await (await fetch(`${suite.server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'clerk' }) })).json()) as { token: string }
    const approved = await fetch(`${suite.server.url}/api/cloud/review`, { method: 'POST', headers: { Authorization: `Bearer ${clerk.token}` }, body: JSON.stringify({ action: 'approve', data: { applicationId: join.data.id } }) })
    assert.equal(((await approved.json()) as { ok: boolean }).ok, true)

    await page.tap('#open-figures')
    await page.getByTestId('figures-title').waitFor()
    assert.match(await page.getByTestId('figures-title').innerText(), /^呼和浩特市总工会 · \d{4}-\d{2}-01 至 /)
    // The seed's stations under 新城区, counted from the generator the seed itself runs.
    const seeded = generateStations(400, DEMO_AREAS, { seed: 2026, codePrefix: 'NM' }).filter((s) => s.unionId.startsWith('hhht-xc')).length
    const stationsRow = page.getByTestId('row-stations-新城区总工会')
    await stationsRow.scrollIntoViewIfNeeded()
    assert.match((await stationsRow.innerText()).replace(/\s+/g, ' '), new RegExp(`^新城区总工会 ${seeded} \\d+ 0 0 0$`))
    await shot(page, 'figures')

    // The members' chart (F2 on the web's canvas): an image named for what it shows, above its table,
    // and really drawn — the canvas holds bars in the palette's red (#c8161d).
    const chart = page.getByTestId('chart-members')
    await chart.scrollIntoViewIfNeeded()
    assert.equal(await chart.getAttribute('role'), 'img')
    assert.equal(await chart.getAttribute('aria-label'), '柱状图：会员增减，各工会入会人数。具体数字见下表。')
    await page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="chart-members"] canvas')
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data
      let red = 0
      for (let i = 0; data && i < data.length; i += 4) if (Math.abs(data[i] - 200) < 8 && data[i + 1] < 40 && data[i + 2] < 45) red += 1
      return red > 50
    })
    assert.match((await page.getByTestId('row-members-合计').innerText()).replace(/\s+/g, ' '), /^合计 1 /)
    await shot(page, 'figures-chart')

    const [download] = await Promise.all([page.waitForEvent('download'), page.tap('#csv-stations')])
    assert.match(download.suggestedFilename(), /^呼和浩特市总工会-职工驿站-.*\.csv$/)
    const csv = fs.readFileSync((await download.path()) as string, 'utf8')
    assert.ok(csv.startsWith('\uFEFF工会,驿站数,正在开放,打卡到访,其中未登录,会员核验\r\n'), csv.slice(0, 60))
    assert.match(csv, new RegExp(`\\r\\n新城区总工会,${seeded},\\d+,0,0,0\\r\\n`))
    assert.deepEqual(errors, [])
  })
})
