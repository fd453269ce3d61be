import type { Page } from 'playwright-core'

/** Signs in on the web build as a demo person and accepts the privacy notice. */
export async function signInAs(page: Page, url: string, key: string, shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.goto(`${url}/`)
  await page.waitForSelector('[data-testid="login-needed"]')
  await page.tap('#login-needed-action')
  await page.waitForSelector(`#login-as-${key}`)
  // Let the login page finish sliding in: a tap during the animation can leave it over 首页.
  await page.waitForTimeout(500)
  await page.tap(`#login-as-${key}`)
  await page.waitForSelector('[data-testid="privacy-notice"]')
  await page.tap('#agree-privacy-btn')
  await page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
  await shot(page, `signed-in-${key}`)
}

export async function openMe(page: Page): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
  await page.waitForSelector('[data-testid="display-name"]')
}
