import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { PRIVACY_VERSION } from '../../domain/contract'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { SERVICES } from '../../src/pages/home/services'

/** 首页 knows who is looking (#13): a member, a clerk, and someone signed out, on the real server. */
describe('首页', () => {
  const suite = serverAndBrowser()

  async function tokenOf(as: string): Promise<{ token: string; displayName: string }> {
    const login = await fetch(`${suite.server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })
    return (await login.json()) as { token: string; displayName: string }
  }

  async function cloud(token: string, fn: string, action: string, data: unknown) {
    const response = await fetch(`${suite.server.url}/api/cloud/${fn}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) })
    return (await response.json()) as { ok: boolean; data?: any; error?: { message: string } }
  }

  /** Signed in with the privacy guide agreed (first-use.e2e.ts covers those steps), as the app stores it. */
  async function signedIn(context: BrowserContext, as: string): Promise<string> {
    const session = await tokenOf(as)
    await context.addInitScript(
      ({ stored, privacy }) => {
        localStorage.setItem('session', JSON.stringify({ data: JSON.stringify({ state: stored, version: 0 }) }))
        localStorage.setItem('privacy', JSON.stringify({ data: JSON.stringify({ state: privacy, version: 0 }) }))
      },
      { stored: session, privacy: { agreedVersion: PRIVACY_VERSION, recordedVersion: PRIVACY_VERSION } },
    )
    return session.token
  }

  /** Counts the page's own location reads (plain text: tsx wraps named functions in a helper the page lacks). */
  async function countLocationReads(page: Page): Promise<() => Promise<number>> {
    await page.addInitScript({
      content: `(() => {
        const geo = navigator.geolocation
        const original = geo.getCurrentPosition.bind(geo)
        geo.getCurrentPosition = (...args) => { window.__locationReads = (window.__locationReads || 0) + 1; return original(...args) }
      })()`,
    })
    return () => page.evaluate(() => (window as unknown as { __locationReads?: number }).__locationReads ?? 0)
  }

  /** The web build's own back button (its title bar), as a person goes back. */
  const back = (page: Page) => page.locator('.taro-navigation-bar-show .taro-navigation-bar-back').tap()

  it('a member: 出示会员证 in one tap, their transfer opens its page, and the nearest open station once a location was shared', async () => {
    const shot = screenshots('home-member')
    const { page, errors, context } = await openPhone(suite.browser, { geolocation: { latitude: 40.84, longitude: 111.75 } })
    await context.grantPermissions(['geolocation'])
    const token = await signedIn(context, 'member')
    const reads = await countLocationReads(page)

    await page.goto(`${suite.server.url}/`)
    await page.locator('#home-card').waitFor()
    await page.getByTestId('home-waiting-empty').waitFor()
    assert.equal(await page.locator('#home-nearest').count(), 0)
    assert.equal(await reads(), 0, '首页 never asks for a location')
    await shot(page, 'nothing-waiting')
    await page.tap('#home-card')
    await page.waitForURL(/features\/join\/pages\/card\/index/)
    await back(page)
    await page.locator('#home-card').waitFor()

    // A transfer started elsewhere waits on 首页 and opens its status page.
    const started = await cloud(token, 'transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例建筑（演示）有限公司', jobType: 'courier', idempotencyKey: 'home-e2e-transfer' })
    assert.ok(started.ok, started.error?.message)
    // The station map reads the location (the person allows it there), then 首页 shows the nearest open station.
    await page.tap('#service-stations')
    await page.waitForURL(/features\/stations\/pages\/map\/index/)
    await page.getByTestId('station-row').first().waitFor()
    assert.equal(await reads(), 1)
    await back(page)
    const transfer = page.locator('[id^="waiting-transfer-"]')
    await transfer.waitFor()
    assert.match((await transfer.textContent()) ?? '', /转会办理中.*转入示例建筑（演示）有限公司工会/)
    await page.locator('#home-nearest').waitFor()
    assert.match((await page.locator('#home-nearest').textContent()) ?? '', /最近的营业中驿站/)
    assert.equal(await reads(), 1, '首页 used the location already read, and read none itself')
    await shot(page, 'waiting-and-station')
    await transfer.tap()
    await page.waitForURL(/features\/transfer\/pages\/status\/index/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a clerk sees how many wait in their own unions, never another subtree’s, and opens the queue', async () => {
    const shot = screenshots('home-clerk')
    // Two join applications: one under 新城区 (the clerk's), one under 回民区 (not theirs).
    const { token: worker } = await tokenOf('worker')
    const form = (unionId: string, idNumber: string, idempotencyKey: string) => ({ unionId, idempotencyKey, name: '张三', idNumber, phone: '13800138000', ethnicity: '汉族', education: '高中/中专/技校', politicalStatus: '群众', hukou: '农村', employer: '示例公司', employment: 'courier', consentPersonal: true, consentSensitive: true })
    const applied = await cloud(worker, 'member', 'join', form('hhht-xc-kd', fictionalIdNumber('150102', '19900101', 123), 'home-e2e-join-1'))
    assert.ok(applied.ok, applied.error?.message)
    const { token: newcomer } = await tokenOf('newcomer')
    const elsewhere = await cloud(newcomer, 'member', 'join', form('hhht-hm-jz', fictionalIdNumber('150103', '19920202', 77), 'home-e2e-join-2'))
    assert.ok(elsewhere.ok, elsewhere.error?.message)

    for (const [who, expected] of [['clerk', '1'], ['hm-clerk', '1'], ['city-clerk', '2']] as const) {
      const { page, errors, context } = await openPhone(suite.browser)
      await signedIn(context, who)
      await page.goto(`${suite.server.url}/`)
      await page.getByTestId('home-queues').waitFor()
      assert.equal(await page.locator('#queue-join .home__count').textContent(), expected, `${who} counts ${expected}`)
      if (who === 'clerk') {
        await shot(page, 'queues')
        await page.tap('#queue-join')
        await page.waitForURL(/features\/join\/pages\/review\/index/)
      }
      assert.deepEqual(errors, [])
      await context.close()
    }
  })

  it('signed out: joining, the map and 公示; each service opens from the keyboard (Tab, then Enter or Space)', async () => {
    const shot = screenshots('home-keyboard')
    const { page, errors, context } = await openPhone(suite.browser, { hasTouch: false, isMobile: false })
    await context.addInitScript(
      ({ privacy }) => localStorage.setItem('privacy', JSON.stringify({ data: JSON.stringify({ state: privacy, version: 0 }) })),
      { privacy: { agreedVersion: PRIVACY_VERSION, recordedVersion: PRIVACY_VERSION } },
    )
    await page.goto(`${suite.server.url}/`)
    await page.getByTestId('home-signed-out').waitFor()
    assert.equal(await page.getByTestId('home-mine').count(), 0)
    await page.locator('#public-aid-notice').waitFor()

    const focused = () => page.evaluate(() => document.activeElement?.id ?? '')
    // Tab from the top until the tile has the focus; fails if it never does.
    async function tabTo(id: string) {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab')
        if ((await focused()) === id) return
      }
      assert.fail(`Tab never reached #${id}`)
    }
    const opened = SERVICES.filter((s) => s.path)
    for (const [i, service] of opened.entries()) {
      await tabTo(`service-${service.key}`)
      if (i === 0) await shot(page, 'focused')
      await page.keyboard.press(i % 2 ? ' ' : 'Enter')
      await page.waitForURL(new RegExp(String(service.path).replace(/\//g, '\\/')))
      // 首页 afresh: Tab starts again from the top.
      await page.goto(`${suite.server.url}/`)
      await page.getByTestId('service-grid').waitFor()
    }
    await tabTo('public-aid-notice')
    await page.keyboard.press('Enter')
    await page.waitForURL(/features\/aid\/pages\/notice\/index/)
    assert.deepEqual(errors, [])
    await context.close()
  })
})
