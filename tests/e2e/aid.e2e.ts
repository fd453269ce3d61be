import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { signInAs } from './support/signin'
import { fillAid, nextStep, openAidPage, uploadAs } from './support/aid'
import { cardFor, idFor, PDF, PNG } from '../helpers/aid'

const CHILD_ID = idFor('20080510', '315')

/** 金秋助学 end to end on the real server: apply with two files, sent back, corrected, approved, noticed, paid. */
describe('金秋助学', () => {
  // The server's clock may be moved forward (past the 公示) only when it is started with DEV_CLOCK.
  const live = serverAndBrowser({ env: { DEV_CLOCK: '1' } })

  const fill = fillAid
  const next = nextStep
  const openAid = (page: Page, sub: string) => openAidPage(page, live.server.url, sub)

  async function review(browserPage: Page, id: string, note?: string) {
    await openAid(browserPage, 'review')
    await browserPage.waitForSelector(id)
    if (note) await fill(browserPage, 'review-note', note)
    await browserPage.tap(id)
  }

  it('a member applies, is sent back, corrects, is approved, noticed and paid', async () => {
    const shot = screenshots('aid')
    const member = await openPhone(live.browser)
    const page = member.page
    await signInAs(page, live.server.url, 'member')
    await page.tap('#service-aid')
    await page.getByTestId('programme').getByText('2026 年金秋助学（演示项目）').waitFor()
    await page.tap('#q-level-undergraduate')
    await page.tap('#q-category-dibao')
    await page.tap('#check-eligibility')
    await page.getByTestId('eligibility-result').getByText('可以申请，本科（建档）资助标准 ¥5,000').waitFor()
    await shot(page, 'eligible')
    await page.tap('#start-application')

    await page.getByTestId('step-title').getByText('申请人').waitFor()
    await page.getByText('会员编号 150102000001', { exact: false }).waitFor()
    await next(page, '子女')
    // On a 390-px phone 上一步 and 下一步 share the row, each a 44-px target, neither off screen.
    for (const id of ['#step-back', '#step-next']) {
      const box = await page.locator(id).boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390 && box.height >= 44, `${id}: ${JSON.stringify(box)}`)
    }
    // 学段 was answered in the eligibility check: already chosen here.
    await page.locator('#level-undergraduate.aid-choice--on').waitFor()
    await fill(page, 'child-name', '张小明')
    await page.tap('#level-undergraduate')
    await fill(page, 'child-id', idFor('20230510'))
    await page.getByText('与所填学段不符').waitFor()
    await shot(page, 'child-too-young')
    await fill(page, 'child-id', CHILD_ID)
    await fill(page, 'child-school', '示例大学（演示）')
    await next(page, '家庭')
    await fill(page, 'household-size', '0')
    await fill(page, 'household-income', '36000')
    await page.locator('#category-dibao.aid-choice--on').waitFor()
    await page.tap('#category-dibao')
    await fill(page, 'household-description', '父亲因病无法工作（示例）')
    await page.tap('#step-next')
    await page.getByTestId('form-problem').getByText('家庭人口数至少为 1').waitFor()
    await fill(page, 'household-size', '3')
    // #15: 农民工 and the exclusions, each answered yes or no.
    await page.tap('#migrant-no')
    for (const e of ['military', 'free_teacher', 'directed', 'government_aid']) await page.tap(`#declare-${e}-no`)
    await next(page, '材料')
    await uploadAs(page, '#upload-admission_letter', { name: 'tongzhishu.png', mimeType: 'image/png', buffer: PNG })
    await page.getByTestId('doc-admission_letter').getByText('已上传：tongzhishu.png').waitFor()
    await uploadAs(page, '#upload-hardship_proof', { name: 'dibao.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByTestId('doc-hardship_proof').getByText('已上传：dibao.pdf').waitFor()
    await shot(page, 'documents')
    await next(page, '同意与收款')
    // Nothing typed so far put the ID number in the phone's storage.
    assert.doesNotMatch(await page.evaluate(() => JSON.stringify(localStorage)), new RegExp(CHILD_ID))
    await page.tap('#consent-sensitive-yes')
    await fill(page, 'payout-bank', '示例银行（演示）')
    await fill(page, 'payout-card', cardFor())
    await shot(page, 'payout')
    await page.tap('#submit-application')
    await page.getByTestId('my-application').waitFor()
    assert.equal(await page.getByTestId('step-level_one').getAttribute('data-state'), 'current')
    assert.doesNotMatch(await page.evaluate(() => JSON.stringify(localStorage)), new RegExp(`${CHILD_ID}|${cardFor()}`))
    await shot(page, 'submitted')

    const clerk = await openPhone(live.browser)
    await signInAs(clerk.page, live.server.url, 'clerk')
    // The reviewer opens a document: fetched with the session, shown from a blob in a new tab.
    await openAid(clerk.page, 'review')
    await clerk.page.waitForSelector('#open-doc-admission_letter')
    const [tab] = await Promise.all([clerk.context.waitForEvent('page'), clerk.page.tap('#open-doc-admission_letter')])
    await tab.waitForURL(/^blob:/)
    await tab.close()
    await review(clerk.page, '#review-send-back', '录取通知书照片不清晰，请重新上传')
    await clerk.page.getByTestId('review-item').getByText('退回修改').waitFor()
    await shot(clerk.page, 'clerk-sent-back')

    await page.reload()
    await page.getByTestId('step-level_one').getByText('录取通知书照片不清晰，请重新上传').waitFor()
    await shot(page, 'returned')
    await page.tap('#correct-application')
    await page.getByTestId('step-title').getByText('子女').waitFor()
    await fill(page, 'child-id', CHILD_ID)
    await next(page, '家庭')
    await next(page, '材料')
    await uploadAs(page, '#upload-admission_letter', { name: 'tongzhishu-2.png', mimeType: 'image/png', buffer: PNG })
    await page.getByTestId('doc-admission_letter').getByText('已上传：tongzhishu-2.png').waitFor()
    await next(page, '同意与收款')
    await page.tap('#consent-sensitive-yes')
    await fill(page, 'payout-card', cardFor())
    await page.tap('#submit-application')
    // Back on 金秋助学, which still shows the returned application until its reload on show lands.
    await page.locator('[data-testid="step-level_one"][data-state="current"]').waitFor()

    // #15: level one records the home visit before level two may approve.
    await openAid(clerk.page, 'review')
    await fill(clerk.page, 'visit-visitors', '赵干事（演示）')
    for (const c of ['housing', 'members', 'income', 'enrolled']) await clerk.page.tap(`#visit-check-${c}`)
    await clerk.page.tap('#visit-save')
    await clerk.page.getByTestId('home-visit').waitFor()
    await review(clerk.page, '#review-verify')
    await clerk.page.getByTestId('review-item').getByText('上级审批').waitFor()
    const city = await openPhone(live.browser)
    await signInAs(city.page, live.server.url, 'city-clerk')
    await review(city.page, '#review-approve')
    await city.page.getByTestId('review-item').getByText('公示中').waitFor()
    await shot(city.page, 'approved')

    // The 公示 is public: a visitor who never signed in sees the masked name.
    const visitor = await openPhone(live.browser)
    await openAid(visitor.page, 'notice')
    const entry = visitor.page.getByTestId('notice-entry')
    await entry.getByText('张*明', { exact: true }).waitFor()
    await entry.getByText('示例大学（演示） · 本科 · ¥5,000').waitFor()
    assert.equal(await visitor.page.getByText('张小明').count(), 0)
    await visitor.page.getByTestId('notice-end').getByText('已显示全部 1 条').waitFor()
    await shot(visitor.page, 'notice')
    // 提出异议 needs a person: signed out it goes to sign-in, and back to this very entry with its form open.
    if (await visitor.page.locator('#agree-privacy-btn').isVisible()) await visitor.page.tap('#agree-privacy-btn')
    const objectButton = entry.locator('[id^="object-"]')
    const entryId = (await objectButton.getAttribute('id'))!.slice('object-'.length)
    await objectButton.tap()
    await visitor.page.waitForSelector('#login-as-worker')
    assert.match(decodeURIComponent(visitor.page.url()), new RegExp(`back=/features/aid/pages/notice/index\\?object=${entryId}`))
    await visitor.page.tap('#login-as-worker')
    await visitor.page.waitForURL(/features\/aid\/pages\/notice\/index/)
    await visitor.page.getByTestId('objection-text').waitFor()
    await entry.getByText('张*明', { exact: true }).waitFor()
    await shot(visitor.page, 'notice-objecting')

    // Before the notice ends payout is refused; then time passes (the server's dev clock).
    await openAid(city.page, 'review')
    await city.page.waitForSelector('#review-mark-paid')
    await fill(city.page, 'paid-reference', 'PAY-2026-001')
    await city.page.tap('#review-mark-paid')
    await city.page.getByText('公示期至', { exact: false }).waitFor()
    const moved = await fetch(`${live.server.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 6 * 24 * 3600 * 1000 }) })
    assert.equal(moved.status, 200)
    await openAid(city.page, 'review')
    await city.page.waitForSelector('#review-mark-paid')
    await fill(city.page, 'paid-reference', 'PAY-2026-001')
    await city.page.tap('#review-mark-paid')
    await city.page.getByTestId('review-item').getByText('PAY-2026-001', { exact: false }).waitFor()
    await shot(city.page, 'paid')

    await page.reload()
    await page.getByTestId('step-paid').getByText('已发放').waitFor()
    assert.equal(await page.getByTestId('step-paid').getAttribute('data-state'), 'done')
    await shot(page, 'member-paid')

    // The one refused payout (409) is the browser's only complaint.
    assert.equal(city.errors.filter((e) => /409/.test(e)).length, 1)
    for (const errors of [member.errors, clerk.errors, city.errors.filter((e) => !/409/.test(e)), visitor.errors]) assert.deepEqual(errors, [])
    for (const ctx of [member, clerk, city, visitor]) await ctx.context.close()
  })

  it('city staff change their programme: notice days and the high-school amount', async () => {
    const shot = screenshots('aid-programme')
    const staff = await openPhone(live.browser)
    await signInAs(staff.page, live.server.url, 'city-clerk')
    await staff.page.tap('#service-aid')
    await staff.page.tap('#open-programme')
    await staff.page.getByText('呼和浩特市总工会 · 2026 年（已设置）').waitFor()
    // Days come from a date picker, not typed.
    assert.equal(await staff.page.locator('[data-testid="programme-first-day"]').textContent(), '2026-11-01')
    assert.equal(await staff.page.locator('[data-testid="programme-last-day"]').textContent(), '2026-12-31')
    await fill(staff.page, 'programme-notice-days', '7')
    await fill(staff.page, 'programme-amount-high_school-registered', '2500')
    await staff.page.tap('#save-programme')
    await staff.page.getByText('已保存').waitFor()
    await shot(staff.page, 'saved')
    const token = await staff.page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('session') ?? '{}').data).state.token as string)
    const mine = await (await fetch(`${live.server.url}/api/cloud/aid`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ action: 'myProgrammes', data: {} }) })).json()
    assert.deepEqual([mine.data[0].noticeDays, mine.data[0].amounts.high_school, mine.data[0].opensAt], [7, { registered: 250000, other: 200000 }, '2026-10-31T16:00:00.000Z'])
    assert.deepEqual(staff.errors, [])
    await staff.context.close()
  })
})
