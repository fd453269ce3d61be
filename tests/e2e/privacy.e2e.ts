import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/**
 * Declining the privacy guide does not lock the app (issue #13, WeChat review): the public pages stay
 * usable, no location is read, and only a protected action asks again. Then a person's rights over
 * their data: a member asks to leave the union, a clerk of the subtree confirms, the member sees it.
 */
describe('privacy', () => {
  const suite = serverAndBrowser()

  /** Confirms Taro's web modal (showModal): its buttons are plain divs. */
  async function confirmModal(page: Page) {
    await page.locator('.taro-model__confirm').tap()
  }

  it('declined: the map works with a city and reads no location; 定位 asks again; the 公示 and the guide open', async () => {
    const shot = screenshots('privacy-declined')
    const { page, errors, context } = await openPhone(suite.browser, { geolocation: { latitude: 40.84, longitude: 111.75 } })
    await context.grantPermissions(['geolocation'])
    // Counts the page's own location reads (the browser would answer them: permission is granted).
    // Plain text, not a function: tsx wraps named functions in a helper the page does not have.
    await page.addInitScript({
      content: `(() => {
        const geo = navigator.geolocation
        for (const name of ['getCurrentPosition', 'watchPosition']) {
          const original = geo[name].bind(geo)
          geo[name] = (...args) => { window.__locationReads = (window.__locationReads || 0) + 1; return original(...args) }
        }
      })()`,
    })
    const reads = () => page.evaluate(() => (window as unknown as { __locationReads?: number }).__locationReads ?? 0)

    await page.goto(`${suite.server.url}/#/features/stations/pages/map/index`)
    await page.getByTestId('privacy-notice').waitFor()
    await page.getByTestId('privacy-guide-link').getByText('阅读完整的《工会会员服务隐私保护指引》').waitFor()
    await shot(page, 'notice')
    await page.tap('#privacy-decline')
    await page.getByTestId('privacy-notice').waitFor({ state: 'detached' })
    await page.getByTestId('location-banner').getByText('未读取你的位置').waitFor()
    await shot(page, 'declined-banner')

    await page.tap('#city-baotou')
    await page.getByTestId('results-caption').getByText('包头市中心附近').waitFor()
    await page.getByTestId('station-row').first().waitFor()
    assert.ok((await page.getByTestId('station-row').count()) >= 5)
    assert.equal(await reads(), 0, 'no location read while the guide is declined')
    await shot(page, 'city-results')

    // 定位 asks again, for the location; declining again reads nothing.
    await page.tap('#relocate')
    await page.getByTestId('privacy-asked-for').getByText('为了按你的位置查找附近驿站和商户', { exact: false }).waitFor()
    await shot(page, 'asked-again')
    await page.tap('#privacy-decline')
    await page.getByTestId('privacy-notice').waitFor({ state: 'detached' })
    assert.equal(await reads(), 0)
    await page.getByTestId('results-caption').getByText('包头市中心附近').waitFor()

    // The full guide from the notice: its own page, whole, with no notice over it.
    await page.tap('#relocate')
    await page.getByTestId('privacy-notice').waitFor()
    await page.tap('#privacy-open-guide')
    await page.waitForURL(/features\/privacy\/pages\/guide\/index/)
    const guide = page.getByTestId('privacy-guide')
    for (const heading of ['我们收集哪些信息、为什么、保存多久', '你的权利和行使方式', '联系我们']) await guide.getByText(heading, { exact: true }).waitFor()
    // The map below still has its notice up (it waits for the answer), hidden with its page.
    assert.equal(await page.locator('[data-testid="privacy-notice"]:visible').count(), 0)
    await shot(page, 'guide')
    await page.goBack()
    await page.getByTestId('privacy-notice').waitFor()
    // Agreeing now lets 定位 go on: the location is read and the nearest stations come.
    await page.tap('#agree-privacy-btn')
    await page.getByTestId('results-caption').getByText('我的位置附近').waitFor()
    assert.ok((await reads()) >= 1)
    await shot(page, 'located-after-agreeing')

    assert.deepEqual(errors, [])
    await context.close()
  })

  it('declined: the 公示 opens and lists without asking', async () => {
    const { page, errors, context } = await openPhone(suite.browser)
    await page.goto(`${suite.server.url}/#/features/aid/pages/notice/index`)
    await page.getByTestId('privacy-notice').waitFor()
    await page.tap('#privacy-decline')
    await page.getByTestId('privacy-notice').waitFor({ state: 'detached' })
    await page.locator('[data-testid="notice-entry"], [data-testid="notice-empty"]').first().waitFor()
    // A reload does not bring the notice back by itself.
    await page.reload()
    await page.locator('[data-testid="notice-entry"], [data-testid="notice-empty"]').first().waitFor()
    assert.equal(await page.getByTestId('privacy-notice').count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a member asks to leave the union; a clerk of the subtree confirms; the member sees it answered', async () => {
    const shot = screenshots('privacy-leave')
    const member = await openPhone(suite.browser)
    await signInAs(member.page, suite.server.url, 'member')
    await openMe(member.page)
    await member.page.tap('#me-my-data')
    const data = member.page.getByTestId('my-data')
    await data.getByTestId('data-membership').getByText('150102000001').waitFor()
    await shot(member.page, 'my-data')
    await member.page.tap('#request-leave')
    await member.page.locator('.taro-modal__text', { hasText: '会籍记录作为历史保存' }).waitFor()
    await shot(member.page, 'leave-effect')
    await confirmModal(member.page)
    await data.getByTestId('rights-request').first().getByText('待工会答复').waitFor()
    await shot(member.page, 'leave-requested')

    // 回民区's clerk (another subtree) has nothing to answer; 新城区's has it.
    const other = await openPhone(suite.browser)
    await signInAs(other.page, suite.server.url, 'hm-clerk')
    await openMe(other.page)
    await other.page.tap('#me-rights-requests')
    await other.page.getByTestId('rights-total').getByText('共 0 项', { exact: false }).waitFor()
    await other.context.close()

    const clerk = await openPhone(suite.browser)
    await signInAs(clerk.page, suite.server.url, 'clerk')
    await openMe(clerk.page)
    await clerk.page.tap('#me-rights-requests')
    const item = clerk.page.locator('[data-testid^="rights-item-"]', { hasText: '申请退会' })
    await item.waitFor()
    await shot(clerk.page, 'clerk-queue')
    await item.locator('[id^="confirm-"]').tap()
    await item.waitFor({ state: 'detached' })
    await clerk.page.getByTestId('rights-total').getByText('共 0 项', { exact: false }).waitFor()

    await member.page.reload()
    await data.getByTestId('rights-request').first().getByText('已办结').waitFor()
    await data.getByTestId('data-membership').getByText('目前不是工会会员。').waitFor()
    await data.getByText('曾经的会籍', { exact: true }).waitFor()
    await shot(member.page, 'left')

    assert.deepEqual([...member.errors, ...clerk.errors], [])
    await member.context.close()
    await clerk.context.close()
  })
})
