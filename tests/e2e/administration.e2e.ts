import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { openPhone, screenshots } from './support/browser'
import { fillJoinField, fillJoinForm } from './support/join-form'
import { drawnQr, qrOf } from './support/qr'
import { signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

type Shot = (page: Page, name: string) => Promise<void>

/** Opens an invitation link as `key`, accepts it, and waits for 我的 to show `heldText`. */
async function accept(browser: Browser, baseUrl: string, key: string, link: string, heldText: string, shot: Shot) {
  const phone = await openPhone(browser)
  await signInAs(phone.page, baseUrl, key)
  await phone.page.goto(link)
  await phone.page.locator('#accept-invitation').waitFor()
  await shot(phone.page, `${key}-invitation`)
  await phone.page.tap('#accept-invitation')
  await phone.page.waitForURL(/pages\/me\/index/)
  await phone.page.getByTestId('held-role').filter({ hasText: heldText }).waitFor()
  await shot(phone.page, `${key}-me`)
  return phone
}

/** The link an invitation result shows, checked to carry nothing but its token. */
async function invitationLink(page: Page): Promise<string> {
  const link = ((await page.getByTestId('invitation-result').getByTestId('invite-link').textContent()) ?? '').trim()
  assert.match(link, /\/#\/features\/admin\/pages\/invite\/index\?token=[A-Za-z0-9_-]{32}$/)
  return link
}

/**
 * #16's whole path on the web build against the real server, nobody's role seeded: the deploy's
 * first invitation makes 吴主席 the root union's clerk; he invites 李会员 as 新城区's clerk; she adds a
 * grassroots union, invites a cashier for 新城区's merchant, and prints the new union's poster; a
 * worker opens the link its QR carries and applies, and she approves him into the new union.
 */
describe('administration from the first invitation down', () => {
  const suite = serverAndBrowser()

  it('root clerk → county clerk → a new union, a cashier, and a worker who joins through its poster', async () => {
    const shot = screenshots('administration-chain')
    const url = suite.server.url
    const response = await fetch(`${url}/api/dev/first-admin-invite`, { method: 'POST', body: JSON.stringify({}) })
    const first = ((await response.json()) as { data: { invitation: { webPath: string } } }).data.invitation
    const chair = await accept(suite.browser, url, 'chair', `${url}${first.webPath}`, '内蒙古自治区总工会', shot)

    // The root clerk invites a clerk for 新城区总工会 (two levels below).
    await chair.page.locator('#open-people').tap()
    await chair.page.getByTestId('invite-form').waitFor()
    await chair.page.locator('#invite-union-keyword input').fill('新城区')
    await chair.page.tap('#invite-union-search')
    await chair.page.tap('#invite-union-hhht-xc')
    await chair.page.tap('#invite-create')
    await chair.page.getByTestId('invitation-result').getByText('新城区总工会 工作人员').waitFor()
    const countyLink = await invitationLink(chair.page)
    await shot(chair.page, 'county-invitation')

    const county = await accept(suite.browser, url, 'member', countyLink, '新城区总工会', shot)
    await county.page.getByTestId('held-role').filter({ hasText: '新城区总工会' }).getByText('由 吴主席（演示） 邀请', { exact: false }).waitFor()

    // The county clerk adds a grassroots union below hers.
    await county.page.tap('#open-org')
    await county.page.tap('#org-add-hhht-xc')
    await county.page.locator('#org-field-name input').fill('示例冷链物流（演示）有限公司工会')
    await county.page.tap('#org-level-3')
    await county.page.locator('#org-field-code input').fill('xc-lenglian')
    await county.page.tap('#org-save')
    await county.page.getByTestId('org-saved').getByText('已新增「示例冷链物流（演示）有限公司工会」').waitFor()
    await shot(county.page, 'union-added')

    // …and its poster at once: the QR drawn on it carries the new union's join link.
    await county.page.tap('#org-saved-poster')
    const poster = county.page.getByTestId('join-poster')
    await poster.getByText('示例冷链物流（演示）有限公司工会').waitFor()
    const joinLink = `${url}/#/features/join/pages/entry/index?union=xc-lenglian`
    assert.deepEqual(await drawnQr(poster.getByTestId('card-qr')), qrOf(joinLink))
    await shot(county.page, 'poster')

    // She invites a cashier for the merchant 新城区 registered.
    await county.page.goto(`${url}/#/features/admin/pages/merchants/index`)
    const merchant = county.page.getByTestId('merchant-item').filter({ hasText: '示例便民超市（演示）' })
    await merchant.locator('[id^="invite-cashier-"]').tap()
    await merchant.getByTestId('invitation-result').getByText('示例便民超市（演示） 核销员').waitFor()
    const cashierLink = await invitationLink(county.page)
    await shot(county.page, 'cashier-invitation')
    const cashier = await accept(suite.browser, url, 'newcomer', cashierLink, '示例便民超市（演示） 核销员', shot)
    await cashier.page.getByTestId('held-role').getByText('由 李会员（演示） 邀请', { exact: false }).waitFor()
    await cashier.page.locator('#me-redeem').waitFor()

    // A worker opens the poster's link and applies to the new union.
    const worker = await openPhone(suite.browser)
    await signInAs(worker.page, url, 'worker')
    await worker.page.goto(joinLink)
    await worker.page.getByTestId('join-union').getByText('基层工会 · 上级：新城区总工会').waitFor()
    await fillJoinForm(worker.page, { employer: '示例冷链物流（演示）有限公司', employment: 0 })
    await fillJoinField(worker.page, 'idNumber', fictionalIdNumber('150102', '19930512', 271))
    await worker.page.tap('#join-submit')
    await worker.page.getByTestId('join-submitted').getByText('示例冷链物流（演示）有限公司工会将尽快审核', { exact: false }).waitFor()
    await shot(worker.page, 'applied')

    // The county clerk approves him; he is a member of the new union.
    await county.page.goto(`${url}/#/features/join/pages/review/index`)
    const application = county.page.locator('[data-testid^="application-"]', { hasText: '王小骑' })
    await application.getByText('示例冷链物流（演示）有限公司工会', { exact: false }).waitFor()
    await application.locator('[id^="approve-"]').tap()
    await county.page.getByTestId('review-empty').waitFor()
    await worker.page.tap('#to-me')
    await worker.page.getByTestId('membership').getByText('内蒙古自治区总工会 › 呼和浩特市总工会 › 新城区总工会 › 示例冷链物流（演示）有限公司工会').waitFor()
    await shot(worker.page, 'member')

    for (const phone of [chair, county, cashier, worker]) {
      assert.deepEqual(phone.errors, [])
      await phone.context.close()
    }
  })
})
