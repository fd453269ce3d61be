import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import type { MyData, Profile, StaffRightsItem } from '@domain/contract'
import { PRIVACY_VERSION } from '@domain/contract'
import Me from '@/pages/me/index'
import MyDataPage from '@/features/privacy/pages/data/index'
import RightsRequests from '@/features/privacy/pages/requests/index'
import { useStations } from '@/features/stations/store'
import { usePrivacy } from '@/stores/privacy'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

const testUtils = new TestUtils()

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

const union = { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots' as const }

const data: MyData = {
  person: { displayName: '张三', privacyAgreedVersion: PRIVACY_VERSION, privacyAgreedAt: '2026-11-23T08:00:00.000Z', privacyWithdrawnAt: null },
  membership: { id: 'ms-1', union, unionPath: ['内蒙古自治区总工会', '示例速递（演示）有限公司工会'], memberNo: '150102000007', joinedAt: '2026-11-23T08:00:00.000Z', transferring: false },
  formerMemberships: [],
  joinApplications: [
    {
      id: 'app-1', status: 'approved', union, submittedAt: '2026-11-20T08:00:00.000Z', name: '张三', idMasked: '150102********1234', gender: 'male', birthDate: '1990-01-01',
      phoneMasked: '138****8000', ethnicity: '汉族', education: '本科', politicalStatus: '群众', hukou: '农村', employer: '示例速递（演示）有限公司', employment: 'courier',
      consents: { personalAt: '2026-11-20T08:00:00.000Z', sensitiveAt: '2026-11-20T08:00:00.000Z', withdrawnAt: null }, correctable: true,
      deletion: { deletable: false, why: '已通过的入会申请是会员档案，按工会章程和会员管理规定保存；退会后作为会籍记录保存' },
    },
  ],
  aidApplications: [
    {
      id: 'aid-1', programmeName: '2026 金秋助学（演示）', year: 2026, status: 'submitted', childName: '张小明', childIdMasked: '150102********5678', school: '内蒙古大学（示例）',
      householdSize: 3, documents: 2, bank: '示例银行', cardMasked: '**** 1234', consentAt: '2026-11-21T08:00:00.000Z', consentWithdrawnAt: null, erased: false,
      deletion: { deletable: false, why: '正在办理的申请请先撤回同意，再申请删除' }, withdrawalEffect: '这份申请将撤回：不再审核、公示或发放助学金。',
    },
  ],
  messages: 2,
  requests: [
    { id: 'rr-1', type: 'leave', typeName: '申请退会', status: 'refused', statusName: '未予办理', targetId: 'ms-1', field: null, fieldName: null, value: null, note: null, createdAt: '2026-11-22T08:00:00.000Z', answeredAt: '2026-11-22T09:00:00.000Z', answer: '请先结清会费' },
  ],
}

/** The cloud as the page sees it: myData, and what requestRights was sent. */
function cloud(sent: Array<{ action: string; data: Record<string, unknown> }>) {
  return stubFetch(async (_url, init) => {
    const body = JSON.parse(String(init?.body))
    sent.push(body)
    if (body.action === 'myData') return jsonResponse({ ok: true, data })
    if (body.action === 'requestRights') return jsonResponse({ ok: true, data: { ...data.requests[0], id: 'rr-new', type: body.data.type, status: 'done', statusName: '已办结', answer: '已办理' } })
    return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
  })
}

describe('我的 → 个人信息', () => {
  it('shows what is held, masked, with why a record is kept and how each request was answered', async () => {
    cloud([])
    await testUtils.mount(MyDataPage)
    await waitFor(() => expect(byTestId('my-data')).not.toBeNull(), 5000)
    const text = byTestId('my-data')?.textContent ?? ''
    for (const shown of ['150102********1234', '138****8000', '**** 1234', '会员编号', '150102000007', '会员档案', '2 条', '申请退会', '未予办理', '请先结清会费']) expect(text).toContain(shown)
    expect(byId('delete-join-app-1')).toBeNull()
    expect(byId('withdraw-aid-aid-1')?.textContent).toContain('申请随之撤回')
  })

  it('withdrawing the aid consent says what it does first, and is sent only when confirmed', async () => {
    const sent: Array<{ action: string; data: Record<string, unknown> }> = []
    cloud(sent)
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as Taro.showModal.SuccessCallbackResult)
    await testUtils.mount(MyDataPage)
    await waitFor(() => expect(byId('withdraw-aid-aid-1')).not.toBeNull(), 5000)
    testUtils.fireEvent.click(byId('withdraw-aid-aid-1')!)
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: data.aidApplications[0].withdrawalEffect })), 5000)
    expect(sent.some((b) => b.action === 'requestRights')).toBe(false)

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as Taro.showModal.SuccessCallbackResult)
    testUtils.fireEvent.click(byId('withdraw-aid-aid-1')!)
    await waitFor(() => expect(sent.find((b) => b.action === 'requestRights')?.data).toMatchObject({ type: 'withdraw_aid', applicationId: 'aid-1', idempotencyKey: expect.any(String) }), 5000)
  })

  it('a phone correction goes to the member’s file at once; the others say the union checks them', async () => {
    const sent: Array<{ action: string; data: Record<string, unknown> }> = []
    cloud(sent)
    await testUtils.mount(MyDataPage)
    await waitFor(() => expect(byTestId('correction')).not.toBeNull(), 5000)
    expect(byTestId('correction-how')?.textContent).toContain('立即生效')
    testUtils.fireEvent.click(byId('correct-field-2')!) // 工作单位
    await waitFor(() => expect(byTestId('correction-how')?.textContent).toContain('由工会确认'), 5000)
    testUtils.fireEvent.click(byId('correct-field-0')!) // 手机号
    await waitFor(() => expect(byTestId('correction-how')?.textContent).toContain('立即生效'), 5000)
    // As a person types: the element's own value setter, then an input event.
    const input = document.querySelector<HTMLInputElement>('#correct-value-input input')!
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '13900139000')
    testUtils.fireEvent.input(input)
    await waitFor(() => expect(byId('correct-send')?.hasAttribute('disabled')).toBe(false), 5000)
    testUtils.fireEvent.click(byId('correct-send')!)
    await waitFor(() => expect(sent.find((b) => b.action === 'requestRights')?.data).toMatchObject({ type: 'correct_join', applicationId: 'app-1', field: 'phone', value: '13900139000' }), 5000)
  })

  it('withdrawing the privacy agreement and the location take effect on this device too', async () => {
    const sent: Array<{ action: string; data: Record<string, unknown> }> = []
    cloud(sent)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as Taro.showModal.SuccessCallbackResult)
    await testUtils.mount(MyDataPage)
    await waitFor(() => expect(byId('withdraw-location')).not.toBeNull(), 5000)
    testUtils.fireEvent.click(byId('withdraw-location')!)
    await waitFor(() => expect(useStations.getState().locationDenied).toBe(true), 5000)
    testUtils.fireEvent.click(byId('withdraw-privacy')!)
    await waitFor(() => expect(usePrivacy.getState()).toMatchObject({ agreedVersion: null, declinedVersion: PRIVACY_VERSION }), 5000)
    expect(sent.filter((b) => b.action === 'requestRights').map((b) => b.data.type)).toEqual(['withdraw_location', 'withdraw_privacy'])
  })
})

