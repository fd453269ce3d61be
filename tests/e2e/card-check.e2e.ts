import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openPhone, screenshots } from './support/browser'
import { drawnQr, qrOf } from './support/qr'
import { serverAndBrowser } from './support/suite'
import { openMe, signInAs } from './support/signin'

/**
 * #15 items 6–7 on the real server: a member shows the card; a merchant's cashier opens 会员核验
 * while online (the public keys are kept), loses the network, checks the card anyway (有效会员,
 * 离线核验), and once back online the check is counted for the merchant.
 */
describe('member card check, offline', () => {
  const env = serverAndBrowser()

  it('a cashier offline sees 有效会员 and the masked name; back online the queued check is counted', async () => {
    const shot = screenshots('card-check')
    const member = await openPhone(env.browser)
    await signInAs(member.page, env.server.url, 'member')
    await openMe(member.page)
    await member.page.tap('#open-card')
    const qr = member.page.getByTestId('card-qr')
    await qr.waitFor()
    const token = (await qr.getAttribute('data-text')) ?? ''
    // What the page says is what its QR draws: the checker's camera would read the same text.
    assert.deepEqual(await drawnQr(qr), qrOf(token))
    assert.ok(!token.includes('李会员'), 'the token carries the name masked only')
    await shot(member.page, 'member-card')

    const cashier = await openPhone(env.browser)
    const { page } = cashier
    await signInAs(page, env.server.url, 'merchant')
    await openMe(page)
    await page.tap('#open-card-check')
    await page.getByTestId('check-keys').getByText('已保存核验公钥').waitFor()
    await page.getByTestId('check-today').getByText('今日核验 0 次').waitFor()
    await shot(page, 'check-online')

    await cashier.context.setOffline(true)
    // Something that is not a card: refused on the phone, nothing queued.
    await page.fill('#check-input input', 'not-a-card')
    await page.tap('#check-btn')
    await page.getByTestId('check-refused').getByText('不是会员码', { exact: false }).waitFor()
    await shot(page, 'check-offline-refused')

    await page.fill('#check-input input', token)
    await page.tap('#check-btn')
    const valid = page.getByTestId('check-valid')
    await valid.getByText('有效会员').waitFor()
    assert.equal(await page.getByTestId('check-name').textContent(), '会员 李*****）')
    assert.match((await page.getByTestId('check-union').textContent()) ?? '', /工会/)
    assert.equal(await page.getByTestId('check-mode').textContent(), '离线核验')
    await valid.getByText('需联网核验才能发现', { exact: false }).waitFor()
    await page.getByTestId('check-pending').getByText('离线核验 1 次待补记', { exact: false }).waitFor()
    await shot(page, 'check-offline-valid')

    // Back online: the page sends the count by itself, and the merchant's figure shows it.
    await cashier.context.setOffline(false)
    await page.getByTestId('check-pending').waitFor({ state: 'detached', timeout: 30_000 })
    await page.getByTestId('check-today').getByText('今日核验 1 次（其中离线补记 1 次）').waitFor()

    // Online, the same card checks in the cloud, counted too.
    await page.fill('#check-input input', token)
    await page.tap('#check-btn')
    await page.getByTestId('check-mode').getByText('在线核验').waitFor()
    await page.getByTestId('check-today').getByText('今日核验 2 次（其中离线补记 1 次）').waitFor()
    await shot(page, 'check-online-valid')

    assert.deepEqual(member.errors, [])
    assert.deepEqual(cashier.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), [])
  })
})
