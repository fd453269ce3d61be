import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_AREAS, generateStations } from '../../server/seed/station-generator'
import { PNG } from '../../server/seed/samples'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/**
 * #18: a rider reports 微波炉坏了 (the amenity 热饭) on a station of 新城区总工会, starting signed out;
 * a photo needs signing in, so the rider signs in from the report and comes back to it with the
 * choices and the note still there, attaches a photo (a document first: 不是图片); the detail warns;
 * the union's clerk finds it in 驿站管理 → 问题反馈 from 我的, sees the photo, and confirms it; the
 * warning goes. And the map's 找驿站 box finds stations by name or district.
 */
describe('rest stations: reports and search by name', () => {
  const suite = serverAndBrowser()
  // The demo seed's stations (server/seed/stations.ts): one of 新城区总工会's with a microwave.
  const station = generateStations(400, DEMO_AREAS, { seed: 2026, codePrefix: 'NM' }).find((s) => s.unionId === 'hhht-xc' && s.status === 'active' && s.amenities.split('|').includes('热饭'))
  const WARNING = '有用户反馈：热饭设施缺失或损坏（待核实）'

  async function openDetail(page: Page) {
    await page.goto(`${suite.server.url}/#/features/stations/pages/detail/index?code=${station?.code}`)
    await page.getByTestId('station-detail').waitFor()
  }

  it('a rider reports 微波炉坏了 → the detail warns → the clerk confirms it → the warning is gone', async () => {
    assert.ok(station, 'the demo seed has a station of 新城区总工会 with 热饭')
    const shot = screenshots('stations-report')
    const rider = await openPhone(suite.browser)
    await openDetail(rider.page)
    await rider.page.tap('#agree-privacy-btn')
    await rider.page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
    await rider.page.getByTestId('helpful-count').getByText(/近30天 0 人觉得有用 · 最近核实 \d{4}-\d{2}-\d{2}/).waitFor()
    assert.equal(await rider.page.getByTestId('station-warning').count(), 0)
    await rider.page.tap('#report-problem')
    await rider.page.getByTestId('station-report').waitFor()
    // Nothing chosen: told, nothing sent.
    await rider.page.tap('#submit-report')
    await rider.page.getByTestId('report-error').getByText('请选择问题类型').waitFor()
    await rider.page.tap('#report-kind-amenity')
    await rider.page.getByTestId('report-amenity-热饭').tap()
    await rider.page.locator('#report-note textarea').fill('微波炉坏了')
    // Signed out: the report can go as it is; a photo needs signing in, and leads there and back.
    await rider.page.getByTestId('report-photo-signed-out').getByText(/附照片需要先登录/).waitFor()
    await shot(rider.page, 'report-form')
    await rider.page.tap('#report-photo-sign-in')
    await rider.page.tap('#login-as-member')
    await rider.page.waitForURL(/pages\/report\/index/)
    await rider.page.getByTestId('report-photo').waitFor()
    assert.equal(await rider.page.getAttribute('#report-kind-amenity', 'aria-checked'), 'true')
    assert.equal(await rider.page.getByTestId('report-amenity-热饭').getAttribute('aria-checked'), 'true')
    assert.equal(await rider.page.locator('#report-note textarea').inputValue(), '微波炉坏了')
    assert.ok(!rider.page.url().includes(encodeURIComponent('微波炉')), 'the note never goes into a link')
    // A document picked by mistake: told, nothing kept, the report as it was.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-photo-'))
    const photoFile = path.join(dir, '微波炉.png')
    fs.writeFileSync(photoFile, PNG)
    fs.writeFileSync(path.join(dir, '说明.pdf'), '%PDF-1.4\n%%EOF\n')
    const pick = async (file: string) => {
      const [chooser] = await Promise.all([rider.page.waitForEvent('filechooser'), rider.page.tap('#report-photo-pick')])
      await chooser.setFiles(file)
    }
    await pick(path.join(dir, '说明.pdf'))
    await rider.page.getByTestId('report-photo-error').getByText('不是图片：只能上传 JPG 或 PNG 照片').waitFor()
    assert.equal(await rider.page.locator('#report-note textarea').inputValue(), '微波炉坏了')
    await pick(photoFile)
    await rider.page.locator('#report-photo-remove').waitFor()
    await rider.page.getByText('重新选择').waitFor()
    assert.equal(await rider.page.getByTestId('report-photo-error').count(), 0)
    await rider.page.waitForFunction(() => ((document.querySelector('.report-photo__preview img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0)
    await shot(rider.page, 'report-photo')
    await rider.page.tap('#submit-report')
    await rider.page.getByTestId('station-detail').waitFor()
    await rider.page.getByTestId('station-warning').getByText(WARNING).waitFor({ timeout: 15_000 })
    await shot(rider.page, 'detail-warning')
    assert.deepEqual(rider.errors, [])
    await rider.context.close()
    fs.rmSync(dir, { recursive: true, force: true })

    const clerk = await openPhone(suite.browser)
    await signInAs(clerk.page, suite.server.url, 'clerk')
    await openMe(clerk.page)
    await clerk.page.tap('#open-station-manage')
    await clerk.page.getByTestId('station-manage').waitFor()
    await clerk.page.tap('#manage-reports')
    const item = clerk.page.getByTestId('station-report-item').filter({ hasText: '微波炉坏了' })
    await item.waitFor()
    assert.match((await item.textContent()) ?? '', /热饭：设施缺失或损坏.*(刚刚提交|已等待)/)
    assert.ok(!((await item.textContent()) ?? '').includes('demo-'), 'who sent it is not shown')
    const id = (await item.getAttribute('data-id')) ?? ''
    // The photo: only this union's clerks get it (fetched with the session), drawn, and full size on a tap.
    await clerk.page.waitForFunction((sel) => ((document.querySelector(sel) as HTMLImageElement | null)?.naturalWidth ?? 0) > 0, `#report-photo-${id} img`)
    assert.equal(await clerk.page.getAttribute(`#report-photo-${id}`, 'aria-label'), '举报照片，点按查看大图')
    assert.equal(await clerk.page.getAttribute(`#report-photo-${id} img`, 'alt'), '举报照片')
    await clerk.page.tap(`#report-photo-${id}`)
    await clerk.page.locator('.preview-image').waitFor()
    await clerk.page.tap('.preview-image')
    await clerk.page.locator('.preview-image').waitFor({ state: 'detached' })
    // No note: told by the cloud, the report stays.
    await clerk.page.tap(`#confirm-report-${id}`)
    await clerk.page.getByText('请写一句处理说明').first().waitFor()
    await clerk.page.locator(`#resolve-note-${id} input`).fill('已更换微波炉')
    await shot(clerk.page, 'queue')
    await clerk.page.tap(`#confirm-report-${id}`)
    await clerk.page.getByTestId('report-none').waitFor()
    await shot(clerk.page, 'queue-empty')
    await openDetail(clerk.page)
    await clerk.page.getByTestId('helpful-count').waitFor()
    assert.equal(await clerk.page.getByTestId('station-warning').count(), 0)
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await clerk.page.getByTestId('helpful-count').getByText(`最近核实 ${today}`).waitFor()
    // 有用, once a day.
    await clerk.page.tap('#helpful')
    await clerk.page.getByTestId('helpful-count').getByText('近30天 1 人觉得有用').waitFor()
    await clerk.page.getByText('今天已点过有用').waitFor()
    await shot(clerk.page, 'helpful')
    assert.deepEqual(clerk.errors, [])
    await clerk.context.close()
  })

  it('找驿站 finds stations by name or district, and 清除搜索 brings the nearest back', async () => {
    const shot = screenshots('stations-search')
    const { page, errors, context } = await openPhone(suite.browser)
    await page.goto(`${suite.server.url}/#/features/stations/pages/map/index`)
    await page.tap('#agree-privacy-btn')
    await page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
    await page.tap('#city-hohhot')
    await page.getByTestId('results-caption').waitFor()
    await page.locator('#station-search-input input').fill('环')
    await page.tap('#station-search-go')
    await page.getByTestId('station-search-message').getByText('请至少输入 2 个字').waitFor()
    await page.locator('#station-search-input input').fill('回民区')
    await page.tap('#station-search-go')
    await page.getByTestId('station-search-caption').getByText(/“回民区”：找到 \d+ 个驿站，由近到远/).waitFor()
    const rows = await page.getByTestId('station-row').count()
    assert.ok(rows > 0)
    await shot(page, 'district')
    // A kind chip narrows the name search too.
    await page.getByTestId('type-母婴室').tap()
    await page.tap('#station-search-go')
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="station-row"]')).every((r) => r.textContent?.includes('爱心妈咪小屋')))
    await shot(page, 'district-type')
    await page.tap('#station-search-clear')
    await page.getByTestId('station-search-caption').waitFor({ state: 'detached' })
    assert.deepEqual(errors, [])
    await context.close()
  })
})
