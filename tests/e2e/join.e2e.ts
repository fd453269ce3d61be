import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { signInAs } from './support/signin'
import { fillJoinField, fillJoinForm } from './support/join-form'

/** A rider on a platform: 网约送餐员 (the form's seventh choice of 就业形态). */
const WORKER = { employer: '示例外卖平台（演示）', employment: 6 }

const JOIN_LINK = '/#/features/join/pages/entry/index?union=hhht-xc-kd'

/** 扫码入会 on the real server: the worker applies, the clerk approves, the worker shows the card. */
describe('join the union', () => {
  const live = serverAndBrowser()

  /** Everything but the ID number. */
  it('a worker opens the join link and applies; the clerk approves; the worker sees the card', async () => {
    const shot = screenshots('join-approve')
    const worker = await openPhone(live.browser)
    await signInAs(worker.page, live.server.url, 'worker', shot)
    await worker.page.goto(`${live.server.url}${JOIN_LINK}`)
    const union = worker.page.getByTestId('join-union')
    await union.getByText('示例速递（演示）有限公司工会', { exact: true }).waitFor()
    await union.getByText('基层工会 · 上级：新城区总工会').waitFor()
    await shot(worker.page, 'union-shown')

    await fillJoinForm(worker.page, WORKER)
    const idNumber = fictionalIdNumber('150102', '19950615', 247)
    await fillJoinField(worker.page, 'idNumber', idNumber)
    await worker.page.getByTestId('derived').getByText('男 · 出生日期 1995-06-15（由身份证号得出）').waitFor()
    await shot(worker.page, 'form-filled')
    // The draft is on the phone, the ID number is not.
    const stored = await worker.page.evaluate(() => localStorage.getItem('join-draft') ?? '')
    assert.match(stored, /示例外卖平台/)
    assert.doesNotMatch(stored, new RegExp(idNumber))

    await worker.page.tap('#join-submit')
    const done = worker.page.getByTestId('join-submitted')
    await done.getByText('申请已提交').waitFor()
    await done.getByText(`身份证号 150102********${idNumber.slice(14)}`).waitFor()
    await shot(worker.page, 'submitted')
    await worker.page.tap('#to-me')
    await worker.page.getByTestId('join-pending').getByText('入会申请审核中').waitFor()
    await shot(worker.page, 'me-pending')

    const clerk = await openPhone(live.browser)
    await signInAs(clerk.page, live.server.url, 'clerk')
    await clerk.page.locator('.weui-tabbar__item', { hasText: '我的' }).tap()
    await clerk.page.waitForSelector('[data-testid="display-name"]')
    await shot(clerk.page, 'clerk-me')
    await clerk.page.tap('#open-review')
    const card = clerk.page.locator('[data-testid^="application-"]', { hasText: '王小骑' })
    await card.getByText('已等待 0 分钟').waitFor()
    await card.getByText(`150102********${idNumber.slice(14)}`, { exact: false }).waitFor()
    await clerk.page.getByTestId('review-total').getByText('共 1 份待审核').waitFor()
    await clerk.page.getByTestId('review-end').getByText('已显示全部 1 份').waitFor()
    // A thumb's tap target: at least 44 px high.
    assert.ok(((await card.locator('[id^="approve-"]').boundingBox())?.height ?? 0) >= 44)
    await shot(clerk.page, 'queue')
    await card.locator('[id^="approve-"]').tap()
    await clerk.page.getByTestId('review-empty').waitFor()
    await shot(clerk.page, 'approved')
    // The clerk's printable join QR for the unions of their district.
    await clerk.page.goBack()
    await clerk.page.tap('#open-poster')
    await clerk.page.getByTestId('join-poster').getByText('工会编码', { exact: false }).waitFor()
    await clerk.page.getByTestId('join-poster').getByTestId('card-qr').waitFor()
    await shot(clerk.page, 'poster')
    // Beside the poster: the union's applications may be approved at once; the choice is kept.
    const approval = clerk.page.getByTestId('auto-approve')
    await approval.getByText('申请由本工会或上级工会工作人员审核后通过').waitFor()
    await clerk.page.tap('#auto-approve-1')
    await approval.getByText('申请提交后立即成为会员', { exact: false }).waitFor()
    await clerk.page.reload()
    await clerk.page.getByTestId('auto-approve').getByText('申请提交后立即成为会员', { exact: false }).waitFor()
    await shot(clerk.page, 'poster-auto-approve')
    // The clerk finds another of their unions by name and prints its poster instead.
    await clerk.page.locator('#field-poster-keyword input').fill('速递')
    await clerk.page.tap('#poster-search')
    await clerk.page.getByTestId('poster-end').getByText('找到 1 个工会').waitFor()
    await clerk.page.tap('#poster-pick-hhht-xc-kd')
    await clerk.page.getByTestId('join-poster').getByText('示例速递（演示）有限公司工会').waitFor()
    await clerk.page.getByTestId('join-poster').getByText('工会编码 hhht-xc-kd', { exact: false }).waitFor()
    await shot(clerk.page, 'poster-search')

    await worker.page.reload()
    const membership = worker.page.getByTestId('membership')
    await membership.getByText('示例速递（演示）有限公司工会', { exact: true }).waitFor()
    await membership.getByText('会员编号 150102000002').waitFor()
    await shot(worker.page, 'me-member')
    await worker.page.tap('#open-card')
    const memberCard = worker.page.getByTestId('member-card')
    await memberCard.getByText('王小骑', { exact: true }).waitFor()
    await memberCard.getByText(`身份证号 150102********${idNumber.slice(14)}`).waitFor()
    await worker.page.getByTestId('card-qr').waitFor()
    await shot(worker.page, 'card')

    await worker.page.goBack()
    await worker.page.tap('#open-notifications')
    await worker.page.getByText('入会申请已通过').waitFor()
    await shot(worker.page, 'notifications')

    assert.deepEqual(worker.errors, [])
    assert.deepEqual(clerk.errors, [])
    await worker.context.close()
    await clerk.context.close()
  })

  it('a join link opened before signing in keeps its union through sign-in', async () => {
    const shot = screenshots('join-link-signed-out')
    const { page, errors, context } = await openPhone(live.browser)
    await page.goto(`${live.server.url}${JOIN_LINK}`)
    await page.getByTestId('login-needed').waitFor()
    await page.tap('#login-needed-action')
    await page.tap('#login-as-worker')
    // Back on the join page, not 首页, with the union the link named.
    await page.waitForURL(/features\/join\/pages\/entry\/index\?union=hhht-xc-kd/)
    await page.locator('#agree-privacy-btn').tap()
    await page.getByTestId('join-union').getByText('示例速递（演示）有限公司工会', { exact: true }).waitFor()
    await shot(page, 'join-page-after-sign-in')
    assert.deepEqual(errors, [])
    await context.close()
  })

  // #14 item 4: a stranger's application with someone's ID number does not lock its owner out.
  it('two applications with one ID number stand side by side, marked; approving one refuses the other', async () => {
    const shot = screenshots('join-same-id')
    const idNumber = fictionalIdNumber('150102', '19920202', 361)
    for (const who of ['newcomer', 'chair']) {
      const { page, errors, context } = await openPhone(live.browser)
      await signInAs(page, live.server.url, who)
      await page.goto(`${live.server.url}${JOIN_LINK}`)
      await fillJoinForm(page, WORKER)
      await fillJoinField(page, 'idNumber', idNumber)
      await page.tap('#join-submit')
      // The second applicant hears exactly what the first did.
      await page.getByTestId('join-submitted').getByText('申请已提交').waitFor()
      assert.deepEqual(errors, [])
      await context.close()
    }
    const clerk = await openPhone(live.browser)
    await signInAs(clerk.page, live.server.url, 'clerk')
    await clerk.page.goto(`${live.server.url}/#/features/join/pages/review/index`)
    const marks = clerk.page.locator('[data-testid^="same-id-"]')
    await marks.first().getByText('同一身份证号有 2 份申请', { exact: false }).waitFor()
    assert.equal(await marks.count(), 2)
    // Side by side: the two marked cards are next to each other.
    const order = await clerk.page.locator('[data-testid^="application-"]').evaluateAll((cards) => cards.map((c) => Boolean(c.querySelector('[data-testid^="same-id-"]'))))
    assert.match(order.map((m) => (m ? 'x' : '.')).join(''), /xx/)
    await shot(clerk.page, 'side-by-side')
    await clerk.page.locator('[data-testid^="application-"]', { has: marks }).first().locator('[id^="approve-"]').tap()
    await marks.first().waitFor({ state: 'detached' })
    await shot(clerk.page, 'one-approved')
    assert.deepEqual(clerk.errors, [])
    await clerk.context.close()
  })

  it('a wrong checksum shows the inline error and sends no request', async () => {
    const shot = screenshots('join-wrong-checksum')
    const { page, errors, context } = await openPhone(live.browser)
    await signInAs(page, live.server.url, 'worker')
    await page.goto(`${live.server.url}${JOIN_LINK}`)
    await page.getByTestId('join-union').waitFor()
    // 《个人信息处理规则》 opens the guide, and the tap does not tick the consent.
    await page.tap('#open-processing-rules')
    await page.getByTestId('privacy-guide').waitFor()
    await page.goBack()
    await page.getByTestId('join-union').waitFor()
    assert.equal(await page.locator('#consent-personal .join-form__box--on').count(), 0)
    const joinRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/cloud/') && (request.postData() ?? '').includes('"join"')) joinRequests.push(request.url())
    })
    await fillJoinForm(page, WORKER)
    const good = fictionalIdNumber('150102', '19950615', 248)
    await fillJoinField(page, 'idNumber', good.slice(0, 17) + (good[17] === '0' ? '1' : '0'))
    await page.getByTestId('error-idNumber').getByText('身份证号校验位不正确，请核对').waitFor()
    await page.tap('#join-submit')
    await page.waitForTimeout(500)
    assert.equal(await page.getByTestId('join-submitted').count(), 0)
    assert.deepEqual(joinRequests, [])
    await shot(page, 'inline-error')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('an unknown code says so and offers to find the union by name', async () => {
    const { page, errors, context } = await openPhone(live.browser)
    await signInAs(page, live.server.url, 'worker')
    await page.goto(`${live.server.url}/#/features/join/pages/entry/index?scene=${encodeURIComponent('no-such-union')}`)
    await page.getByTestId('union-not-found').getByText('没有找到这个工会', { exact: false }).waitFor()
    await page.locator('#field-keyword input').fill('新城区')
    await page.tap('#search-go')
    await page.tap('#pick-hhht-xc-xyt')
    await page.getByTestId('join-union').getByText('新城区新业态工会联合会', { exact: true }).waitFor()
    await page.getByTestId('join-form').waitFor()
    // The browser logs the coded 404 answer (UNION_NOT_FOUND) it was shown; nothing else.
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), [])
    await context.close()
  })
})
