import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { openPhone, screenshots } from './support/browser'
import { fillJoinField, fillJoinForm } from './support/join-form'
import { signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/** Where an element sits against the phone's screen: above it, on it, or below it. */
async function placeOnScreen(page: Page, selector: string): Promise<'above' | 'on' | 'below'> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect()
    if (box.bottom <= 0) return 'above'
    return box.top >= window.innerHeight ? 'below' : 'on'
  })
}

/** Forms that a parent fills at night or a clerk with a queue uses from the keyboard (#13). */
describe('forms', () => {
  const live = serverAndBrowser()

  it('a failed submit brings the first problem into view and puts the cursor in its field', async () => {
    const shot = screenshots('form-first-error')
    const worker = await openPhone(live.browser)
    await signInAs(worker.page, live.server.url, 'worker')
    await worker.page.goto(`${live.server.url}/#/features/join/pages/entry/index?union=hhht-xc-kd`)
    await worker.page.getByTestId('join-form').waitFor()
    await fillJoinForm(worker.page, { employer: '示例外卖平台（演示）', employment: 6 })
    await fillJoinField(worker.page, 'idNumber', fictionalIdNumber('150102', '19950615', 311))
    // The name, the form's first field, is left empty; the person is down at 提交.
    await fillJoinField(worker.page, 'name', '')
    await worker.page.locator('#join-submit').scrollIntoViewIfNeeded()
    assert.equal(await placeOnScreen(worker.page, '#field-name'), 'above', 'the name field is off-screen before submitting')
    await worker.page.tap('#join-submit')

    const problem = worker.page.locator('#field-name .join-form__error')
    await problem.waitFor()
    await worker.page.waitForFunction(() => {
      const box = document.querySelector('#field-name .join-form__error')?.getBoundingClientRect()
      return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight)
    })
    assert.equal(await placeOnScreen(worker.page, '#field-name'), 'on')
    assert.ok(await worker.page.locator('#field-name input').evaluate((input) => input === document.activeElement), 'the cursor is in the name field')
    await shot(worker.page, 'first-problem-shown')
    // Typing goes straight into the field the problem is about.
    await worker.page.keyboard.type('王小骑')
    assert.equal(await worker.page.locator('#field-name input').inputValue(), '王小骑')
    assert.deepEqual(worker.errors, [])
    await worker.context.close()
  })

  it('a date field and a choice work from the keyboard alone', async () => {
    const shot = screenshots('form-keyboard')
    const staff = await openPhone(live.browser)
    await signInAs(staff.page, live.server.url, 'city-clerk')
    await staff.page.tap('#service-aid')
    await staff.page.tap('#open-programme')
    const firstDay = staff.page.getByTestId('programme-first-day')
    await firstDay.waitFor()

    // Tab reaches the date field; Enter opens its picker, as a tap does.
    const picker = staff.page.locator('.weui-picker:visible')
    assert.equal(await picker.count(), 0, 'no picker is open yet')
    await firstDay.focus()
    await staff.page.keyboard.press('Enter')
    await picker.waitFor()
    await shot(staff.page, 'date-picker-open')
    await picker.locator('.weui-picker__action', { hasText: '取消' }).tap()
    await picker.waitFor({ state: 'detached' })

    // A choice (a 困难类别 in this form) toggles on Space, and says so to a screen reader.
    const choice = staff.page.locator('[id^="programme-category-"]').first()
    const before = await choice.getAttribute('aria-checked')
    await choice.focus()
    await staff.page.keyboard.press(' ')
    await staff.page.waitForFunction(
      ({ was }) => document.querySelector('[id^="programme-category-"]')?.getAttribute('aria-checked') !== was,
      { was: before },
    )
    await shot(staff.page, 'category-toggled')
    assert.deepEqual(staff.errors, [])
    await staff.context.close()
  })
})
