import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'
import { PRIVACY_VERSION } from '../../domain/contract'
import { SERVICES } from '../../src/pages/home/services'

/** The first use of the web build, on the real server with its first-start demo data. */
describe('first use', () => {
  const suite = serverAndBrowser()

  it('a worker signs in, accepts the privacy notice, sees 首页 and 我的', async () => {
    const shot = screenshots('worker-first-use')
    const { page, errors, context } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'worker', shot)

    const grid = page.getByTestId('service-grid')
    for (const title of ['入会 / 转会', '普惠福利', '驿站地图', '金秋助学']) await grid.getByText(title, { exact: true }).waitFor()
    assert.equal(await grid.getByText('即将开放').count(), SERVICES.filter((s) => !s.path).length)
    await shot(page, 'home')

    // A tile opens its service's subpackage, and back returns to 首页.
    await page.tap('#service-join')
    await page.waitForURL(/features\/join\/pages\/entry\/index/)
    // The web build shows a title and a back button of its own (a 44 px target), as WeChat does.
    const bar = page.locator('.taro-navigation-bar-show')
    await bar.locator('.taro-navigation-bar-title', { hasText: '扫码入会' }).waitFor()
    const back = await bar.locator('.taro-navigation-bar-back').boundingBox()
    assert.ok(back && back.height >= 44 && back.width >= 44, `back is ${back?.width} × ${back?.height}`)
    await bar.locator('.taro-navigation-bar-back').tap()
    await page.getByTestId('service-grid').waitFor()

    await openMe(page)
    assert.equal(await page.getByTestId('display-name').textContent(), '王小骑（演示）')
    await page.getByTestId('not-member').waitFor()
    await shot(page, 'me')

    // The agreement reached the cloud's record, and a reload does not ask again.
    // Taro's web storage keeps each value as {"data": <what was stored>}.
    const token = await page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('session') ?? '{}').data).state.token as string)
    const profile = await (await fetch(`${suite.server.url}/api/cloud/member`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'profile', data: {} }) })).json()
    assert.equal(profile.data.privacyAgreedVersion, PRIVACY_VERSION)
    await page.reload()
    await page.getByTestId('display-name').waitFor()
    assert.equal(await page.getByTestId('privacy-notice').count(), 0)

    assert.deepEqual(errors, [])
    await context.close()
  })

  it('返回 at once after opening a service brings 首页 back (no slide for it to race)', async () => {
    const { page, context } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'member')
    // A slow phone: Taro's router hid the page below on a timer after the slide, and a back before the
    // timer fired left 首页 hidden for good (seen in CI under load). The CPU is slowed so timers run late.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })
    for (let round = 0; round < 3; round++) {
      await page.tap('#service-join')
      await page.locator('.taro-navigation-bar-title', { hasText: '扫码入会' }).waitFor()
      // As a hurried thumb does: back as soon as the page shows.
      await page.goBack()
      await page.getByTestId('service-grid').waitFor({ timeout: 10_000 })
    }
    await context.close()
  })

  it('a member sees their union card on 我的', async () => {
    const shot = screenshots('member-card')
    const { page, errors, context } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'member', shot)
    await openMe(page)
    const card = page.getByTestId('membership')
    await card.getByText('示例速递（演示）有限公司工会', { exact: true }).waitFor()
    await card.getByText('会员编号 150102000001').waitFor()
    await card.getByText('2024年3月15日入会').waitFor()
    await shot(page, 'me')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a union clerk sees their role; switching person asks who again', async () => {
    const shot = screenshots('clerk-role')
    const { page, errors, context } = await openPhone(suite.browser)
    await signInAs(page, suite.server.url, 'clerk', shot)
    await openMe(page)
    await page.getByText('新城区总工会（县级总工会）工作人员').waitFor()
    await shot(page, 'me')
    await page.tap('#switch-person')
    await page.waitForSelector('#login-as-worker')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('declining the privacy notice closes it and leaves the app usable, saying what still works', async () => {
    const shot = screenshots('signed-out-home')
    const { page, errors, context } = await openPhone(suite.browser)
    await page.goto(`${suite.server.url}/`)
    await page.getByTestId('privacy-notice').waitFor()
    await page.tap('#privacy-decline')
    await page.getByText('你可以继续查看驿站地图、助学公示等公开内容', { exact: false }).waitFor()
    await page.getByTestId('privacy-notice').waitFor({ state: 'detached' })
    // Signed out, 首页 is no dead end: the services, the public pages, and how to sign in.
    await page.getByTestId('service-grid').waitFor()
    await page.getByTestId('home-signed-out').getByText('驿站地图和助学公示无需登录即可查看', { exact: false }).waitFor()
    const signIn = await page.locator('#home-sign-in').boundingBox()
    assert.ok(signIn && signIn.height >= 44, `选择演示身份 is ${signIn?.height} px high`)
    await shot(page, 'home')
    await page.tap('#public-aid-notice')
    await page.locator('[data-testid="notice-entry"], [data-testid="notice-empty"]').first().waitFor()
    await page.goBack()
    await page.tap('#service-stations')
    await page.getByTestId('location-banner').waitFor()
    await shot(page, 'map-signed-out')
    await page.goBack()
    await page.tap('#home-sign-in')
    await page.waitForSelector('#login-as-worker')
    // Let the login page finish sliding in: a tap during the animation can leave it over 首页.
    await page.waitForTimeout(500)
    await page.tap('#login-as-worker')
    await page.getByTestId('home-signed-out').waitFor({ state: 'detached' })
    // Declined once, the notice does not come back by itself after signing in.
    assert.equal(await page.getByTestId('privacy-notice').count(), 0)
    // 我的 still opens: seeing one's own data needs no agreement.
    await openMe(page)
    assert.equal(await page.getByTestId('privacy-notice').count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
  })
})
