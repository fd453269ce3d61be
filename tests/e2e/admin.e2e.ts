import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/**
 * The first administrator, on the web build: the demo's stand-in for the deploy makes the
 * invitation, a person opens its link, accepts, and 我的 shows them as a clerk of the root union.
 */
describe('the first administrator’s invitation', () => {
  const suite = serverAndBrowser()

  const firstAdminInvite = async (force = false) => {
    const response = await fetch(`${suite.server.url}/api/dev/first-admin-invite`, { method: 'POST', body: JSON.stringify({ force }) })
    const body = (await response.json()) as { ok: boolean; data: { invitation: { scene: string; webPath: string } | null } }
    assert.equal(body.ok, true)
    return body.data.invitation
  }

  /** Everything the page keeps on the device, to check the token is not there. */
  const stored = (page: Page) => page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie }))

  it('opening the link, accepting, and 我的 shows the new role; the link is then used for anyone else', async () => {
    const shot = screenshots('first-admin-invite')
    const invitation = await firstAdminInvite()
    assert.ok(invitation)
    assert.equal(await firstAdminInvite(), null)

    const { page, errors, context } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'worker')
    await page.goto(`${suite.server.url}${invitation.webPath}`)
    const card = page.getByTestId('invitation')
    await card.getByText('内蒙古自治区总工会 工作人员', { exact: true }).waitFor()
    await card.getByText(/有效期至 .+，只能使用一次/).waitFor()
    await shot(page, 'invitation')

    // A large, named target (适老化: at least 44 × 44).
    const button = page.locator('#accept-invitation')
    assert.equal((await button.textContent())?.trim(), '接受邀请')
    const box = await button.boundingBox()
    assert.ok(box && box.height >= 44 && box.width >= 44, `the button is ${box?.width} × ${box?.height}`)
    const fontSize = await card.getByText('内蒙古自治区总工会 工作人员').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    assert.ok(fontSize >= 20, `the role is written at ${fontSize} px`)

    await button.tap()
    await page.waitForURL(/pages\/me\/index/)
    await page.getByText('内蒙古自治区总工会（省级总工会）工作人员').waitFor()
    // The new clerk's staff entries are there.
    await page.locator('#open-review').waitFor()
    await shot(page, 'me-with-role')
    assert.ok(!(await stored(page)).includes(invitation.scene), 'the token is kept on the device')
    assert.deepEqual(errors, [])
    await context.close()

    // Someone else with the same link learns it is used, and nothing about who used it.
    const other = await openPhone(suite.browser)
    await signInAs(other.page, suite.server.url, 'member')
    await other.page.goto(`${suite.server.url}${invitation.webPath}`)
    const notice = other.page.getByTestId('invite-notice')
    await notice.getByText('这份邀请已被使用', { exact: false }).waitFor()
    assert.equal(await other.page.locator('#accept-invitation').count(), 0)
    assert.ok(!(await other.page.textContent('body'))?.includes('王小骑'))
    await shot(other.page, 'used-for-someone-else')
    await other.page.tap('#invite-to-me')
    await other.page.waitForURL(/pages\/me\/index/)
    await other.page.getByTestId('membership').waitFor()
    assert.equal(await other.page.getByText('内蒙古自治区总工会（省级总工会）工作人员').count(), 0)
    assert.deepEqual(other.errors, [])
    await other.context.close()
  })

  it('an unknown or incomplete link says so in plain Chinese, with a way home', async () => {
    const shot = screenshots('invite-bad-links')
    const { page, errors, context } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'worker')
    await page.goto(`${suite.server.url}/#/features/admin/pages/invite/index?token=${'A'.repeat(32)}`)
    await page.getByTestId('invite-refused').getByText('邀请不存在', { exact: false }).waitFor()
    await shot(page, 'unknown')
    await page.goto(`${suite.server.url}/#/features/admin/pages/invite/index`)
    await page.getByTestId('invite-missing').getByText('邀请链接不完整').waitFor()
    await shot(page, 'missing')
    await page.tap('#invite-missing-action')
    await page.getByTestId('service-grid').waitFor()
    await openMe(page)
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), [])
    await context.close()
  })
})
