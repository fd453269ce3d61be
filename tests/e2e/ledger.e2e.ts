import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { openMe, signInAs } from './support/signin'

/** 台账 (#17): the clerk approves a join, finds it in the audit trail, and downloads the joins CSV. */
describe('the 台账', () => {
  const live = serverAndBrowser()

  async function cloudAs(as: string, fn: string, action: string, data: unknown) {
    const login = await fetch(`${live.server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })
    const { token } = (await login.json()) as { token: string }
    const response = await fetch(`${live.server.url}/api/cloud/${fn}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) })
    return (await response.json()) as { ok: boolean; data?: { id: string }; error?: { message: string } }
  }

  it('a clerk approves a join, sees it in 操作记录, and downloads the joins CSV with the ID masked', async () => {
    const shot = screenshots('ledger')
    const idNumber = fictionalIdNumber('150102', '19900101', 123)
    const applied = await cloudAs('worker', 'member', 'join', { unionId: 'hhht-xc-kd', idempotencyKey: 'ledger-e2e-join-1', name: '张三', idNumber, phone: '13800138000', ethnicity: '汉族', education: '高中/中专/技校', politicalStatus: '群众', hukou: '农村', employer: '示例公司', employment: 'courier', consentPersonal: true, consentSensitive: true })
    assert.ok(applied.ok, applied.error?.message)

    const { page, errors } = await openPhone(live.browser)
    await signInAs(page, live.server.url, 'clerk')
    await openMe(page)
    await page.tap('#open-review')
    const card = page.locator('[data-testid^="application-"]', { hasText: '张三' })
    await card.locator('[id^="approve-"]').tap()
    await page.getByTestId('review-empty').waitFor()
    await page.goBack()

    await page.tap('#open-ledger')
    const entry = page.getByTestId('audit-item').filter({ hasText: '通过入会申请' }).first()
    await entry.getByText('赵干事（演示）', { exact: false }).waitFor()
    await entry.getByText(`入会申请 ${applied.data!.id}`).waitFor()
    await shot(page, 'audit-trail')
    // Filtered by the person who did it, and by someone who did nothing.
    await page.locator('#audit-actor input, input#audit-actor').first().fill('周干事（演示）')
    await page.tap('#audit-apply')
    await page.getByText('没有符合条件的记录').waitFor()
    await shot(page, 'audit-filtered-empty')

    await page.tap('#open-exports')
    await page.getByTestId('ledger-exports').waitFor()
    await shot(page, 'exports')
    const [download] = await Promise.all([page.waitForEvent('download'), page.tap('#export-run')])
    assert.match(download.suggestedFilename(), /^入会台账-.*\.csv$/)
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    assert.match(csv, /^\uFEFF申请编号,工会,姓名,身份证号/)
    assert.ok(csv.includes(`150102********${idNumber.slice(14)}`))
    assert.ok(!csv.includes(idNumber))
    await page.getByTestId('export-done').getByText('共 1 条', { exact: false }).waitFor()
    await shot(page, 'exported')
    assert.deepEqual(errors, [])
  })
})
