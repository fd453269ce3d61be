import type { Page } from 'playwright-core'

/** Types into one of the join form's text fields. */
export async function fillJoinField(page: Page, field: string, value: string): Promise<void> {
  await page.locator(`#field-${field} input`).fill(value)
}

/**
 * Fills the join form as a worker does, all but the ID number (each flow picks its own fictional
 * one): 王小骑, 汉族 from the picker, the choices, the employer and both consents.
 */
export async function fillJoinForm(page: Page, { employer, employment }: { employer: string; employment: number }): Promise<void> {
  await fillJoinField(page, 'name', '王小骑')
  await fillJoinField(page, 'phone', '13912345678')
  await page.tap('#pick-ethnicity')
  await page.locator('.nut-picker-confirm-btn').tap()
  await page.locator('#pick-ethnicity', { hasText: '汉族' }).waitFor()
  await page.tap('#choose-education-3')
  await page.tap('#choose-politicalStatus-5')
  await page.tap('#choose-hukou-1')
  await fillJoinField(page, 'employer', employer)
  await page.tap(`#choose-employment-${employment}`)
  await page.tap('#consent-personal')
  await page.tap('#consent-sensitive')
  await page.locator('#consent-personal .join-form__box--on').waitFor()
  await page.locator('#consent-sensitive .join-form__box--on').waitFor()
}