describe('staff: 个人信息请求', () => {
  const item: StaffRightsItem = {
    id: 'rr-9', type: 'correct_join', typeName: '更正入会信息', status: 'pending', statusName: '待工会答复', targetId: 'app-1', field: 'employer', fieldName: '工作单位',
    value: '示例物流（演示）有限公司', note: '公司改名', createdAt: '2026-11-22T08:00:00.000Z', answeredAt: null, answer: null,
    person: { name: '张三', memberNo: '150102000007', idMasked: '150102********1234' }, union, current: '示例速递（演示）有限公司', waited: '1 天',
  }

  it('lists what waits, and a refusal needs a reason before anything is sent', async () => {
    const sent: Array<{ action: string; data: Record<string, unknown> }> = []
    stubFetch(async (_url, init) => {
      const body = JSON.parse(String(init?.body))
      sent.push(body)
      if (body.action === 'rightsQueue') return jsonResponse({ ok: true, data: { items: [item], nextCursor: null, total: 1 } })
      return jsonResponse({ ok: true, data: { ...item, status: 'done', statusName: '已办结', answer: '工作单位已更正' } })
    })
    await testUtils.mount(RightsRequests)
    await waitFor(() => expect(byTestId('rights-item-rr-9')).not.toBeNull(), 5000)
    expect(byTestId('rights-item-rr-9')?.textContent).toContain('工作单位：示例速递（演示）有限公司 → 示例物流（演示）有限公司')
    expect(byTestId('rights-total')?.textContent).toContain('共 1 项')
    testUtils.fireEvent.click(byId('refuse-rr-9')!)
    expect(sent.some((b) => b.action === 'answerRights')).toBe(false)
    testUtils.fireEvent.click(byId('confirm-rr-9')!)
    await waitFor(() => expect(sent.map((b) => b.action)).toEqual(['rightsQueue', 'answerRights']), 5000)
    // Taken out where it was, and the total with it.
    await waitFor(() => expect(byTestId('rights-item-rr-9')).toBeNull(), 5000)
    expect(byTestId('rights-total')?.textContent).toContain('共 0 项')
    expect(sent.find((b) => b.action === 'answerRights')?.data).toEqual({ requestId: 'rr-9', decision: 'confirm' })
  })

  it('我的 shows 个人信息 to everyone and the request queue to union staff only', async () => {
    const profile = (roles: Profile['roles']): Profile => ({ displayName: '张三', roles, held: [], membership: null, privacyAgreedVersion: PRIVACY_VERSION })
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    stubFetch(async () => jsonResponse({ ok: true, data: profile([{ kind: 'union_staff', union: { id: 'hhht-xc', name: '新城区总工会', level: 'county' } }]) }))
    await testUtils.mount(Me)
    await waitFor(() => expect(byId('me-my-data')).not.toBeNull(), 5000)
    expect(byId('me-rights-requests')).not.toBeNull()
    testUtils.fireEvent.click(byId('me-my-data')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/features/privacy/pages/data/index' })
  })
})
