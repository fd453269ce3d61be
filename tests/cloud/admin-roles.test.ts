import * as v from 'valibot'
import { invitationId, roleIdOf } from '../../cloud/features/admin/invitations'
import { contract } from '../../domain/contract'
import { ERROR_MESSAGES } from '../../domain/errors'
import { INVITE_PAGE } from '../../domain/admin/invite'
import { code, ok } from '../helpers/aid'
import { adminHarness, type AdminHarness } from '../helpers/admin'
import { itOn } from '../helpers/store'

/**
 * Roles by invitation (#16), on both stores: clerks invite to their subtree (clerk, 金秋助学
 * reviewer, cashier), the invitation's edges (twice, expired, the inviter's own, a third person
 * after use), cancelling, revoking under the revocation rule, stepping down, the lists, and the audit.
 *
 * The demo tree: 内蒙古 (nmg) › 呼和浩特 (hhht) › 新城区 (hhht-xc) › its unions, and 回民区 (hhht-hm)
 * beside 新城区. demo-city-clerk is a clerk of hhht, demo-clerk of hhht-xc, demo-hm-clerk of hhht-hm;
 * demo-merchant is the cashier of 示例便民超市 (m-bianmin, registered under hhht-xc).
 */
const HOUR = 3600 * 1000
const XC_CLERK = { kind: 'union_staff', unionId: 'hhht-xc' } as const

