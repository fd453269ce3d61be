import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import type { Profile } from '@domain/contract'
import { ERROR_MESSAGES } from '@domain/errors'
import Me from '@/pages/me/index'
import { useSession } from '@/stores/session'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

// 我的 loads member.profile through the real client; jsdom has no server, so fetch is answered here
// (the real local server answers in tests/e2e).

const testUtils = new TestUtils()

const member: Profile = {
  displayName: '张三',
  roles: [{ kind: 'union_staff', union: { id: 'u-hhht', name: '呼和浩特市总工会', level: 'city' } }],
  held: [
    {
      id: 'role-1',
      role: { kind: 'union_staff', union: { id: 'u-hhht', name: '呼和浩特市总工会', level: 'city' } },
      unionPath: ['内蒙古自治区总工会', '呼和浩特市总工会'],
      grantedBy: '王主席',
      grantedAt: '2026-11-01T02:00:00.000Z',
      merchant: null,
    },
  ],
  membership: {
    union: { id: 'u-xc', name: '新城区快递行业工会', level: 'grassroots' },
    unionPath: ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区快递行业工会'],
    memberNo: 'NM0001',
    joinedAt: '2025-03-01T12:00:00.000Z',
    status: 'active',
  },
  privacyAgreedVersion: null,
}

const answer = (profile: Profile) => stubFetch(async () => jsonResponse({ ok: true, data: profile }))

beforeEach(() => {
  resetApp()
  signIn('token-me', '张三')
  agreePrivacy()
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('我的', () => {
  it('shows the member card and roles from member.profile', async () => {
    const fetchMock = answer(member)
    await testUtils.mount(Me)

    await waitFor(() => expect(byTestId('display-name')?.textContent).toBe('张三'))
    const card = byTestId('membership')?.textContent ?? ''
    expect(card).toContain('新城区快递行业工会')
    expect(card).toContain('内蒙古自治区总工会 › 呼和浩特市总工会 › 新城区快递行业工会')
    expect(card).toContain('会员编号 NM0001')
    expect(card).toContain('2025年3月1日入会')
    expect(document.body.textContent).toContain('呼和浩特市总工会（市级总工会）工作人员')
    expect(fetchMock.mock.calls[0][1]?.body).toBe(JSON.stringify({ action: 'profile', data: {} }))
  })

  it('says 尚未入会 for someone who has not joined', async () => {
    answer({ ...member, roles: [], held: [], membership: null })
    await testUtils.mount(Me)

    await waitFor(() => expect(byTestId('not-member')?.textContent).toContain('尚未入会'))
    expect(byTestId('membership')).toBeNull()
  })

  it('shows 加载中 while the first load runs', async () => {
    stubFetch(() => new Promise(() => {}))
    await testUtils.mount(Me)
    expect(byTestId('loading')).not.toBeNull()
  })

  it('shows a failed first load full screen, and 重试 loads again', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    await testUtils.mount(Me)
    await waitFor(() => expect(byTestId('load-error')?.textContent).toContain(ERROR_MESSAGES.NETWORK))

    const fetchMock = answer(member)
    testUtils.fireEvent.click(byId('load-error-action')!)

    await waitFor(() => expect(byTestId('display-name')?.textContent).toBe('张三'))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(byTestId('load-error')).toBeNull()
  })

  it('a retry shows 加载中 while it runs, not the failure it is retrying', async () => {
    stubFetch(async () => jsonResponse({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } }, 500))
    await testUtils.mount(Me)
    await waitFor(() => expect(byTestId('load-error')?.textContent).toContain(ERROR_MESSAGES.INTERNAL))
    expect(byTestId('load-error')?.textContent).not.toContain('请检查网络')

    stubFetch(() => new Promise(() => {}))
    testUtils.fireEvent.click(byId('load-error-action')!)

    await waitFor(() => expect(byTestId('loading')).not.toBeNull())
    expect(byTestId('load-error')).toBeNull()
  })

  it('asks for a demo identity again when the session has expired', async () => {
    stubFetch(async () => jsonResponse({ ok: false, error: { code: 'SESSION_EXPIRED', message: ERROR_MESSAGES.SESSION_EXPIRED } }, 401))
    await testUtils.mount(Me)

    await waitFor(() => expect(byTestId('login-needed')).not.toBeNull())
    expect(useSession.getState().token).toBeNull()
  })

  it('切换演示身份 signs out and goes to the demo login page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    answer(member)
    await testUtils.mount(Me)
    await waitFor(() => expect(byId('switch-person')).not.toBeNull())

    testUtils.fireEvent.click(byId('switch-person')!)

    expect(useSession.getState().token).toBeNull()
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(byTestId('login-needed')).not.toBeNull()
  })
})
