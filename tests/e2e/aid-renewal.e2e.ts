import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { signInAs } from './support/signin'
import { fillAid, nextStep, openAidPage, uploadAs } from './support/aid'
import type { ApplicationDoc, ProgrammeDoc } from '../../cloud/features/aid/collections'
import { reviewLevels } from '../../cloud/features/aid/levels'
import { encrypt, keyedHash } from '../../cloud/lib/crypto'
import { maskBankCard } from '../../domain/bankcard'
import { maskIdCard } from '../../domain/idcard'
import { loadOrCreateSecrets } from '../../server/secrets'
import { cardFor, idFor, PDF, PNG } from '../helpers/aid'

const CHILD_ID = idFor('20070301', '427')

/**
 * Last year's funded child, written into the data folder before the server starts (the demo seed
 * adds this year's programme on top): 呼和浩特's 2025 programme paid 李小华 through demo-member.
 */
function lastYear(dataDir: string): void {
  const secrets = loadOrCreateSecrets(dataDir)
  const programme: Omit<ProgrammeDoc, 'updatedAt'> & { updatedAt: string } = {
    _id: 'aid-hhht-2025', unionId: 'hhht', year: 2025, name: '2025 年金秋助学（演示项目）', opensAt: '2025-06-30T16:00:00.000Z', closesAt: '2025-08-31T16:00:00.000Z',
    amounts: { undergraduate: 500000 }, categories: ['dibao'], requiredDocuments: [], noticeDays: 5, exclusions: '', updatedAt: '2025-06-01T00:00:00.000Z',
  }
  const card = cardFor()
  const application: ApplicationDoc = {
    _id: 'aid-2025-lixiaohua', programmeId: programme._id, year: 2025, owner: 'demo-member', idempotencyKey: 'seed-2025-lixiaohua',
    unionPath: ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'], unionId: 'hhht-xc-kd', ...reviewLevels(['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd']), status: 'paid',
    child: { name: '李小华', idSealed: encrypt(secrets.dataKey, CHILD_ID), idMasked: maskIdCard(CHILD_ID), relation: 'parent', school: '示例师范学院（演示）', major: '汉语言文学', admissionYear: 2025, level: 'undergraduate', age: 18 },
    childKey: keyedHash(secrets.hashKey, `child-id:${CHILD_ID}`),
    household: { size: 4, annualIncomeFen: 4_800_000, perCapitaMonthlyFen: 100_000, category: 'dibao', description: '母亲长期患病（示例）', migrantWorker: true },
    documents: [], fileIds: [],
    consents: { sensitive: true, guardian: false, at: '2025-07-10T02:00:00.000Z' },
    payout: { bank: '示例银行（演示）', cardSealed: encrypt(secrets.dataKey, card), cardMasked: maskBankCard(card) },
    submittedAt: '2025-07-10T02:00:00.000Z', updatedAt: '2025-09-20T02:00:00.000Z',
    returnNote: null, rejectReason: null, amountFen: 500000, noticeStartsAt: '2025-08-20T02:00:00.000Z', noticeEndsAt: '2025-08-25T02:00:00.000Z', paidAt: '2025-09-20', paidReference: 'PAY-2025-007',
  }
  fs.writeFileSync(path.join(dataDir, 'aidProgrammes.db'), `${JSON.stringify(programme)}\n`)
  fs.writeFileSync(path.join(dataDir, 'aidApplications.db'), `${JSON.stringify(application)}\n`)
}