describe('admin.invite: each grant kind', () => {
  it('a clerk invites a clerk of a union below; accepting makes them one, dated, by whom; audited', async () => {
    const h = await adminHarness()
    const out = ok(await h.invite('demo-city-clerk', XC_CLERK))
    expect(v.safeParse(contract.admin.invite.output, out).success).toBe(true)
    expect(out.invitation).toEqual({
      expiresAt: '2026-11-24T08:00:00.000Z',
      scene: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      weappPage: INVITE_PAGE,
      webPath: `/#/${INVITE_PAGE}?token=${out.invitation.scene}`,
      codePng: h.wx ? expect.any(String) : null,
    })
    expect(out.item).toMatchObject({ grants: { kind: 'union_staff', union: { id: 'hhht-xc', name: '新城区总工会' } }, status: 'open', invitedBy: '孙干事（演示）', acceptedBy: null, canCancel: true })
    // The QR and the link carry the token and nothing else.
    expect(out.invitation.webPath.replace(out.invitation.scene, '')).toBe(`/#/${INVITE_PAGE}?token=`)

    h.clock.advance(HOUR)
    expect(ok(await h.accept('p-zhang', out.invitation.scene))).toEqual({ role: { kind: 'union_staff', union: { id: 'hhht-xc', name: '新城区总工会', level: 'county' } } })
    const id = invitationId(h.secrets, out.invitation.scene)
    expect(await h.db.roles.get(roleIdOf(id))).toMatchObject({ openid: 'p-zhang', kind: 'union_staff', unionId: 'hhht-xc', unionPath: ['nmg', 'hhht', 'hhht-xc'], grantedBy: 'demo-city-clerk', grantedAt: '2026-11-23T09:00:00.000Z' })
    const me = await h.profile('p-zhang')
    expect(me.held).toEqual([
      { id: roleIdOf(id), role: { kind: 'union_staff', union: { id: 'hhht-xc', name: '新城区总工会', level: 'county' } }, unionPath: ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会'], grantedBy: '孙干事（演示）', grantedAt: '2026-11-23T09:00:00.000Z', merchant: null },
    ])
    // The new clerk's staff pages open, on their subtree.
    expect(ok(await h.callAs('p-zhang', 'review', 'queue', {}))).toMatchObject({ items: expect.any(Array) })
    expect((await h.auditOf('admin.invite')).map((a) => a.actor)).toEqual(['demo-city-clerk'])
    expect((await h.auditOf('admin.acceptInvitation')).map((a) => a.actor)).toEqual(['p-zhang'])
  })

  it('a clerk invites a peer of their own union', async () => {
    const h = await adminHarness()
    await h.grantTo('demo-clerk', 'p-zhang', XC_CLERK)
    expect((await h.profile('p-zhang')).roles).toEqual([{ kind: 'union_staff', union: { id: 'hhht-xc', name: '新城区总工会', level: 'county' } }])
  })

  it('a clerk invites a 金秋助学 reviewer at level 1 or 2 of a union of their subtree', async () => {
    const h = await adminHarness()
    await h.grantTo('demo-clerk', 'p-zhang', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    await h.grantTo('demo-city-clerk', 'p-li', { kind: 'aid_reviewer', unionId: 'hhht', level: 2 })
    expect((await h.profile('p-zhang')).roles).toEqual([{ kind: 'aid_reviewer', union: { id: 'hhht-xc', name: '新城区总工会', level: 'county' }, level: 1 }])
    expect((await h.profile('p-li')).held[0]).toMatchObject({ role: { kind: 'aid_reviewer', level: 2 }, grantedBy: '孙干事（演示）' })
  })

  it('a clerk invites the cashier of a merchant of their subtree, who then redeems there', async () => {
    const h = await adminHarness()
    await h.grantTo('demo-clerk', 'p-zhang', { kind: 'merchant_staff', merchantId: 'm-bianmin' })
    const me = await h.profile('p-zhang')
    expect(me.roles).toEqual([{ kind: 'merchant_staff', merchantId: 'm-bianmin', merchantName: '示例便民超市（演示）' }])
    // The cashier sees the merchant's contact with the phone masked (only union staff see it whole).
    expect(me.held[0].merchant).toEqual({ status: 'active', contactName: '孙店长（演示）', contactPhone: '139****0001' })
    expect(ok(await h.callAs('p-zhang', 'benefits', 'redemptions', {}))).toMatchObject({ merchantName: '示例便民超市（演示）', merchantStatus: 'active' })
  })

  itOn('wx', 'the 小程序码 comes from WeChat’s servers', 'in WeChat the answer carries the 小程序码 of the invitation page with the token as scene', async () => {
    const h = await adminHarness()
    const { invitation } = await h.invited('demo-clerk', XC_CLERK)
    expect(h.wx!.codes).toContainEqual({ page: INVITE_PAGE, scene: invitation.scene })
    expect(invitation.codePng).toMatch(/^[A-Za-z0-9+/=]+$/)
    // Never kept in cloud storage: the code is the token.
    expect([...h.wx!.storage.keys()]).toEqual([])
  })
})

describe('admin.invite: who may grant what', () => {
  const refusedWithNothingWritten = async (h: AdminHarness, who: string, grant: Record<string, unknown>, expected: string) => {
    const before = await h.snapshot()
    const answer = await h.invite(who, grant)
    expect(code(answer)).toBe(expected)
    expect(await h.snapshot()).toEqual(before)
    return answer
  }

  it('a 回民区 clerk cannot invite into 新城区: no clerk, no reviewer, no cashier there', async () => {
    const h = await adminHarness()
    for (const grant of [XC_CLERK, { kind: 'aid_reviewer', unionId: 'hhht-xc-kd', level: 1 }, { kind: 'merchant_staff', merchantId: 'm-bianmin' }]) {
      const answer = await refusedWithNothingWritten(h, 'demo-hm-clerk', grant, 'INVITE_OUT_OF_REACH')
      expect(answer.error?.message).toBe(ERROR_MESSAGES.INVITE_OUT_OF_REACH)
    }
  })

  it('nobody invites above their own union, and an unknown union answers as one out of reach', async () => {
    const h = await adminHarness()
    for (const unionId of ['hhht', 'nmg', 'no-such-union']) await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'union_staff', unionId }, 'INVITE_OUT_OF_REACH')
    await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht', level: 2 }, 'INVITE_OUT_OF_REACH')
    // 示例青城餐厅 is registered under 呼和浩特 (above 新城区): not the 新城区 clerk's to staff.
    await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'merchant_staff', merchantId: 'm-qingcheng-canyin' }, 'INVITE_OUT_OF_REACH')
  })

  it('a cashier, a reviewer, a member or a newcomer invites nobody', async () => {
    const h = await adminHarness()
    await h.grantTo('demo-clerk', 'p-zhang', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    for (const who of ['demo-merchant', 'p-zhang', 'demo-member', 'p-li']) {
      for (const grant of [XC_CLERK, { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 }, { kind: 'merchant_staff', merchantId: 'm-bianmin' }]) {
        const answer = await refusedWithNothingWritten(h, who, grant, 'FORBIDDEN')
        expect(answer.error?.message).toContain('只有工会工作人员可以邀请他人')
      }
    }
    expect(code(await h.invite(null as never, XC_CLERK))).toBe('UNAUTHENTICATED')
  })

  it('refuses a level-2 reviewer of a grassroots union, a level other than 1 or 2, and an unknown kind', async () => {
    const h = await adminHarness()
    const grassroots = await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht-xc-kd', level: 2 }, 'INVALID_INPUT')
    expect(grassroots.error?.fields).toEqual({ 'grant.level': expect.stringContaining('基层工会') })
    const three = await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 3 }, 'INVALID_INPUT')
    expect(three.error?.fields?.['grant.level']).toBe('请选择审核级别：一级或二级')
    await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'admin', unionId: 'hhht-xc' }, 'INVALID_INPUT')
    await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'union_staff', unionId: 'hhht-xc', openid: 'p-zhang' }, 'INVALID_INPUT')
  })

  it('refuses a disabled union', async () => {
    const h = await adminHarness()
    await h.db.unions.update({ _id: 'hhht-xc-hw' }, { set: { status: 'disabled' } })
    const answer = await refusedWithNothingWritten(h, 'demo-clerk', { kind: 'union_staff', unionId: 'hhht-xc-hw' }, 'UNION_CLOSED')
    expect(answer.error?.message).toContain('已停用')
  })
})

