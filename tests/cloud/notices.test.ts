import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { noticePage } from '../../domain/notices'
import { collections } from '../../cloud/lib/collections'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'

/** #15 item 8: a notice names what it is about, and 我的消息 lists it with that target. */
type Notices = { items: Array<{ id: string; title: string; link: string | null; target: { kind: 'application'; id: string } | null }> }

describe('notices with a target', () => {
  it('a join decision names its application; the listed notice opens 我的 (its status)', async () => {
    const h = await cloudHarness()
    const applied = await h.callAs('demo-worker', 'member', 'join', joinForm())
    const app = (applied as { data: { id: string } }).data
    expect(await h.callAs('demo-clerk', 'review', 'reject', { applicationId: app.id, reason: '工作单位请填写全称' })).toMatchObject({ ok: true })
    const answer = await h.callAs('demo-worker', 'member', 'notifications', {})
    expect(answer.ok).toBe(true)
    const list = (answer as { data: Notices }).data
    expect(v.safeParse(contract.member.notifications.output, list).success).toBe(true)
    expect(list.items[0]).toMatchObject({ title: '入会申请未通过', target: { kind: 'application', id: app.id } })
    expect(noticePage(list.items[0])).toBe('/pages/me/index')
  })

  it('lists an older notice without a target as null, and it still opens a page', async () => {
    const h = await cloudHarness()
    await collections(h.store).notifications.insert({ _id: 'old-1', openid: 'demo-member', title: '福利券即将过期', body: '…', link: null, createdAt: h.clock.now().toISOString(), readAt: null })
    const answer = await h.callAs('demo-member', 'member', 'notifications', {})
    const [old] = (answer as { data: Notices }).data.items
    expect(old).toMatchObject({ id: 'old-1', target: null })
    expect(noticePage(old)).toBe('/features/benefits/pages/coupons/index')
  })
})
