import type { Page } from 'playwright-core'
import { expectAccessible } from './axe'

/**
 * Signs a phone page in as a demo person the way a person does on first use: 首页 opens signed out
 * with the privacy notice over it → 同意并继续 → 选择演示身份 → the person → back on 首页, signed in
 * (the agreement is then recorded for them). `shot` saves a screenshot of each step when given.
 */
export async function signInAs(page: Page, baseUrl: string, key: string, shot?: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.goto(`${baseUrl}/`)
  await page.getByTestId('home-signed-out').waitFor()
  await page.locator('#agree-privacy-btn').waitFor()
  await shot?.(page, 'privacy-notice')
  await page.tap('#agree-privacy-btn')
  await page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
  await shot?.(page, 'signed-out-home')
  await page.tap('#home-sign-in')
  await page.waitForSelector(`#login-as-${key}`)
  await shot?.(page, 'choose-person')
  await page.tap(`#login-as-${key}`)
  // Wait for 首页 to be in front, signed in: on a busy machine the login page can still cover it.
  await page.waitForURL(/pages\/home\/index/)
  await page.getByTestId('service-grid').waitFor()
  await page.getByTestId('home-signed-out').waitFor({ state: 'detached' })
  await expectAccessible(page, `首页 signed in as ${key}`)
}

/** Opens 我的 from the tab bar and waits for the profile. */
export async function openMe(page: Page): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
  await page.waitForSelector('[data-testid="display-name"]')
  await expectAccessible(page, '我的')
}