/** #15: last year's funded child → this year's renewal, carried over → level one's home visit → level two approves → paid. */
describe('金秋助学 renewal', () => {
  // The server's clock may be moved forward (past the 公示) only when it is started with DEV_CLOCK.
  const live = serverAndBrowser({ env: { DEV_CLOCK: '1' }, prepare: lastYear })

  const fill = fillAid
  const next = nextStep
  const openAid = (page: Page, sub: string) => openAidPage(page, live.server.url, sub)

  it('renews last year’s funded child, with a home visit before level two, and is paid', async () => {
    const shot = screenshots('aid-renewal')
    const member = await openPhone(live.browser)
    const page = member.page
    await signInAs(page, live.server.url, 'member')
    await openAid(page, 'index')
    const renewal = page.getByTestId('renewal')
    await renewal.getByText('李小华可以续申').waitFor()
    await renewal.getByText('2025 年已获资助（累计 1 年）', { exact: false }).waitFor()
    await shot(page, 'renewal-offered')
    await page.tap('#renew-aid-2025-lixiaohua')

    // The child, school and household come from last year; the ID and card numbers stay in the cloud.
    await page.getByTestId('step-title').getByText('续申').waitFor()
    await page.getByTestId('step-title').getByText('子女').waitFor()
    assert.equal(await page.locator('[data-testid="child-name"] input').inputValue(), '李小华')
    assert.equal(await page.locator('[data-testid="child-school"] input').inputValue(), '示例师范学院（演示）')
    assert.equal(await page.locator('[data-testid="child-id"] input').inputValue(), '')
    await page.locator('#admission-year-2025.aid-choice--on').waitFor()
    await fill(page, 'child-major', '汉语国际教育')
    await shot(page, 'renewal-child')
    await next(page, '家庭')
    assert.equal(await page.locator('[data-testid="household-size"] input').inputValue(), '4')
    await page.locator('#migrant-yes.aid-choice--on').waitFor()
    // An excluded yes stops the form, with the cloud's words.
    await page.tap('#declare-free_teacher-yes')
    for (const e of ['military', 'directed', 'government_aid']) await page.tap(`#declare-${e}-no`)
    await page.tap('#step-next')
    await page.getByTestId('form-problem').getByText('本项目不资助免费师范生').waitFor()
    await shot(page, 'renewal-excluded')
    await page.tap('#declare-free_teacher-no')
    await next(page, '材料')
    await uploadAs(page, '#upload-admission_letter', { name: 'xueji.png', mimeType: 'image/png', buffer: PNG })
    await page.getByTestId('doc-admission_letter').getByText('已上传：xueji.png').waitFor()
    await uploadAs(page, '#upload-hardship_proof', { name: 'dibao.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByTestId('doc-hardship_proof').getByText('已上传：dibao.pdf').waitFor()
    await next(page, '同意与收款')
    assert.equal(await page.locator('[data-testid="payout-bank"] input').inputValue(), '示例银行（演示）')
    await page.tap('#consent-sensitive-yes')
    await page.tap('#submit-application')
    await page.getByTestId('my-application').getByText('李小华的申请').first().waitFor()
    // Renewed: no longer offered (金秋助学 reloads both lists when shown again).
    await page.getByTestId('renewal').waitFor({ state: 'detached' })
    await shot(page, 'renewal-submitted')

    // Level one records the 入户核查 (a PDF is no photo), then verifies.
    const clerk = await openPhone(live.browser)
    await signInAs(clerk.page, live.server.url, 'clerk')
    await openAid(clerk.page, 'review')
    const card = clerk.page.locator('[data-testid="review-item"][data-status="submitted"]')
    await card.getByText('续申').first().waitFor()
    await card.getByText('免费师范生').waitFor()
    await fill(clerk.page, 'visit-visitors', '赵干事、钱委员（演示）')
    for (const c of ['housing', 'members', 'income', 'enrolled']) await clerk.page.tap(`#visit-check-${c}`)
    await uploadAs(clerk.page, '#visit-add-photo', { name: 'ruhu.pdf', mimeType: 'application/pdf', buffer: PDF })
    await clerk.page.getByTestId('form-problem').getByText('入户核查照片应为 JPG 或 PNG 图片').waitFor()
    await uploadAs(clerk.page, '#visit-add-photo', { name: 'ruhu.png', mimeType: 'image/png', buffer: PNG })
    await clerk.page.getByText('已上传照片 1 张').waitFor()
    await clerk.page.tap('#visit-save')
    await clerk.page.getByTestId('home-visit').getByText('赵干事、钱委员（演示）', { exact: false }).waitFor()
    await shot(clerk.page, 'home-visit')
    await clerk.page.tap('#review-verify')
    await clerk.page.locator('[data-testid="review-item"][data-status="verified"]').waitFor()

    // Level two sees the visit before approving; the amount is the table's (本科, 建档).
    const city = await openPhone(live.browser)
    await signInAs(city.page, live.server.url, 'city-clerk')
    await openAid(city.page, 'review')
    await city.page.getByTestId('home-visit').getByText('住房情况属实', { exact: false }).waitFor()
    await city.page.tap('#review-approve')
    await city.page.getByTestId('review-item').getByText('核定 ¥5,000').waitFor()
    await shot(city.page, 'approved')
    const moved = await fetch(`${live.server.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 6 * 24 * 3600 * 1000 }) })
    assert.equal(moved.status, 200)
    await openAid(city.page, 'review')
    await city.page.waitForSelector('#review-mark-paid')
    await fill(city.page, 'paid-reference', 'PAY-2026-101')
    await city.page.tap('#review-mark-paid')
    await city.page.getByTestId('review-item').getByText('PAY-2026-101', { exact: false }).first().waitFor()

    await page.reload()
    const mine = page.getByTestId('my-application').filter({ hasText: '汉语国际教育' })
    await mine.getByTestId('step-paid').getByText('已发放').waitFor()
    await mine.getByTestId('step-level_one').getByText('入户核查', { exact: false }).waitFor()
    await shot(page, 'renewal-paid')
    for (const errors of [member.errors, clerk.errors, city.errors]) assert.deepEqual(errors, [])
    for (const ctx of [member, clerk, city]) await ctx.context.close()
  })
})
