import { TextEncoder } from 'node:util'
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { HeldRole, InvitationItem, MerchantView, Profile, StaffRoleItem } from '@domain/contract'
import { ERROR_MESSAGES } from '@domain/errors'
import People from '@/features/admin/pages/people/index'
import Merchants from '@/features/admin/pages/merchants/index'
import Me from '@/pages/me/index'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, typeInto, waitFor as waitForSoon } from '../setup/app'

// 邀请与人员, 商户管理 and 我的's roles on Taro's H5 runtime, the cloud answered here per action
// (the real server: tests/e2e/roles.e2e.ts).

// The invitation's QR code (the qrcode package) encodes with TextEncoder, which jsdom leaves out.
Object.assign(globalThis, { TextEncoder })

const testUtils = new TestUtils()
const TOKEN = 'Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-ab'
const XC = { id: 'hhht-xc', name: '新城区总工会', level: 'county' as const }
const KD = { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots' as const, parentName: '新城区总工会', path: ['呼和浩特市总工会', '新城区总工会', '示例速递（演示）有限公司工会'] }

const item = (fields: Partial<InvitationItem> = {}): InvitationItem => ({
  id: 'a'.repeat(64),
  grants: { kind: 'union_staff', union: XC },
  unionPath: ['呼和浩特市总工会', '新城区总工会'],
  status: 'open',
  invitedBy: '赵干事（演示）',
  createdAt: '2026-11-23T08:00:00.000Z',
  expiresAt: '2026-11-24T08:00:00.000Z',
  acceptedBy: null,
  acceptedAt: null,
  canCancel: true,
  ...fields,
})
const role = (fields: Partial<StaffRoleItem> = {}): StaffRoleItem => ({
  id: 'inv-1',
  role: { kind: 'aid_reviewer', union: XC, level: 1 },
  unionPath: ['呼和浩特市总工会', '新城区总工会'],
  holder: '张新人（演示）',
  grantedBy: '赵干事（演示）',
  grantedAt: '2026-11-23T08:00:00.000Z',
  mine: false,
  canRevoke: true,
  ...fields,
})
const merchant = (fields: Partial<MerchantView> = {}): MerchantView => ({
  id: 'm-1',
  name: '示例修车铺（演示）',
  union: { id: 'hhht-xc', name: '新城区总工会' },
  contactName: '王师傅',
  contactPhone: '13912345678',
  stores: [{ name: '一店', address: '示例路9号', latitude: 40.85, longitude: 111.76 }],
  serves: [{ id: 'hhht-xc', name: '新城区总工会' }],
  status: 'active',
  cashiers: 0,
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
  ...fields,
})

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> }; status: number }
const ok = (data: unknown): Reply => ({ ok: true, data })
const refused = (code: keyof typeof ERROR_MESSAGES, status: number, fields?: Record<string, string>): Reply => ({ ok: false, error: { code, message: ERROR_MESSAGES[code], ...(fields ? { fields } : {}) }, status })

/** The cloud answered per action, in order (the last answer repeats); `sent` keeps every request. */
function fakeCloud(answers: Record<string, Reply[] | ((data: any) => Reply)>) {
  const sent: Array<{ action: string; data: any }> = []
  stubFetch(async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as { action: string; data: any }
    sent.push(body)
    const entry = answers[body.action]
    const answer = typeof entry === 'function' ? entry(body.data) : entry && (entry.length > 1 ? entry.shift() : entry[0])
    if (!answer) return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
    return answer.ok ? jsonResponse(answer) : jsonResponse({ ok: false, error: answer.error }, answer.status)
  })
  return sent
}

/** As long as a loaded machine may need: these pages make a few requests and render NutUI between taps. */
const waitFor = (check: () => void) => waitForSoon(check, 4000)
const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)
/**
 * Whether nothing carries this test id. Polled as a boolean: a failing `toBeNull()` on a Taro element
 * prints its whole React fiber, which takes long enough to starve the answers being waited for.
 */