describe('opening an invitation: twice, expired, the inviter’s own, a third person after use', () => {
  it('a second accept by the same person or by anyone else changes nothing and says why', async () => {
    const h = await adminHarness()
    const { token } = await h.grantTo('demo-clerk', 'p-zhang', XC_CLERK)
    const before = await h.snapshot()
    expect((await h.accept('p-zhang', token)).error).toEqual({ code: 'INVITE_ACCEPTED', message: ERROR_MESSAGES.INVITE_ACCEPTED })
    // Forwarded to a third person after use: used, and nothing about by whom.
    const third = await h.accept('p-li', token)
    expect(third.error).toEqual({ code: 'INVITE_USED', message: ERROR_MESSAGES.INVITE_USED })
    const seen = ok(await h.view('p-li', token))
    expect(seen).toMatchObject({ status: 'used', usable: false })
    expect(JSON.stringify([third, seen])).not.toMatch(/p-zhang|张新人|acceptedAt/)
    expect(await h.snapshot()).toEqual(before)
  })

  it('an expired invitation is refused, to anyone', async () => {
    const h = await adminHarness()
    const { invitation } = await h.invited('demo-clerk', XC_CLERK)
    h.clock.advance(24 * HOUR)
    const before = await h.snapshot()
    expect(code(await h.accept('p-zhang', invitation.scene))).toBe('INVITE_EXPIRED')
    expect(ok(await h.view('p-zhang', invitation.scene))).toMatchObject({ status: 'expired', usable: false })
    expect(await h.snapshot()).toEqual(before)
  })

  it('the inviter cannot take their own invitation; it stays open for whom it was meant', async () => {
    const h = await adminHarness()
    const { invitation } = await h.invited('demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    const before = await h.snapshot()
    expect(ok(await h.view('demo-clerk', invitation.scene))).toMatchObject({ status: 'own', usable: false })
    expect((await h.accept('demo-clerk', invitation.scene)).error).toEqual({ code: 'INVITE_OWN', message: ERROR_MESSAGES.INVITE_OWN })
    expect(await h.snapshot()).toEqual(before)
    ok(await h.accept('p-zhang', invitation.scene))
  })
})

describe('an invitation whose inviter no longer may grant it', () => {
  it('lapses when its inviter is revoked or steps down: refused to anyone, shown as lapsed; a clerk above may cancel it', async () => {
    const h = await adminHarness()
    const clerk = await h.grantTo('demo-city-clerk', 'p-zhang', XC_CLERK)
    const { invitation, item } = await h.invited('p-zhang', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    const other = await h.invited('p-zhang', { kind: 'merchant_staff', merchantId: 'm-bianmin' })
    ok(await h.call('demo-city-clerk', 'revokeRole', { roleId: clerk.roleId }))
    const before = await h.snapshot()
    expect(ok(await h.view('p-li', invitation.scene))).toMatchObject({ status: 'lapsed', usable: false })
    expect((await h.accept('p-li', invitation.scene)).error).toEqual({ code: 'INVITE_LAPSED', message: ERROR_MESSAGES.INVITE_LAPSED })
    expect(await h.snapshot()).toEqual(before)
    expect(ok(await h.call('demo-clerk', 'invitations', {})).items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ status: 'lapsed', canCancel: true })
    ok(await h.call('demo-clerk', 'cancelInvitation', { id: item.id }))
    // Invited again and accepted: the invitation lives while its inviter does.
    await h.grantTo('demo-city-clerk', 'p-zhang', XC_CLERK)
    ok(await h.accept('p-li', other.invitation.scene))
  })

  it('lapses when its inviter steps down, and stays good while another role of theirs still covers it', async () => {
    const h = await adminHarness()
    await h.grantTo('demo-city-clerk', 'demo-clerk', { kind: 'union_staff', unionId: 'hhht-xc-kd' })
    const { invitation } = await h.invited('demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht-xc-kd', level: 1 })
    // demo-clerk gives up 示例速递's clerk role but is still 新城区's, above it: the invitation stands.
    const [kd] = await h.db.roles.find({ openid: 'demo-clerk', unionId: 'hhht-xc-kd' }, { limit: 1 })
    ok(await h.call('demo-clerk', 'stepDown', { roleId: kd._id }))
    expect(ok(await h.view('p-li', invitation.scene))).toMatchObject({ status: 'open' })
    ok(await h.call('demo-clerk', 'stepDown', { roleId: 'role-clerk-xc' }))
    expect(ok(await h.view('p-li', invitation.scene))).toMatchObject({ status: 'lapsed' })
    expect(code(await h.accept('p-li', invitation.scene))).toBe('INVITE_LAPSED')
  })
})

