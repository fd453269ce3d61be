import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/** At least 44 × 44 CSS px (适老化), measured in the page. */
async function assertTarget(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox()
  assert.ok(box && box.height >= 44 && box.width >= 44, `${selector} is ${box?.width} × ${box?.height}`)
}

/**
 * Merchants and roles by invitation on the web build, against the real server: 新城区's clerk
 * registers a merchant and invites its cashier; 王小骑 opens the link, accepts, and finds 核销 in
 * 我的 with the merchant's contact phone masked; the clerk's 邀请记录 shows who accepted by name.
 */
describe('merchants and roles by invitation', () => {
  const suite = serverAndBrowser()

  it('a clerk registers a merchant and invites its cashier; the cashier accepts and sees 核销', async () => {
    const shot = screenshots('roles-merchant-cashier')
    const clerk = await openPhone(suite.browser)
    const { page } = clerk
    await signInAs(page, suite.server.url, 'clerk')
    await openMe(page)
    await assertTarget(page, '#open-merchants')
    await page.tap('#open-merchants')
    await page.getByTestId('merchants').waitFor()
    await page.getByTestId('merchant-item').filter({ hasText: '示例便民超市（演示）' }).waitFor()
    await shot(page, 'merchants')

    await page.tap('#merchant-add')
    await page.getByTestId('merchant-form').waitFor()
    await page.tap('#merchant-union-hhht-xc')
    await page.getByTestId('merchant-serves').getByText('新城区总工会', { exact: true }).waitFor()
    await page.fill('#merchant-name input', '示例修车铺（演示）')
    await page.fill('#merchant-contactName input', '王师傅')
    await page.fill('#merchant-contactPhone input', '12345')
    await page.fill('#store-0-name input', '示例修车铺（演示）一店')
    await page.fill('#store-0-address input', '呼和浩特市新城区示例路9号（演示地址）')
    await page.fill('#store-0-latitude input', '40.85')
    await page.fill('#store-0-longitude input', '111.76')
    // A bad phone is shown by the field before anything is sent.
    await page.tap('#merchant-save')
    await page.locator('#merchant-contactPhone').locator('xpath=..').getByText('手机号应为 11 位数字，以 1 开头').waitFor()
    await shot(page, 'bad-phone')
    await page.fill('#merchant-contactPhone input', '13912345678')
    await page.tap('#merchant-save')
    const card = page.getByTestId('merchant-item').filter({ hasText: '示例修车铺（演示）' })
    await card.getByText('王师傅 13912345678').waitFor()
    await shot(page, 'registered')

    // The same name again under the same union is refused, by the name.
    await page.tap('#merchant-add')
    await page.tap('#merchant-union-hhht-xc')
    await page.fill('#merchant-name input', '示例修车铺 (演示)')
    await page.fill('#merchant-contactName input', '李师傅')
    await page.fill('#merchant-contactPhone input', '13700000000')
    await page.fill('#store-0-name input', '二店')
    await page.fill('#store-0-address input', '示例路10号')
    await page.fill('#store-0-latitude input', '40.86')
    await page.fill('#store-0-longitude input', '111.77')
    await page.tap('#merchant-save')
    await page.getByTestId('merchant-problem').getByText('下已有名为', { exact: false }).waitFor()
    await shot(page, 'duplicate')
    await page.tap('#merchant-cancel')

    // 邀请核销员: the QR and the link, once.
    const inviteButton = card.locator('[id^="invite-cashier-"]')
    await inviteButton.tap()
    const result = card.getByTestId('invitation-result')
    await result.getByText('示例修车铺（演示） 核销员').waitFor()
    await result.getByTestId('card-qr').waitFor()
    const link = ((await result.getByTestId('invite-link').textContent()) ?? '').trim()
    assert.match(link, /^http:\/\/localhost:\d+\/#\/features\/admin\/pages\/invite\/index\?token=[A-Za-z0-9_-]{32}$/)
    await shot(page, 'invitation')

    // 王小骑 opens the link and accepts.
    const cashier = await openPhone(suite.browser)
    await signInAs(cashier.page, suite.server.url, 'worker')
    await cashier.page.goto(link)
    await cashier.page.getByTestId('invitation').getByText('示例修车铺（演示） 核销员', { exact: true }).waitFor()
    await shot(cashier.page, 'cashier-invitation')
    await cashier.page.tap('#accept-invitation')
    await cashier.page.waitForURL(/pages\/me\/index/)
    const held = cashier.page.getByTestId('held-role').filter({ hasText: '示例修车铺（演示） 核销员' })
    await held.waitFor()
    // Granted by whom, and the merchant's phone masked for anyone but union staff.
    await held.getByText('由 赵干事（演示） 邀请', { exact: false }).waitFor()
    await held.getByText('139****5678', { exact: false }).waitFor()
    assert.equal(await cashier.page.getByText('13912345678').count(), 0)
    await assertTarget(cashier.page, '[id^="step-down-"]')
    await shot(cashier.page, 'cashier-me')
    await cashier.page.tap('#me-redeem')
    await cashier.page.getByTestId('redeem').getByText('示例修车铺（演示）', { exact: true }).waitFor()
    await shot(cashier.page, 'cashier-redeem')
    assert.deepEqual(cashier.errors, [])
    await cashier.context.close()

    // The clerk's 邀请记录: accepted, by name; and the cashier among 人员.
    await page.goto(`${suite.server.url}/#/features/admin/pages/people/index`)
    await page.getByTestId('invite-form').waitFor()
    await page.tap('#people-tab-1')
    const accepted = page.getByTestId('invitation-item').filter({ hasText: '示例修车铺（演示） 核销员' })
    await accepted.getByText('已接受').waitFor()
    await accepted.getByTestId('accepted-by').getByText('王小骑（演示）', { exact: false }).waitFor()
    await shot(page, 'invitations')
    await page.tap('#people-tab-2')
    await page.getByTestId('role-item').filter({ hasText: '王小骑（演示）' }).getByText('示例修车铺（演示） 核销员').waitFor()
    await shot(page, 'people')
    // The duplicate's answer (409) is the browser's only complaint.
    assert.deepEqual(clerk.errors.filter((e) => !/status of 409/.test(e)), [])
    await clerk.context.close()
  })

  it('a clerk invites a 金秋助学 reviewer; a cashier finds no staff entries and cannot open them', async () => {
    const shot = screenshots('roles-reviewer')
    const clerk = await openPhone(suite.browser)
    await signInAs(clerk.page, suite.server.url, 'clerk')
    await openMe(clerk.page)
    await clerk.page.tap('#open-people')
    await clerk.page.getByTestId('invite-form').waitFor()
    await assertTarget(clerk.page, '#people-tab-1')
    await assertTarget(clerk.page, '#invite-kind-1')
    await clerk.page.tap('#invite-kind-1')
    await clerk.page.tap('#invite-level-0')
    await clerk.page.tap('#invite-union-hhht-xc')
    await assertTarget(clerk.page, '#invite-create')
    await clerk.page.tap('#invite-create')
    const result = clerk.page.getByTestId('invitation-result')
    await result.getByText('新城区总工会 金秋助学一级审核人（基层核实）').waitFor()
    const link = ((await result.getByTestId('invite-link').textContent()) ?? '').trim()
    await shot(clerk.page, 'reviewer-invitation')
    // The inviter opening their own link is told it is for someone else.
    await clerk.page.goto(link)
    await clerk.page.getByTestId('invite-notice').getByText('这是你自己发出的邀请', { exact: false }).waitFor()
    assert.equal(await clerk.page.locator('#accept-invitation').count(), 0)
    await shot(clerk.page, 'own-invitation')
    assert.deepEqual(clerk.errors, [])
    await clerk.context.close()

    const merchant = await openPhone(suite.browser)
    await signInAs(merchant.page, suite.server.url, 'merchant')
    await openMe(merchant.page)
    await merchant.page.locator('#me-redeem').waitFor()
    assert.equal(await merchant.page.locator('#open-people').count(), 0)
    assert.equal(await merchant.page.locator('#open-merchants').count(), 0)
    await merchant.page.goto(`${suite.server.url}/#/features/admin/pages/people/index`)
    await merchant.page.getByTestId('load-error').getByText('仅限工会工作人员').waitFor()
    await shot(merchant.page, 'cashier-refused')
    assert.deepEqual(merchant.errors.filter((e) => !/status of 403/.test(e)), [])
    await merchant.context.close()
  })
})
