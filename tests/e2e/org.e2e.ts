import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { openPhone, screenshots } from './support/browser'
import { serverAndBrowser } from './support/suite'
import { openMe, signInAs } from './support/signin'
import { fillJoinField, fillJoinForm } from './support/join-form'

/** 组织管理 on the real server: a clerk adds a grassroots union, prints its poster, and a worker joins through its link. */
describe('the union tree grows in the app', () => {
  const live = serverAndBrowser()

  it('a clerk adds a grassroots union; its poster shows it; a worker opens its join link and applies; it cannot be closed while the application waits', async () => {
    const shot = screenshots('org-add-join')
    const clerk = await openPhone(live.browser)
    await signInAs(clerk.page, live.server.url, 'clerk')
    await openMe(clerk.page)
    await clerk.page.tap('#open-org')
    const list = clerk.page.getByTestId('org-list')
    await list.getByTestId('org-union-hhht-xc').getByText('县级总工会 · 正常 · 你任职的工会').waitFor()
    await list.getByTestId('org-end').getByText('共 4 个工会').waitFor()
    // A thumb's tap target: at least 44 px high.
    assert.ok(((await clerk.page.locator('#org-add-hhht-xc').boundingBox())?.height ?? 0) >= 44)
    await shot(clerk.page, 'org-list')

    await clerk.page.tap('#org-add-hhht-xc')
    const form = clerk.page.getByTestId('union-form')
    await form.getByText('在「新城区总工会」下新增工会').waitFor()
    assert.equal(await clerk.page.locator('#org-field-regionCode input').inputValue(), '150102')
    // Checked before sending: nothing named, no level chosen, a code that is already a union's.
    await clerk.page.tap('#org-save')
    await clerk.page.getByTestId('org-error-name').getByText('请填写工会名称').waitFor()
    await clerk.page.getByTestId('org-error-level').getByText('请选择工会类别').waitFor()
    await shot(clerk.page, 'form-problems')
    await clerk.page.locator('#org-field-name input').fill('示例冷链物流（演示）有限公司工会')
    await clerk.page.tap('#org-level-3')
    await clerk.page.locator('#org-field-code input').fill('hhht-xc-kd')
    await clerk.page.tap('#org-save')
    await clerk.page.getByTestId('org-error-code').getByText('hhht-xc-kd 已被使用，请换一个').waitFor()
    await shot(clerk.page, 'code-taken')
    await clerk.page.locator('#org-field-code input').fill('xc-lenglian')
    await clerk.page.tap('#org-save')
    const saved = clerk.page.getByTestId('org-saved')
    await saved.getByText('已新增「示例冷链物流（演示）有限公司工会」').waitFor()
    await saved.getByText('工会编码 xc-lenglian').waitFor()
    await shot(clerk.page, 'added')

    // Its poster at once: the union, its code, and the QR of its join link.
    await clerk.page.tap('#org-saved-poster')
    const poster = clerk.page.getByTestId('join-poster')
    await poster.getByText('示例冷链物流（演示）有限公司工会').waitFor()
    await poster.getByText('工会编码 xc-lenglian', { exact: false }).waitFor()
    await poster.getByTestId('card-qr').waitFor()
    await shot(clerk.page, 'poster')

    // The worker opens the link the poster's QR carries, and applies.
    const worker = await openPhone(live.browser)
    await signInAs(worker.page, live.server.url, 'worker')
    await worker.page.goto(`${live.server.url}/#/features/join/pages/entry/index?union=xc-lenglian`)
    const union = worker.page.getByTestId('join-union')
    await union.getByText('示例冷链物流（演示）有限公司工会', { exact: true }).waitFor()
    await union.getByText('基层工会 · 上级：新城区总工会').waitFor()
    await fillJoinForm(worker.page, { employer: '示例冷链物流（演示）有限公司', employment: 0 })
    await fillJoinField(worker.page, 'idNumber', fictionalIdNumber('150102', '19930512', 271))
    await shot(worker.page, 'worker-form')
    await worker.page.tap('#join-submit')
    const done = worker.page.getByTestId('join-submitted')
    await done.getByText('申请已提交').waitFor()
    await done.getByText('示例冷链物流（演示）有限公司工会将尽快审核', { exact: false }).waitFor()
    await shot(worker.page, 'worker-applied')

    // Back in 组织管理 (the poster took the form's place): listed now, found by its code, and not to
    // be closed while the application waits.
    await clerk.page.goBack()
    await list.getByTestId('org-end').getByText('共 5 个工会').waitFor()
    await clerk.page.locator('#org-search input').fill('xc-lenglian')
    await clerk.page.tap('#org-search-go')
    const item = clerk.page.getByTestId('org-union-xc-lenglian')
    await item.getByText('基层工会 · 正常').waitFor()
    await clerk.page.tap('#org-close-xc-lenglian')
    await clerk.page.getByTestId('org-close-blocked').getByText('1 份入会申请待审核', { exact: false }).waitFor()
    assert.equal(await clerk.page.locator('#org-close-ask').count(), 0)
    await shot(clerk.page, 'close-blocked')

    assert.deepEqual(worker.errors, [])
    // The browser logs the coded 409 answer (the code already in use) it was shown; nothing else.
    assert.deepEqual(clerk.errors.filter((e) => !/status of 409/.test(e)), [])
    await worker.context.close()
    await clerk.context.close()
  })

  it('a clerk closes a union with a member: the member is told, opens the transfer page from the notice, and the union’s join link says it is closed', async () => {
    const shot = screenshots('org-close')
    const clerk = await openPhone(live.browser)
    await signInAs(clerk.page, live.server.url, 'clerk')
    await openMe(clerk.page)
    await clerk.page.tap('#open-org')
    await clerk.page.locator('#org-search input').fill('速递')
    await clerk.page.tap('#org-search-go')
    await clerk.page.getByTestId('org-end').getByText('找到 1 个工会').waitFor()
    await clerk.page.tap('#org-close-hhht-xc-kd')
    const page = clerk.page.getByTestId('org-close')
    await page.getByText('会员 1 位', { exact: false }).waitFor()
    await shot(clerk.page, 'close-ask')
    await clerk.page.tap('#org-close-ask')
    await clerk.page.tap('#org-close-confirm')
    const closed = clerk.page.getByTestId('org-closed')
    await closed.getByText('已撤销「示例速递（演示）有限公司工会」').waitFor()
    await closed.getByText('已通知 1 位会员办理转会。').waitFor()
    await shot(clerk.page, 'closed')
    await clerk.page.tap('#org-closed-back')
    await clerk.page.getByTestId('org-union-hhht-xc-kd').getByText('基层工会 · 已撤销', { exact: false }).waitFor()
    assert.equal(await clerk.page.locator('#org-close-hhht-xc-kd').count(), 0)
    await shot(clerk.page, 'listed-closed')

    const member = await openPhone(live.browser)
    await signInAs(member.page, live.server.url, 'member')
    await openMe(member.page)
    await member.page.tap('#open-notifications')
    await member.page.getByText('所在工会已撤销，请办理转会').waitFor()
    await shot(member.page, 'notice')
    await member.page.locator('[id^="note-open-union-closed"]').tap()
    await member.page.waitForURL(/features\/transfer\/pages\/start/)
    await member.page.locator('#union-code').waitFor()
    await shot(member.page, 'transfer-page')

    const worker = await openPhone(live.browser)
    await signInAs(worker.page, live.server.url, 'worker')
    await worker.page.goto(`${live.server.url}/#/features/join/pages/entry/index?union=hhht-xc-kd`)
    await worker.page.getByTestId('union-not-found').getByText('「示例速递（演示）有限公司工会」已撤销，不再接收入会申请', { exact: false }).waitFor()
    await shot(worker.page, 'join-link-closed')

    assert.deepEqual(clerk.errors, [])
    assert.deepEqual(member.errors, [])
    // The browser logs the coded 409 answer (UNION_CLOSED) it was shown; nothing else.
    assert.deepEqual(worker.errors.filter((e) => !/status of 409/.test(e)), [])
    for (const phone of [clerk, member, worker]) await phone.context.close()
  })
})