describe('admin.cancelInvitation', () => {
  it('the inviter cancels an open invitation: the link is then refused; audited', async () => {
    const h = await adminHarness()
    const { invitation, item } = await h.invited('demo-clerk', XC_CLERK)
    const cancelled = ok(await h.call('demo-clerk', 'cancelInvitation', { id: item.id }))
    expect(v.safeParse(contract.admin.cancelInvitation.output, cancelled).success).toBe(true)
    expect(cancelled).toMatchObject({ status: 'cancelled', canCancel: false })
    expect(code(await h.accept('p-zhang', invitation.scene))).toBe('INVITE_CANCELLED')
    expect(ok(await h.view('p-zhang', invitation.scene))).toMatchObject({ status: 'cancelled', usable: false })
    expect(await h.db.roles.count({ openid: 'p-zhang' })).toBe(0)
    expect(await h.auditOf('admin.cancelInvitation')).toEqual([expect.objectContaining({ actor: 'demo-clerk', before: { status: 'open' }, after: expect.objectContaining({ status: 'cancelled' }) })])
    // Again: already cancelled.
    expect(ok(await h.call('demo-clerk', 'invitations', {})).items[0]).toMatchObject({ id: item.id, status: 'cancelled' })
    expect((await h.call('demo-clerk', 'cancelInvitation', { id: item.id })).error?.message).toBe('这份邀请已经取消了')
  })

  it('an accepted or expired invitation cannot be cancelled; nothing changes', async () => {
    const h = await adminHarness()
    const accepted = await h.grantTo('demo-clerk', 'p-zhang', XC_CLERK)
    const { item } = await h.invited('demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    h.clock.advance(24 * HOUR)
    const before = await h.snapshot()
    expect((await h.call('demo-clerk', 'cancelInvitation', { id: accepted.invitationId })).error?.message).toContain('已被接受，不能取消')
    expect(await h.call('demo-clerk', 'cancelInvitation', { id: item.id })).toMatchObject({ ok: false, error: { code: 'INVITE_EXPIRED' } })
    expect(await h.snapshot()).toEqual(before)
  })

  it('who may cancel: the inviter, or a clerk above who could revoke the role; nobody else, nothing changed', async () => {
    const h = await adminHarness()
    const byCity = await h.invited('demo-city-clerk', XC_CLERK)
    const byXc = await h.invited('demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    const before = await h.snapshot()
    // A 新城区 clerk may not cancel the city's invitation of a 新城区 clerk (a peer of theirs to be).
    expect(ok(await h.call('demo-clerk', 'invitations', {})).items.find((i: { id: string }) => i.id === byCity.item.id)).toMatchObject({ canCancel: false })
    expect(code(await h.call('demo-clerk', 'cancelInvitation', { id: byCity.item.id }))).toBe('FORBIDDEN')
    // Another subtree learns nothing; a member or a cashier neither.
    expect(code(await h.call('demo-hm-clerk', 'cancelInvitation', { id: byXc.item.id }))).toBe('NOT_FOUND')
    for (const who of ['demo-member', 'demo-merchant']) expect(code(await h.call(who, 'cancelInvitation', { id: byXc.item.id }))).toBe('FORBIDDEN')
    expect(code(await h.call('demo-clerk', 'cancelInvitation', { id: 'not-an-id' }))).toBe('INVALID_INPUT')
    expect(await h.snapshot()).toEqual(before)
    // The city's clerk may cancel what 新城区 made (they could revoke that reviewer).
    expect(ok(await h.call('demo-city-clerk', 'cancelInvitation', { id: byXc.item.id }))).toMatchObject({ status: 'cancelled' })
  })

  it('of a cancel and an accept at the same moment, exactly one happens', async () => {
    const h = await adminHarness()
    const { invitation, item } = await h.invited('demo-clerk', XC_CLERK)
    const [cancel, accept] = await Promise.all([h.call('demo-clerk', 'cancelInvitation', { id: item.id }), h.accept('p-zhang', invitation.scene)])
    expect([cancel.ok, accept.ok].filter(Boolean)).toHaveLength(1)
    const stored = await h.invitations.get(item.id)
    expect(stored?.status).toBe(cancel.ok ? 'cancelled' : 'accepted')
    expect(await h.db.roles.count({ openid: 'p-zhang' })).toBe(accept.ok ? 1 : 0)
  })
})

describe('admin.invitations: the subtree’s invitations with who accepted', () => {
  it('shows status and the acceptor’s display name (never an openid) to the inviter and the clerks above, not to another subtree', async () => {
    const h = await adminHarness()
    await h.grantTo('demo-clerk', 'p-zhang', XC_CLERK)
    h.clock.advance(1000)
    await h.invited('demo-clerk', { kind: 'merchant_staff', merchantId: 'm-bianmin' })
    h.clock.advance(1000)
    await h.invited('demo-hm-clerk', { kind: 'union_staff', unionId: 'hhht-hm-jz' })

    const mine = ok(await h.call('demo-clerk', 'invitations', {}))
    expect(v.safeParse(contract.admin.invitations.output, mine).success).toBe(true)
    expect(mine.items.map((i: { grants: { kind: string }; status: string; acceptedBy: string | null }) => [i.grants.kind, i.status, i.acceptedBy])).toEqual([
      ['merchant_staff', 'open', null],
      ['union_staff', 'accepted', '张新人（演示）'],
    ])
    const city = ok(await h.call('demo-city-clerk', 'invitations', {}))
    expect(city.items).toHaveLength(3)
    expect(ok(await h.call('demo-hm-clerk', 'invitations', {})).items).toHaveLength(1)
    expect(JSON.stringify([mine, city])).not.toMatch(/p-zhang|demo-clerk|demo-hm-clerk/)
    for (const who of ['demo-member', 'demo-merchant']) expect(code(await h.call(who, 'invitations', {}))).toBe('FORBIDDEN')
    h.clock.advance(24 * HOUR)
    expect(ok(await h.call('demo-clerk', 'invitations', {})).items[0]).toMatchObject({ status: 'expired', canCancel: false })
  })

  it('pages newest first, 50 a page, without repeats or gaps', async () => {
    const h = await adminHarness()
    const made: string[] = []
    for (let i = 0; i < 53; i++) {
      made.push((await h.invited('demo-clerk', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })).item.id)
      if (i % 2) h.clock.advance(1) // some share a time: the id decides
    }
    const first = ok(await h.call('demo-clerk', 'invitations', {}))
    expect(first.items).toHaveLength(50)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = ok(await h.call('demo-clerk', 'invitations', { cursor: first.nextCursor }))
    expect(second.nextCursor).toBeNull()
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id)
    expect(new Set(ids).size).toBe(53)
    expect([...ids].sort()).toEqual([...made].sort())
    const times = [...first.items, ...second.items].map((i: { createdAt: string }) => i.createdAt)
    expect(times).toEqual([...times].sort().reverse())
  })
})

