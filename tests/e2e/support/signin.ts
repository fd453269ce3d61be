import type { Page } from 'playwright-core'

/** Signs in on the web build as a demo person and accepts the privacy notice. */
export async function signInAs(page: Page, url: string, key: string, shot?: (page: Page, name: string) => Promise<void>) {
  await page.goto(`${url}/`)
  await page.waitForSelector('[data-testid="login-needed"]')
  await page.tap('#login-needed-action')
  await page.waitForSelector(`#login-as-${key}`)
  await page.tap(`#login-as-${key}`)
  // Wait for 首页 to be in front: on a busy machine the login page can still cover the notice.
  await page.waitForURL(/pages\/home\/index/)
  await page.getByTestId('service-grid').waitFor()
  await page.locator('#agree-privacy-btn').waitFor()
  await shot?.(page, `${key}-privacy`)
  await page.tap('#agree-privacy-btn')
  await page.waitForSelector('[data-testid="privacy-notice"]', { state: 'detached' })
}