const gone = (testId: string) => byTestId(testId) === null
const text = (testId: string) => byTestId(testId)?.textContent ?? ''
const all = (testId: string) => Array.from(document.querySelectorAll(`[data-testid="${testId}"]`)).map((n) => n.textContent ?? '')
const openAt = (path: string) => {
  Current.router = { params: {}, path, onReady: '', onHide: '', onShow: '' } as never
}

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
  jest.spyOn(Taro, 'showToast').mockResolvedValue(undefined as never)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('邀请与人员', () => {
  beforeEach(() => openAt('/features/admin/pages/people/index'))

  it('invites a level-2 reviewer to a union picked from the subtree and shows the QR and link once', async () => {
    const sent = fakeCloud({
      invitations: [ok({ items: [], nextCursor: null })],
      staffRoles: [ok({ items: [], nextCursor: null })],
      subtreeUnions: [ok({ unions: [{ ...XC, parentName: '呼和浩特市总工会', path: ['呼和浩特市总工会', '新城区总工会'] }, KD], nextCursor: null })],
      invite: [ok({ invitation: { expiresAt: '2026-11-24T08:00:00.000Z', scene: TOKEN, weappPage: 'features/admin/pages/invite/index', webPath: `/#/features/admin/pages/invite/index?token=${TOKEN}`, codePng: null }, item: item({ grants: { kind: 'aid_reviewer', union: XC, level: 2 } }) })],
    })
    await testUtils.mount(People)
    await waitFor(() => expect(byTestId('invite-form')).not.toBeNull())
    // Nothing chosen: said in words, nothing sent.
    tap('invite-create')
    await waitFor(() => expect(text('invite-problem')).toBe('请先在下面选择工会'))
    tap('invite-kind-1')
    await waitFor(() => expect(byId('invite-level')).not.toBeNull())
    tap('invite-level-1')
    await waitFor(() => expect(byId('invite-union-hhht-xc')).not.toBeNull())
    tap('invite-union-hhht-xc')
    await waitFor(() => expect(byId('invite-union-hhht-xc')?.textContent).toContain('（当前）'))
    tap('invite-create')
    await waitFor(() => expect(byTestId('invitation-result')).not.toBeNull())
    expect(sent.find((s) => s.action === 'invite')?.data).toEqual({ grant: { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 2 } })
    const result = text('invitation-result')
    expect(result).toContain('新城区总工会 金秋助学二级审核人（上级审批）')
    expect(result).toContain('只能使用一次')
    expect(result).toContain('二维码只显示这一次')
    expect(text('invite-link')).toBe(`http://localhost/#/features/admin/pages/invite/index?token=${TOKEN}`)
    expect(byTestId('invitation-result')?.querySelector('[data-testid="card-qr"]')).not.toBeNull()
    // The token never reaches storage.
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN)
    tap('invitation-done')
    await waitFor(() => expect(byTestId('invite-form')).not.toBeNull())
  })

  it('says why an invitation is refused, in Chinese, and stays on the form', async () => {
    fakeCloud({
      invitations: [ok({ items: [], nextCursor: null })],
      staffRoles: [ok({ items: [], nextCursor: null })],
      subtreeUnions: [ok({ unions: [KD], nextCursor: null })],
      invite: [refused('INVITE_OUT_OF_REACH', 403)],
    })
    await testUtils.mount(People)
    await waitFor(() => expect(byId('invite-union-hhht-xc-kd')).not.toBeNull())
    tap('invite-union-hhht-xc-kd')
    tap('invite-create')
    await waitFor(() => expect(text('invite-problem')).toBe(ERROR_MESSAGES.INVITE_OUT_OF_REACH))
    expect(byTestId('invitation-result')).toBeNull()
  })

  it('lists invitations with status and who accepted, and cancels an open one after asking', async () => {
    const open = item()
    const sent = fakeCloud({
      invitations: [ok({ items: [open, item({ id: 'b'.repeat(64), status: 'accepted', acceptedBy: '张新人（演示）', acceptedAt: '2026-11-23T09:00:00.000Z', canCancel: false })], nextCursor: null })],
      staffRoles: [ok({ items: [], nextCursor: null })],
      subtreeUnions: [ok({ unions: [], nextCursor: null })],
      cancelInvitation: [ok({ ...open, status: 'cancelled', canCancel: false })],
    })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    await testUtils.mount(People)
    await waitFor(() => expect(byId('people-tab-1')).not.toBeNull())
    tap('people-tab-1')
    await waitFor(() => expect(all('invitation-item')).toHaveLength(2))
    expect(all('invitation-item')[0]).toContain('待接受')
    expect(all('invitation-item')[1]).toContain('已接受')
    expect(text('accepted-by')).toContain('张新人（演示）')
    expect(byId(`cancel-${'b'.repeat(64)}`)).toBeNull()
    tap(`cancel-${open.id}`)
    await waitFor(() => expect(all('invitation-item')[0]).toContain('已取消'))
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消邀请' }))
    expect(sent.find((s) => s.action === 'cancelInvitation')?.data).toEqual({ id: open.id })
    expect(byId(`cancel-${open.id}`)).toBeNull()
  })

  it('lists people and revokes one the clerk may revoke; a refused revoke says why and keeps them', async () => {
    const sent = fakeCloud({
      invitations: [ok({ items: [], nextCursor: null })],
      staffRoles: [ok({ items: [role(), role({ id: 'inv-2', holder: '李新人（演示）', role: { kind: 'union_staff', union: XC } }), role({ id: 'role-me', holder: '赵干事（演示）', mine: true, canRevoke: false, grantedBy: null })], nextCursor: null })],
      subtreeUnions: [ok({ unions: [], nextCursor: null })],
      revokeRole: (data) => (data.roleId === 'inv-1' ? ok({ roleId: 'inv-1', endedAt: '2026-11-23T10:00:00.000Z' }) : refused('ROLE_NOT_REVOCABLE', 403)),
    })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    await testUtils.mount(People)
    await waitFor(() => expect(byId('people-tab-2')).not.toBeNull())
    tap('people-tab-2')
    await waitFor(() => expect(all('role-item')).toHaveLength(3))
    expect(all('role-item')[0]).toContain('新城区总工会 金秋助学一级审核人（基层核实）')
    expect(all('role-item')[0]).toContain('由 赵干事（演示） 邀请')
    expect(all('role-item')[2]).toContain('赵干事（演示）（我）')
    expect(all('role-item')[2]).toContain('初始数据')
    expect(byId('revoke-role-me')).toBeNull()
    tap('revoke-inv-2')
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: ERROR_MESSAGES.ROLE_NOT_REVOCABLE })))
    expect(all('role-item')).toHaveLength(3)
    tap('revoke-inv-1')
    await waitFor(() => expect(all('role-item')).toHaveLength(2))
    expect(sent.filter((s) => s.action === 'revokeRole').map((s) => s.data.roleId)).toEqual(['inv-2', 'inv-1'])
  })

  it('a first load that fails (a cashier, or offline) is shown full screen with a retry', async () => {
    fakeCloud({ invitations: [refused('FORBIDDEN', 403)], staffRoles: [refused('FORBIDDEN', 403)], subtreeUnions: [refused('FORBIDDEN', 403)] })
    await testUtils.mount(People)
    await waitFor(() => expect(text('load-error')).toContain(ERROR_MESSAGES.FORBIDDEN))
    expect(byId('load-error-action')).not.toBeNull()
  })
})