describe('admin.revokeRole: the revocation rule', () => {
  it('a clerk above revokes a clerk below: the role ends, its staff pages close, the old link cannot bring it back; audited', async () => {
    const h = await adminHarness()
    const { token, roleId, invitationId: id } = await h.grantTo('demo-city-clerk', 'p-zhang', XC_CLERK)
    h.clock.advance(HOUR)
    const revoked = ok(await h.call('demo-city-clerk', 'revokeRole', { roleId }))
    expect(revoked).toEqual({ roleId, endedAt: '2026-11-23T09:00:00.000Z' })
    expect(await h.db.roles.get(roleId)).toMatchObject({ endedAt: '2026-11-23T09:00:00.000Z', endedBy: 'demo-city-clerk', endReason: 'revoked' })
    expect(await h.invitations.get(id)).toMatchObject({ status: 'ended', endedBy: 'demo-city-clerk' })
    expect((await h.profile('p-zhang')).roles).toEqual([])
    expect(code(await h.callAs('p-zhang', 'review', 'queue', {}))).toBe('FORBIDDEN')

    // The old link: refused to its holder (ended) and to anyone else (used); nothing changes.
    const before = await h.snapshot()
    expect((await h.accept('p-zhang', token)).error).toEqual({ code: 'INVITE_ENDED', message: ERROR_MESSAGES.INVITE_ENDED })
    expect(ok(await h.view('p-zhang', token))).toMatchObject({ status: 'ended', usable: false })
    expect(code(await h.accept('p-li', token))).toBe('INVITE_USED')
    expect(ok(await h.view('p-li', token))).toMatchObject({ status: 'used' })
    expect(await h.snapshot()).toEqual(before)
    expect(await h.auditOf('admin.revokeRole')).toEqual([
      expect.objectContaining({ actor: 'demo-city-clerk', target: { collection: 'roles', id: roleId }, before: expect.objectContaining({ holder: 'p-zhang', grant: XC_CLERK }), after: expect.objectContaining({ endReason: 'revoked', invitationEnded: true }) }),
    ])
    // Revoked again: it has ended already.
    expect(code(await h.call('demo-city-clerk', 'revokeRole', { roleId }))).toBe('ROLE_ENDED')
  })

  it('a clerk cannot revoke a clerk above them, nor a peer of their own union, nor themself; nothing changes', async () => {
    const h = await adminHarness()
    const peer = await h.grantTo('demo-city-clerk', 'p-zhang', XC_CLERK)
    const before = await h.snapshot()
    // Above: out of their subtree, answered as unknown.
    expect(code(await h.call('demo-clerk', 'revokeRole', { roleId: 'role-city-clerk-hhht' }))).toBe('NOT_FOUND')
    // A peer (here invited by the city): only from above.
    expect((await h.call('demo-clerk', 'revokeRole', { roleId: peer.roleId })).error).toEqual({ code: 'ROLE_NOT_REVOCABLE', message: ERROR_MESSAGES.ROLE_NOT_REVOCABLE })
    expect((await h.call('p-zhang', 'revokeRole', { roleId: 'role-clerk-xc' })).error?.code).toBe('ROLE_NOT_REVOCABLE')
    // Themself: that is stepping down.
    expect((await h.call('demo-clerk', 'revokeRole', { roleId: 'role-clerk-xc' })).error?.message).toContain('卸任')
    // Another subtree, a cashier, a member: nothing.
    expect(code(await h.call('demo-hm-clerk', 'revokeRole', { roleId: peer.roleId }))).toBe('NOT_FOUND')
    for (const who of ['demo-merchant', 'demo-member']) expect(code(await h.call(who, 'revokeRole', { roleId: peer.roleId }))).toBe('FORBIDDEN')
    expect(await h.snapshot()).toEqual(before)
  })

  it('a clerk revokes reviewers and cashiers of their own union; the cashier can no longer redeem', async () => {
    const h = await adminHarness()
    const reviewer = await h.grantTo('demo-clerk', 'p-zhang', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    ok(await h.call('demo-clerk', 'revokeRole', { roleId: reviewer.roleId }))
    expect(code(await h.callAs('p-zhang', 'aid', 'reviewList', {}))).toBe('FORBIDDEN')
    h.clock.advance(1000)
    // The demo's cashier has no invitation: only the role ends.
    ok(await h.call('demo-clerk', 'revokeRole', { roleId: 'role-merchant-bianmin' }))
    expect(code(await h.callAs('demo-merchant', 'benefits', 'redeem', { code: 'ABCDEFGH' }))).toBe('FORBIDDEN')
    expect((await h.auditOf('admin.revokeRole')).map((a) => (a.after as { invitationEnded: boolean }).invitationEnded)).toEqual([true, false])
  })

  it('a revoke interrupted between its two writes is finished by trying again', async () => {
    const h = await adminHarness()
    const { roleId, invitationId: id, token } = await h.grantTo('demo-city-clerk', 'p-zhang', XC_CLERK)
    // The crash: the invitation was moved on, then the function died before the role.
    expect(await h.invitations.update({ _id: id, status: 'accepted' }, { set: { status: 'ended', endedAt: '2026-11-23T08:00:00.000Z', endedBy: 'demo-city-clerk' } })).toBe(1)
    // Meanwhile the link brings nothing back, and the role still shows where it can be revoked.
    expect(code(await h.accept('p-zhang', token))).toBe('INVITE_ENDED')
    expect(ok(await h.call('demo-city-clerk', 'staffRoles', {})).items.map((r: { id: string }) => r.id)).toContain(roleId)
    ok(await h.call('demo-city-clerk', 'revokeRole', { roleId }))
    expect((await h.profile('p-zhang')).roles).toEqual([])
    expect(await h.auditOf('admin.revokeRole')).toHaveLength(1)
  })

  it('of a revoke and a step-down at the same moment, one ends the role and the other is told', async () => {
    const h = await adminHarness()
    const { roleId } = await h.grantTo('demo-city-clerk', 'p-zhang', XC_CLERK)
    const answers = await Promise.all([h.call('demo-city-clerk', 'revokeRole', { roleId }), h.call('p-zhang', 'stepDown', { roleId })])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => a.error?.code)).toEqual(['ROLE_ENDED'])
    expect([...(await h.auditOf('admin.revokeRole')), ...(await h.auditOf('admin.stepDown'))]).toHaveLength(1)
  })
})

