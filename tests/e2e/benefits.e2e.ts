import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { openMe, signInAs } from './support/signin'

/** Screenshots after the page-slide animation has finished, so each shows the page it names. */
function settledShots(flow: string) {
  const shot = screenshots(flow)
  return async (page: Page, name: string) => {
    await page.waitForTimeout(500)
    await shot(page, name)
  }
}

/** 普惠福利 end to end: a member claims, the merchant redeems by typing the code, the member sees it used. */
describe('benefits', () => {
  const env = serverAndBrowser()

  it('a member browses, claims and sees the coupon; the merchant redeems it; the member sees it used', async () => {
    const shot = settledShots('benefits-claim-redeem')
    const member = await openPhone(env.browser)
    const { page } = member
    await signInAs(page, env.server.url, 'member', shot)

    await page.tap('#service-benefits')
    await page.getByTestId('offer-list').waitFor()
    await page.getByTestId('offer-card').first().waitFor()
    await shot(page, 'list')

    // A category tab, then a search.
    await page.tap('#cat-交通出行')
    await page.locator('#offer-offer-hhht-gongjiao').waitFor()
    assert.equal(await page.getByTestId('offer-card').count(), 1)
    await page.tap('#cat-all')
    await page.fill('#offer-search input', '没有这种福利')
    await page.tap('#offer-search-btn')
    await page.getByTestId('offers-empty').waitFor()
    await shot(page, 'search-empty')
    // The demo merchant's offer (示例便民超市), so the demo merchant can redeem it.
    await page.fill('#offer-search input', '粮油')
    await page.tap('#offer-search-btn')
    await page.locator('#offer-offer-bianmin-mian').waitFor()
    assert.equal(await page.getByTestId('offer-card').count(), 1)
    await shot(page, 'search')

    await page.tap('#offer-offer-bianmin-mian')
    await page.getByTestId('offer-detail').waitFor()
    await page.getByText('适用门店').waitFor()
    await shot(page, 'detail')
    await page.tap('#claim-btn')
    await page.getByTestId('coupon').waitFor()
    const code = (await page.getByTestId('redeem-code').textContent())?.trim() ?? ''
    assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/)
    assert.match((await page.getByTestId('qr-token').textContent()) ?? '', /^[\w-]+\.[\w-]+$/)
    await page.getByTestId('card-qr').waitFor()
    await shot(page, 'coupon')

    await page.tap('#to-my-coupons')
    await page.getByTestId('my-coupons').waitFor()
    await page.getByTestId('coupon-card').getByText('粮油日用满50减15').waitFor()
    await shot(page, 'my-coupons')

    // The merchant, on another phone.
    const merchantShot = settledShots('benefits-merchant')
    const merchant = await openPhone(env.browser)
    await signInAs(merchant.page, env.server.url, 'merchant', merchantShot)
    await openMe(merchant.page)
    await merchant.page.tap('#me-redeem')
    await merchant.page.getByTestId('redeem').waitFor()
    await merchantShot(merchant.page, 'redeem')
    await merchant.page.fill('#redeem-input input', 'ZZZZ2222')
    await merchant.page.tap('#redeem-btn')
    await merchant.page.getByTestId('redeem-error').getByText('核销码不存在，请核对后重新输入').waitFor()
    await merchant.page.fill('#redeem-input input', code.toLowerCase())
    await merchant.page.tap('#redeem-btn')
    await merchant.page.getByTestId('redeem-ok').waitFor()
    await merchant.page.getByTestId('redemption').getByText(`核销码 ${code}`).waitFor()
    await merchantShot(merchant.page, 'redeemed')
    // Typed again: refused, still one redemption today.
    await merchant.page.fill('#redeem-input input', code)
    await merchant.page.tap('#redeem-btn')
    await merchant.page.getByTestId('redeem-error').getByText('这张券已经核销过了').waitFor()
    assert.equal(await merchant.page.getByTestId('redemption').count(), 1)
    // The two refusals above are HTTP 400/409 answers, which the browser logs; nothing else.
    assert.deepEqual(merchant.errors.filter((e) => !/status of (400|409) /.test(e)), [])
    assert.equal(merchant.errors.length, 2)
    await merchant.context.close()

    // Back to the member: the coupon is under 已使用.
    await page.reload()
    await page.getByTestId('my-coupons').waitFor()
    await page.tap('#tab-used')
    await page.getByTestId('coupon-card').getByText(`核销码 ${code}`, { exact: false }).waitFor()
    assert.equal(await page.getByTestId('coupon-card').locator('.bf__tag', { hasText: '已使用' }).count(), 1)
    await shot(page, 'used')
    assert.deepEqual(member.errors, [])
    await member.context.close()
  })

  it('a worker who has not joined is shown how to join instead of claiming', async () => {
    const shot = settledShots('benefits-not-member')
    const { page, errors, context } = await openPhone(env.browser)
    await signInAs(page, env.server.url, 'worker', shot)
    await page.goto(`${env.server.url}/#/features/benefits/pages/detail/index?id=offer-bianmin-mian`)
    await page.getByTestId('join-first').getByText('请先入会').waitFor()
    assert.equal(await page.locator('#claim-btn').count(), 0)
    await shot(page, 'join-first')
    await page.tap('#go-join')
    await page.getByTestId('service-grid').waitFor()
    assert.deepEqual(errors, [])
    await context.close()
  })
})