describe('商户管理', () => {
  beforeEach(() => openAt('/features/admin/pages/merchants/index'))

  it('shows each merchant with status, contact, stores and cashiers; an empty subtree says so', async () => {
    fakeCloud({ merchants: [ok({ items: [merchant({ cashiers: 2 }), merchant({ id: 'm-2', name: '示例面馆（演示）', status: 'paused' })], nextCursor: null })] })
    await testUtils.mount(Merchants)
    await waitFor(() => expect(all('merchant-item')).toHaveLength(2))
    const [first, second] = all('merchant-item')
    expect(first).toContain('合作中')
    expect(first).toContain('王师傅 13912345678')
    expect(first).toContain('一店（示例路9号）')
    expect(first).toContain('核销员 2 人')
    expect(second).toContain('已暂停')
    expect(byId('toggle-merchant-m-2')?.textContent).toContain('恢复合作')
    expect(byId('invite-cashier-m-2')).toBeNull()
    testUtils.unmout()
    document.body.innerHTML = ''

    fakeCloud({ merchants: [ok({ items: [], nextCursor: null })] })
    await testUtils.mount(Merchants)
    await waitFor(() => expect(byTestId('merchants')?.textContent).toContain('本工会及下级还没有登记商户'))
  })

  it('registers a merchant: checks the form before sending, then shows the cloud’s duplicate message by the name', async () => {
    const sent = fakeCloud({
      merchants: [ok({ items: [], nextCursor: null })],
      subtreeUnions: [ok({ unions: [{ ...XC, parentName: '呼和浩特市总工会', path: ['呼和浩特市总工会', '新城区总工会'] }, KD], nextCursor: null })],
      saveMerchant: [refused('MERCHANT_DUPLICATE', 409, { name: '同一工会下已有同名商户' }), ok(merchant())],
    })
    await testUtils.mount(Merchants)
    await waitFor(() => expect(byId('merchant-add')).not.toBeNull())
    tap('merchant-add')
    await waitFor(() => expect(byId('merchant-union-hhht-xc')).not.toBeNull())
    tap('merchant-union-hhht-xc')
    await waitFor(() => expect(text('merchant-serves')).toBe('新城区总工会'))
    await typeInto('merchant-name', '示例修车铺（演示）')
    await typeInto('merchant-contactName', '王师傅')
    await typeInto('merchant-contactPhone', '12345')
    await typeInto('store-0-name', '一店')
    await typeInto('store-0-address', '示例路9号')
    await typeInto('store-0-latitude', '40.85')
    await typeInto('store-0-longitude', '111.76')
    tap('merchant-save')
    await waitFor(() => expect(text('merchant-form')).toContain('手机号应为 11 位数字，以 1 开头'))
    expect(sent.some((s) => s.action === 'saveMerchant')).toBe(false)

    await typeInto('merchant-contactPhone', '13912345678')
    tap('merchant-save')
    await waitFor(() => expect(text('merchant-problem')).toBe(ERROR_MESSAGES.MERCHANT_DUPLICATE))
    expect(text('merchant-form')).toContain('同一工会下已有同名商户')
    expect(sent.find((s) => s.action === 'saveMerchant')?.data).toEqual({
      unionId: 'hhht-xc',
      name: '示例修车铺（演示）',
      contactName: '王师傅',
      contactPhone: '13912345678',
      stores: [{ name: '一店', address: '示例路9号', latitude: 40.85, longitude: 111.76 }],
      servesUnionIds: ['hhht-xc'],
    })
    tap('merchant-save')
    await waitFor(() => expect(gone('merchant-form')).toBe(true))
  })

  it('pauses a merchant, closes one after asking, and invites a cashier with a QR', async () => {
    const sent = fakeCloud({
      merchants: [ok({ items: [merchant()], nextCursor: null })],
      setMerchantStatus: (data) => ok(merchant({ status: data.status })),
      invite: [ok({ invitation: { expiresAt: '2026-11-24T08:00:00.000Z', scene: TOKEN, weappPage: 'features/admin/pages/invite/index', webPath: `/#/features/admin/pages/invite/index?token=${TOKEN}`, codePng: null }, item: item({ grants: { kind: 'merchant_staff', merchantId: 'm-1', merchantName: '示例修车铺（演示）' } }) })],
    })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    await testUtils.mount(Merchants)
    await waitFor(() => expect(byId('invite-cashier-m-1')).not.toBeNull())
    tap('invite-cashier-m-1')
    await waitFor(() => expect(text('invitation-result')).toContain('示例修车铺（演示） 核销员'))
    expect(sent.find((s) => s.action === 'invite')?.data).toEqual({ grant: { kind: 'merchant_staff', merchantId: 'm-1' } })
    tap('toggle-merchant-m-1')
    await waitFor(() => expect(all('merchant-item')[0]).toContain('已暂停'))
    tap('close-merchant-m-1')
    await waitFor(() => expect(all('merchant-item')[0]).toContain('已关闭'))
    expect(byId('toggle-merchant-m-1')).toBeNull()
    expect(sent.filter((s) => s.action === 'setMerchantStatus').map((s) => s.data.status)).toEqual(['paused', 'closed'])
  })
})