describe('admin.stepDown', () => {
  it('the holder gives up a role: one update, the invitation ended, audited; a new invitation can grant it again', async () => {
    const h = await adminHarness()
    const { roleId, invitationId: id, token } = await h.grantTo('demo-clerk', 'p-zhang', { kind: 'merchant_staff', merchantId: 'm-bianmin' })
    expect(ok(await h.call('p-zhang', 'stepDown', { roleId }))).toEqual({ roleId, endedAt: '2026-11-23T08:00:00.000Z' })
    expect(await h.db.roles.get(roleId)).toMatchObject({ endedBy: 'p-zhang', endReason: 'stepped_down' })
    expect(await h.invitations.get(id)).toMatchObject({ status: 'ended', endedBy: 'p-zhang' })
    expect(await h.profile('p-zhang')).toMatchObject({ roles: [], held: [] })
    expect(code(await h.callAs('p-zhang', 'benefits', 'redemptions', {}))).toBe('FORBIDDEN')
    expect(code(await h.accept('p-zhang', token))).toBe('INVITE_ENDED')
    expect(await h.auditOf('admin.stepDown')).toEqual([expect.objectContaining({ actor: 'p-zhang', target: { collection: 'roles', id: roleId } })])
    expect(code(await h.call('p-zhang', 'stepDown', { roleId }))).toBe('ROLE_ENDED')

    await h.grantTo('demo-clerk', 'p-zhang', { kind: 'merchant_staff', merchantId: 'm-bianmin' })
    expect((await h.profile('p-zhang')).roles).toHaveLength(1)
  })

  it('a demo role steps down too; nobody steps down from someone else’s role', async () => {
    const h = await adminHarness()
    const before = await h.snapshot()
    expect(code(await h.call('demo-clerk', 'stepDown', { roleId: 'role-city-clerk-hhht' }))).toBe('NOT_FOUND')
    expect(code(await h.call('demo-clerk', 'stepDown', { roleId: 'no-such-role' }))).toBe('NOT_FOUND')
    expect(await h.snapshot()).toEqual(before)
    ok(await h.call('demo-clerk', 'stepDown', { roleId: 'role-clerk-xc' }))
    expect(code(await h.callAs('demo-clerk', 'review', 'queue', {}))).toBe('FORBIDDEN')
  })
})

