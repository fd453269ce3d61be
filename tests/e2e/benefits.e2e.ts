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
    await page.getByTestId('card-qr').waitFor()
    // The signed token is only in the QR, never printed (#13: it meant nothing to a member).
    assert.doesNotMatch((await page.getByTestId('coupon').textContent()) ?? '', /[\w-]{8,}\.[\w-]{8,}/)
    const refresh = await page.locator('#refresh-token').boundingBox()
    assert.ok(refresh && refresh.height >= 44, `刷新二维码 is ${refresh?.height} px high`)
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
    // Success is a banner in words, like a refusal, not plain text; the buttons are 44 px targets.
    assert.match((await merchant.page.getByTestId('redeem-ok').textContent()) ?? '', /^✓ 核销成功/)
    for (const id of ['#redeem-btn']) assert.ok(((await merchant.page.locator(id).boundingBox())?.height ?? 0) >= 44, id)
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

  /** Metres from the list's "最近门店 350米" / "1.2公里" lines. */
  const distances = async (page: Page) =>
    (await page.getByTestId('offer-distance').allTextContents()).map((t) => {
      const m = /([\d.]+)(米|公里)/.exec(t)
      assert.ok(m, `a distance: ${t}`)
      return m[2] === '公里' ? parseFloat(m[1]) * 1000 : parseFloat(m[1])
    })

  it('离我最近 with location granted: nearest store first with its distance; back to newest', async () => {
    const shot = settledShots('benefits-near')
    const { page, errors, context } = await openPhone(env.browser, { geolocation: { latitude: 40.84, longitude: 111.75 } })
    await context.grantPermissions(['geolocation'])
    await signInAs(page, env.server.url, 'member')
    await page.tap('#service-benefits')
    await page.getByTestId('offer-card').first().waitFor()
    // Opening the list does not ask for the location: no distances yet, newest first.
    assert.equal(await page.getByTestId('offer-distance').count(), 0)
    assert.equal(await page.getByTestId('offer-card').first().getAttribute('id'), 'offer-offer-baotou-peixun')
    await page.tap('#sort-near')
    await page.getByTestId('offer-distance').first().waitFor()
    const ds = await distances(page)
    assert.equal(ds.length, await page.getByTestId('offer-card').count())
    assert.deepEqual(ds, [...ds].sort((a, b) => a - b), 'nearest first')
    // The demo supermarket (新城区) is a few hundred metres away; 赤峰 hundreds of kilometres.
    assert.equal(await page.getByTestId('offer-card').first().getAttribute('id'), 'offer-offer-bianmin-mian')
    assert.ok(ds[0] < 2000, `nearest ${ds[0]}`)
    assert.ok(ds[ds.length - 1] > 300_000, `farthest ${ds[ds.length - 1]}`)
    await shot(page, 'nearest')
    // A category keeps the order.
    await page.tap('#cat-交通出行')
    await page.locator('#offer-offer-hhht-gongjiao').getByTestId('offer-distance').waitFor()
    assert.equal(await page.getByTestId('offer-card').count(), 1)
    await page.tap('#cat-all')
    await page.tap('#sort-newest')
    await page.locator('#offer-offer-baotou-peixun').waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="offer-distance"]').length === 0)
    await shot(page, 'newest-again')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('离我最近 with location refused: stays on newest with a short note', async () => {
    const shot = settledShots('benefits-near-refused')
    const { page, errors, context } = await openPhone(env.browser, { geolocation: { latitude: 40.84, longitude: 111.75 } })
    await signInAs(page, env.server.url, 'member')
    await page.tap('#service-benefits')
    await page.getByTestId('offer-card').first().waitFor()
    await page.tap('#sort-near')
    await page.getByTestId('sort-note').getByText('没有获得位置权限，仍按最新排序。').waitFor()
    assert.equal(await page.getByTestId('offer-distance').count(), 0)
    assert.equal(await page.getByTestId('offer-card').first().getAttribute('id'), 'offer-offer-baotou-peixun')
    await shot(page, 'refused')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a clerk adds an offer with two stores for one union below; the form checks a bad latitude before sending', async () => {
    const shot = settledShots('benefits-manage')
    const { page, errors, context } = await openPhone(env.browser)
    const saves: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/api/cloud/benefits') && (r.postData() ?? '').includes('saveOffer')) saves.push(r.postData() ?? '')
    })
    await signInAs(page, env.server.url, 'clerk')
    await openMe(page)
    await page.tap('#me-manage-offers')
    await page.getByTestId('manage-offers').waitFor()
    await page.tap('#offer-add')
    await page.getByTestId('offer-form').waitFor()
    const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10)
    await page.fill('#offer-title input', '示例洗衣店八折（演示）')
    await page.fill('#offer-county input', '新城区')
    await page.fill('#offer-description textarea', '会员洗衣八折（演示）。')
    await page.fill('#offer-startDay input', day(0))
    await page.fill('#offer-endDay input', day(30))
    await page.fill('#store-0-name input', '示例洗衣店（演示）一店')
    await page.fill('#store-0-address input', '呼和浩特市新城区示例路5号（演示地址）')
    await page.fill('#store-0-latitude input', '40.842')
    await page.fill('#store-0-longitude input', '111.751')
    await page.tap('#store-add')
    await page.fill('#store-1-name input', '示例洗衣店（演示）二店')
    await page.fill('#store-1-address input', '呼和浩特市赛罕区示例路6号（演示地址）')
    await page.fill('#store-1-latitude input', '95')
    await page.fill('#store-1-longitude input', '111.7')
    await page.tap('#eligible-hhht-xc-kd')
    await page.tap('#offer-save')
    await page.locator('#store-1-latitude').locator('xpath=..').getByText('纬度不正确').waitFor()
    // And by the save button, since the field may be scrolled out of sight.
    assert.equal(await page.getByTestId('offer-form').getByText('纬度不正确').count(), 2)
    assert.equal(saves.length, 0, 'nothing sent while the form is wrong')
    await shot(page, 'bad-latitude')
    await page.fill('#store-1-latitude input', '40.8')
    await page.tap('#offer-save')
    await page.getByTestId('manage-offer').getByText('示例洗衣店八折（演示）').waitFor()
    assert.equal(saves.length, 1)
    const sent = JSON.parse(saves[0]).data
    assert.equal(sent.stores.length, 2)
    assert.equal(sent.stores[1].latitude, 40.8)
    assert.equal(sent.eligibleUnionId, 'hhht-xc-kd')
    await shot(page, 'saved')
    // Editing shows both stores and the chosen union.
    await page.getByTestId('manage-offer').filter({ hasText: '示例洗衣店八折（演示）' }).locator('[id^="edit-"]').tap()
    await page.getByTestId('offer-form').getByText('修改福利').waitFor()
    assert.equal(await page.getByTestId('store-row').count(), 2)
    assert.match((await page.locator('#eligible-hhht-xc-kd').getAttribute('class')) ?? '', /bf__chip--on/)
    await shot(page, 'edit')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