describe('我的 for staff', () => {
  const held = (fields: Partial<HeldRole> = {}): HeldRole => ({
    id: 'inv-1',
    role: { kind: 'union_staff', union: XC },
    unionPath: ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会'],
    grantedBy: '孙干事（演示）',
    grantedAt: '2026-11-20T02:00:00.000Z',
    merchant: null,
    ...fields,
  })
  const profile = (roles: HeldRole[]): Profile => ({ displayName: '张新人', roles: roles.map((r) => r.role), held: roles, membership: null, privacyAgreedVersion: null })

  beforeEach(() => openAt('/pages/me/index'))

  it('shows what a clerk holds, granted by whom and when, with entries to 邀请与人员 and 商户管理', async () => {
    fakeCloud({ profile: [ok(profile([held()]))] })
    await testUtils.mount(Me)
    await waitFor(() => expect(all('held-role')).toHaveLength(1))
    expect(all('held-role')[0]).toContain('新城区总工会（县级总工会）工作人员')
    expect(all('held-role')[0]).toContain('由 孙干事（演示） 邀请，2026年11月20日起担任')
    expect(byId('open-people')?.textContent).toContain('邀请与人员')
    expect(byId('open-merchants')?.textContent).toContain('商户管理')
    expect(byId('open-aid-review')).toBeNull()
  })

  it('a reviewer gets 金秋助学审核 and no clerk entries; a cashier sees the merchant paused, its phone masked', async () => {
    fakeCloud({
      profile: [
        ok(
          profile([
            held({ id: 'inv-2', role: { kind: 'aid_reviewer', union: XC, level: 1 } }),
            held({ id: 'inv-3', role: { kind: 'merchant_staff', merchantId: 'm-1', merchantName: '示例修车铺（演示）' }, merchant: { status: 'paused', contactName: '王师傅', contactPhone: '139****5678' } }),
          ]),
        ),
      ],
    })
    await testUtils.mount(Me)
    await waitFor(() => expect(all('held-role')).toHaveLength(2))
    expect(byId('open-aid-review')?.textContent).toContain('金秋助学审核')
    expect(byId('open-people')).toBeNull()
    expect(byId('open-merchants')).toBeNull()
    expect(all('held-role')[1]).toContain('商户已暂停，暂不能核销')
    expect(all('held-role')[1]).toContain('139****5678')
  })

  it('steps down after asking, then reads the profile again; refusing the question changes nothing', async () => {
    const sent = fakeCloud({ profile: [ok(profile([held()])), ok(profile([]))], stepDown: [ok({ roleId: 'inv-1', endedAt: '2026-11-23T10:00:00.000Z' })] })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    await testUtils.mount(Me)
    await waitFor(() => expect(byId('step-down-inv-1')).not.toBeNull())
    tap('step-down-inv-1')
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(sent.some((s) => s.action === 'stepDown')).toBe(false)

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    tap('step-down-inv-1')
    await waitFor(() => expect(gone('held-roles')).toBe(true))
    expect(sent.filter((s) => s.action === 'stepDown').map((s) => s.data)).toEqual([{ roleId: 'inv-1' }])
    expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '卸任', content: expect.stringContaining('新城区总工会（县级总工会）工作人员') }))
    expect(byId('open-people')).toBeNull()
  })
})
