import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import type { ApplicationView } from '@domain/contract'
import { JoinStatus } from '@/features/join/components/JoinStatus'
import { useJoinDraft } from '@/features/join/store'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

const testUtils = new TestUtils()

const application: ApplicationView = {
  id: 'app-1',
  status: 'rejected',
  union: { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots' },
  name: '王小骑',
  idMasked: '150102********2477',
  gender: 'male',
  birthDate: '1995-06-15',
  phone: '13912345678',
  ethnicity: '汉族',
  education: '大专',
  politicalStatus: '群众',
  hukou: '农村',
  employer: '不清楚',
  employment: 'food_delivery',
  submittedAt: '2026-11-23T08:00:00.000Z',
  decidedAt: '2026-11-23T09:00:00.000Z',
  rejectReason: '工作单位请填写全称',
  memberNo: null,
}

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
  useJoinDraft.setState({ unionId: null, values: {}, retryKey: null })
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('入会 status on 我的', () => {
  it('not applied yet: 尚未入会 with a way to join', async () => {
    stubFetch(async () => jsonResponse({ ok: true, data: { application: null } }))
    await testUtils.mount(JoinStatus)
    await waitFor(() => expect(byTestId('not-member')?.textContent).toContain('尚未入会'))
    expect(byId('go-join')).not.toBeNull()
  })

  it('pending: 审核中 with the union and the day it was sent', async () => {
    stubFetch(async () => jsonResponse({ ok: true, data: { application: { ...application, status: 'pending', rejectReason: null, decidedAt: null } } }))
    await testUtils.mount(JoinStatus)
    await waitFor(() => expect(byTestId('join-pending')?.textContent).toContain('入会申请审核中'))
    expect(byTestId('join-pending')?.textContent).toContain('示例速递（演示）有限公司工会 · 2026年11月23日提交')
  })

  it('rejected: the reason, and 修改后重新提交 refills the draft without the ID number', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    stubFetch(async () => jsonResponse({ ok: true, data: { application } }))
    await testUtils.mount(JoinStatus)
    await waitFor(() => expect(byTestId('join-rejected')?.textContent).toContain('原因：工作单位请填写全称'))
    testUtils.fireEvent.click(byId('join-resubmit')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/join/pages/entry/index?union=hhht-xc-kd' })
    const draft = useJoinDraft.getState()
    expect(draft.values).toMatchObject({ name: '王小骑', employer: '不清楚', hukou: '农村' })
    expect(draft.unionId).toBe('hhht-xc-kd')
    const stored = localStorage.getItem('join-draft') ?? ''
    expect(stored).toContain('不清楚')
    expect(stored).not.toContain('150102')
  })
})