describe('admin.staffRoles: who holds what in the subtree', () => {
  it('lists the subtree’s roles newest first with names, and which the caller may revoke', async () => {
    const h = await adminHarness()
    h.clock.advance(HOUR)
    await h.grantTo('demo-city-clerk', 'p-zhang', XC_CLERK)
    h.clock.advance(HOUR)
    await h.grantTo('demo-clerk', 'p-li', { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 })
    const xc = ok(await h.call('demo-clerk', 'staffRoles', {}))
    expect(v.safeParse(contract.admin.staffRoles.output, xc).success).toBe(true)
    const rows = xc.items.map((r: { holder: string; role: { kind: string }; mine: boolean; canRevoke: boolean; grantedBy: string | null }) => [r.holder, r.role.kind, r.grantedBy, r.mine, r.canRevoke])
    // Newest grant first; the demo's two roles share the seed's time, and then the id decides (descending).
    expect(rows).toEqual([
      ['李新人（演示）', 'aid_reviewer', '赵干事（演示）', false, true],
      ['张新人（演示）', 'union_staff', '孙干事（演示）', false, false],
      ['钱店员（演示）', 'merchant_staff', null, false, true],
      ['赵干事（演示）', 'union_staff', null, true, false],
    ])
    // The city's clerk sees 新城区's and 回民区's, and may revoke the 新城区 clerks.
    const city = ok(await h.call('demo-city-clerk', 'staffRoles', {}))
    expect(city.items.find((r: { holder: string }) => r.holder === '周干事（演示）')).toMatchObject({ canRevoke: true })
    expect(city.items.find((r: { holder: string }) => r.holder === '孙干事（演示）')).toMatchObject({ mine: true, canRevoke: false })
    expect(ok(await h.call('demo-hm-clerk', 'staffRoles', {})).items.map((r: { holder: string }) => r.holder)).toEqual(['周干事（演示）'])
    expect(JSON.stringify(city)).not.toMatch(/"demo-|"p-zhang/)
    for (const who of ['demo-member', 'demo-merchant', 'p-li']) expect(code(await h.call(who, 'staffRoles', {}))).toBe('FORBIDDEN')
  })
})
