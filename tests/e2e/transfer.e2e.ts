import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openPhone, screenshots } from './support/browser'
import { openMe, signInAs } from './support/signin'
import { serverAndBrowser } from './support/suite'

/** 转会 from the member's start to the new card, with both unions' clerks acting in their own browsers. */
describe('transfer', () => {
  const suite = serverAndBrowser()

  it('a member moves to 回民区 without a gap: start, release, accept, new card', async () => {
    const shot = screenshots('transfer')
    const member = await openPhone(suite.browser)
    await signInAs(member.page, suite.server.url, 'member')
    await openMe(member.page)
    await member.page.tap('#open-transfer')
    await member.page.tap('#start-transfer')
    // Found by searching its district's name, as a member who has no QR code at hand would.
    await member.page.fill('#union-keyword input', '回民区')
    await member.page.tap('#search-union')
    await member.page.tap('#found-hhht-hm-jz')
    await member.page.getByTestId('transfer-preview').getByText('转入「示例建筑（演示）有限公司工会」').waitFor()
    // Submitting without the new employer is refused beside the field, and nothing is sent that counts.
    await member.page.getByText('单位职工', { exact: true }).tap()
    await member.page.tap('#submit-transfer')
    await member.page.getByText('请填写新工作单位').waitFor()
    await member.page.fill('#new-employer input', '示例建筑（演示）有限公司')
    await shot(member.page, 'member-form')
    await member.page.tap('#submit-transfer')
    await member.page.getByTestId('transfer-status').getByText('待转出').waitFor()
    await shot(member.page, 'member-pending')

    const clerk = await openPhone(suite.browser)
    await signInAs(clerk.page, suite.server.url, 'clerk')
    await openMe(clerk.page)
    await clerk.page.tap('#open-transfer-queue')
    await clerk.page.getByText('李会员（演示） · 150102000001').waitFor()
    await clerk.page.getByText('刚刚提交').waitFor()
    await clerk.page.getByTestId('queue-total').getByText('共 1 件待办').waitFor()
    // Thumb-sized tap targets: the tabs and the action, at least 44 px high.
    for (const id of ['#tab-incoming', '#release-transfer']) assert.ok(((await clerk.page.locator(id).boundingBox())?.height ?? 0) >= 44, id)
    await shot(clerk.page, 'clerk-outgoing')
    await clerk.page.tap('#release-transfer')
    await clerk.page.getByTestId('queue-empty').waitFor()

    const receiving = await openPhone(suite.browser)
    await signInAs(receiving.page, suite.server.url, 'hm-clerk')
    await openMe(receiving.page)
    await receiving.page.tap('#open-transfer-queue')
    await receiving.page.tap('#tab-incoming')
    await receiving.page.getByText('示例速递（演示）有限公司工会 → 示例建筑（演示）有限公司工会').waitFor()
    await shot(receiving.page, 'receiving-incoming')
    await receiving.page.tap('#accept-transfer')
    await receiving.page.getByTestId('queue-empty').waitFor()

    await member.page.reload()
    await member.page.getByTestId('transfer-status').waitFor({ state: 'detached' })
    await member.page.getByTestId('membership-history').getByText('示例建筑（演示）有限公司工会').waitFor()
    await member.page.getByTestId('last-transfer').getByText(/已完成/).waitFor()
    await shot(member.page, 'member-history')
    await member.page.goto(`${suite.server.url}/#/pages/me/index`)
    const card = member.page.getByTestId('membership')
    await card.getByText('示例建筑（演示）有限公司工会', { exact: true }).waitFor()
    await card.getByText('会员编号 150102000001').waitFor()
    await shot(member.page, 'member-new-card')

    for (const p of [member, clerk, receiving]) assert.deepEqual(p.errors, [])
  })
})
