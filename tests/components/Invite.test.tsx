import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { InvitationView } from '@domain/contract'
import { ERROR_MESSAGES } from '@domain/errors'
import Invite from '@/features/admin/pages/invite/index'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor, type FakeResponse } from '../setup/app'

// 接受邀请 on Taro's H5 runtime, the cloud answered here per action (the real server: tests/e2e/admin.e2e.ts).

const testUtils = new TestUtils()
const TOKEN = 'Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-Zx9_-ab'

const invitation = (fields: Partial<InvitationView> = {}): InvitationView => ({
  grants: { kind: 'union_staff', union: { id: 'hhht-xc', name: '新城区总工会', level: 'county' } },
  unionPath: ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会'],
  expiresAt: '2026-11-24T08:00:00.000Z',
  status: 'open',
  usable: true,
  ...fields,
})

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string }; status: number }
function fakeCloud(answers: Record<string, Answer[]>) {
  const sent: Array<{ action: string; data: unknown }> = []
  stubFetch(async (_url, init): Promise<FakeResponse> => {
    const body = JSON.parse(String(init?.body)) as { action: string; data: unknown }
    sent.push(body)
    const answer = answers[body.action]?.shift()
    if (!answer) return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
    return answer.ok ? jsonResponse(answer) : jsonResponse({ ok: false, error: answer.error }, answer.status)
  })
  return sent
}
const ok = (data: unknown): Answer => ({ ok: true, data })
const refused = (code: keyof typeof ERROR_MESSAGES, status: number): Answer => ({ ok: false, error: { code, message: ERROR_MESSAGES[code] }, status })
const openWith = (params: Record<string, string>) => {
  Current.router = { params, path: '/features/admin/pages/invite/index', onReady: '', onHide: '', onShow: '' } as never
  return testUtils.mount(Invite)
}

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('接受邀请', () => {
  it('reads the token from a 小程序码 scene, shows the grant, accepts and goes to 我的', async () => {
    const sent = fakeCloud({ invitation: [ok(invitation())], acceptInvitation: [ok({ role: invitation().grants })] })
    const reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue(undefined as never)
    await openWith({ scene: encodeURIComponent(TOKEN) })
    await waitFor(() => expect(byTestId('invitation')?.textContent).toContain('新城区总工会 工作人员'))
    expect(byTestId('invitation')?.textContent).toContain('内蒙古自治区总工会 › 呼和浩特市总工会 › 新城区总工会')
    expect(byId('accept-invitation')?.textContent).toContain('接受邀请')

    testUtils.fireEvent.click(byId('accept-invitation')!)
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/me/index' }))
    expect(sent).toEqual([
      { action: 'invitation', data: { token: TOKEN } },
      { action: 'acceptInvitation', data: { token: TOKEN } },
    ])
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN)
  })

  it('a refused accept says why in Chinese, stays, and shows where the invitation now stands', async () => {
    fakeCloud({ invitation: [ok(invitation()), ok(invitation({ status: 'used', usable: false }))], acceptInvitation: [refused('INVITE_USED', 409)] })
    const reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue(undefined as never)
    await openWith({ token: TOKEN })
    await waitFor(() => expect(byId('accept-invitation')).not.toBeNull())
    testUtils.fireEvent.click(byId('accept-invitation')!)
    await waitFor(() => expect(byTestId('invite-problem')?.textContent).toBe(ERROR_MESSAGES.INVITE_USED))
    await waitFor(() => expect(byId('accept-invitation')).toBeNull())
    expect(byTestId('invite-notice')?.textContent).toBe(ERROR_MESSAGES.INVITE_USED)
    expect(byId('invite-to-me')).not.toBeNull()
    expect(reLaunch).not.toHaveBeenCalled()
  })

  it('offers to finish an interrupted accept, and says when the role is held already', async () => {
    fakeCloud({ invitation: [ok(invitation({ status: 'unfinished' }))] })
    await openWith({ token: TOKEN })
    await waitFor(() => expect(byId('accept-invitation')?.textContent).toContain('完成接受'))
    expect(byTestId('invite-notice')?.textContent).toContain('角色还没有生效')
    testUtils.unmout()
    document.body.innerHTML = ''

    fakeCloud({ invitation: [ok(invitation({ status: 'held', usable: false }))] })
    await openWith({ token: TOKEN })
    await waitFor(() => expect(byTestId('invite-notice')?.textContent).toBe(ERROR_MESSAGES.INVITE_ROLE_HELD))
    expect(byId('accept-invitation')).toBeNull()
  })

  it('an unknown token replaces the page with its answer and a way home; a missing one asks nothing of the cloud', async () => {
    fakeCloud({ invitation: [refused('INVITE_NOT_FOUND', 404)] })
    await openWith({ token: TOKEN })
    await waitFor(() => expect(byTestId('invite-refused')?.textContent).toContain(ERROR_MESSAGES.INVITE_NOT_FOUND))
    expect(byId('invite-refused-action')?.textContent).toContain('回到首页')
    testUtils.unmout()
    document.body.innerHTML = ''

    const sent = fakeCloud({})
    await openWith({ token: 'not-a-token' })
    await waitFor(() => expect(byTestId('invite-missing')?.textContent).toContain('邀请链接不完整'))
    expect(sent).toEqual([])
  })

  it('a failed first load (offline) offers to try again', async () => {
    stubFetch()
    await openWith({ token: TOKEN })
    await waitFor(() => expect(byTestId('load-error')?.textContent).toContain(ERROR_MESSAGES.NETWORK))
    expect(byId('load-error-action')).not.toBeNull()
  })
})
