import type { Page } from 'playwright-core'

/** The 金秋助学 pages' steps in a browser, shared by aid.e2e.ts and aid-renewal.e2e.ts. */

/** Types into the text field or textarea inside a data-testid. */
export const fillAid = (page: Page, testId: string, value: string) => page.locator(`[data-testid="${testId}"] input, [data-testid="${testId}"] textarea`).first().fill(value)

/** 下一步, then waits for the step's title. */
export async function nextStep(page: Page, title: string): Promise<void> {
  await page.tap('#step-next')
  await page.getByTestId('step-title').getByText(title).waitFor()
}

/** Taps an upload button and picks the file in the chooser it opens. */
export async function uploadAs(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.tap(button)])
  await chooser.setFiles(file)
}

/** Opens a 金秋助学 page by its folder (index, apply, review, notice, programme). */
export const openAidPage = (page: Page, url: string, sub: string) => page.goto(`${url}/#/features/aid/pages/${sub}/index`)
