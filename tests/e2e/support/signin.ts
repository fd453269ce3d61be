import type { Page } from 'playwright-core'

/**
 * Signs a phone page in as a demo person the way a person does on first use: 去选择 → the person →
 * 同意并继续 on the privacy notice. `shot` saves a screenshot of each step when given.
 */
export async function signInAs(page: Page, baseUrl: string, key: string, shot?: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.goto(`${baseUrl}/`)
  await page.waitForSelector('[data-testid="login-needed"]')
  await shot?.(page, 'login-needed')
  await page.tap('#login-needed-action')
  await page.waitForSelector(`#login-as-${key}`)
  await shot?.(page, 'choose-person')
  await page.tap(`#login-as-${key}`)
  await page.waitForSelector('[data-testid="privacy-notice"]')
  await shot?.(page, 'privacy-notice')
  await page.tap('#agree-privacy-btn')
  await page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
}

/** Opens 我的 from the tab bar and waits for the profile. */
export async function openMe(page: Page): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
  await page.waitForSelector('[data-testid="display-name"]')
}
