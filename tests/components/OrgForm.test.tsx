import TestUtils from '@tarojs/test-utils-react'
import { Current } from '@tarojs/runtime'
import type { OrgUnion } from '@domain/contract'
import { UnionForm } from '@/features/org/components/UnionForm'
import CloseUnion from '@/features/org/pages/close/index'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor, type FakeResponse } from '../setup/app'

/** 组织管理's forms: checked before sending by the contract's and the tree's rules, the cloud's messages beside the fields. */
const testUtils = new TestUtils()
jest.setTimeout(20_000)

const union = (over: Partial<OrgUnion>): OrgUnion => ({
  id: 'xc',
  code: 'xc',
  name: '示例区总工会（演示）',
  level: 'county',
  parentName: '示例市总工会（演示）',
  path: ['示例市总工会（演示）', '示例区总工会（演示）'],
  parentId: 'city',
  regionCode: '150102',
  status: 'active',
  own: true,
  pending: null,
  membersNotified: null,
  closedAt: null,
  ...over,
})
const county = union({})

function fakeCloud(answer: (action: string, data: Record<string, unknown>) => { ok: boolean; data?: unknown; error?: unknown }) {
  const sent: Array<{ action: string; data: Record<string, unknown> }> = []
  const fetch = stubFetch(async (_url, init): Promise<FakeResponse> => {
    const body = JSON.parse(String(init?.body)) as (typeof sent)[number]
    sent.push(body)
    const result = answer(body.action, body.data)
    return jsonResponse(result, result.ok ? 200 : 409)
  })
  return { sent, fetch }
}

const fieldsReady = () => waitFor(() => document.querySelectorAll('.org-form__field').forEach((f) => f.id !== 'org-field-level' && expect(f.querySelector('input')).not.toBeNull()), 5000)
const type = (field: string, value: string) => {
  const input = byId(`org-field-${field}`)!.querySelector('input')!
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
  testUtils.fireEvent.input(input)
}
const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)
const error = (field: string) => byTestId(`org-error-${field}`)?.textContent ?? null

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
})
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('adding a union', () => {
  it('offers only the levels that may sit below a county, and starts from the county’s region code', async () => {
    fakeCloud(() => ({ ok: true }))
    await testUtils.mount(() => <UnionForm parent={county} onSaved={() => {}} />)
    await fieldsReady()
    expect(byTestId('union-form')?.textContent).toContain('在「示例区总工会（演示）」下新增工会')
    const levels = Array.from(document.querySelectorAll('#org-level .choices__item')).map((n) => n.textContent)
    expect(levels).toEqual(['乡镇（街道）工会', '行业工会联合会', '新业态工会联合会', '基层工会'])
    expect(byId('org-field-regionCode')!.querySelector('input')!.value).toBe('150102')
  })

  it('shows every problem before sending and sends nothing: no name, no level, a region outside the parent’s, a bad code', async () => {
    const { fetch } = fakeCloud(() => ({ ok: true }))
    await testUtils.mount(() => <UnionForm parent={county} onSaved={() => {}} />)
    await fieldsReady()
    type('regionCode', '150103')
    type('code', 'Bad Code')
    tap('org-save')
    await waitFor(() => expect(error('name')).toBe('请填写工会名称'))
    expect(error('level')).toBe('请选择工会类别')
    expect(error('code')).toBe('工会编码只能用小写字母、数字和“-”')
    type('code', 'xc-wl')
    type('name', '示例物流（演示）有限公司工会')
    tap('org-level-3')
    tap('org-save')
    await waitFor(() => expect(error('regionCode')).toBe('须与上级「示例区总工会（演示）」相同：150102'))
    expect(error('name')).toBeNull()
    expect(error('level')).toBeNull()
    expect(fetch).not.toHaveBeenCalled()
  })

  it('sends a good form once, and shows the cloud’s answer beside the field (a code already used)', async () => {
    const { sent } = fakeCloud(() => ({ ok: false, error: { code: 'UNION_CODE_TAKEN', message: '工会编码 xc-wl 已被使用，请换一个', fields: { code: 'xc-wl 已被使用，请换一个' } } }))
    const saved = jest.fn()
    await testUtils.mount(() => <UnionForm parent={county} onSaved={saved} />)
    await fieldsReady()
    type('name', '示例物流（演示）有限公司工会')
    tap('org-level-3')
    type('code', 'XC-WL')
    tap('org-save')
    await waitFor(() => expect(error('code')).toBe('xc-wl 已被使用，请换一个'), 5000)
    expect(error('_')).toBe('工会编码 xc-wl 已被使用，请换一个')
    expect(saved).not.toHaveBeenCalled()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ action: 'add', data: { parentId: 'xc', level: 'grassroots', name: '示例物流（演示）有限公司工会', regionCode: '150102', code: 'XC-WL' } })
    expect(String(sent[0].data.idempotencyKey)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('below a grassroots union there is nothing to add', async () => {
    fakeCloud(() => ({ ok: true }))
    await testUtils.mount(() => <UnionForm parent={union({ id: 'kd', name: '示例速递（演示）工会', level: 'grassroots' })} onSaved={() => {}} />)
    await waitFor(() => expect(byId('org-field-level')?.textContent).toContain('「示例速递（演示）工会」是基层工会，下面不能再设工会'))
  })
})

describe('editing a union', () => {
  it('keeps an imported code as it is, holds a changed code to the rules for new codes, and sends the edit', async () => {
    const edited = union({ id: 'k', code: 'k', name: '示例（演示）工会', level: 'grassroots', own: false })
    const { sent, fetch } = fakeCloud((_action, data) => ({ ok: true, data: { ...edited, ...data } }))
    const saved = jest.fn()
    await testUtils.mount(() => <UnionForm union={edited} onSaved={saved} />)
    await fieldsReady()
    expect(byId('org-field-level')).toBeNull()
    type('code', 'x-')
    tap('org-save')
    await waitFor(() => expect(error('code')).toBe('工会编码不能以“-”开头或结尾'))
    expect(fetch).not.toHaveBeenCalled()
    type('code', 'k')
    type('name', '示例（演示）工会（更名）')
    tap('org-save')
    await waitFor(() => expect(saved).toHaveBeenCalled(), 5000)
    expect(sent).toEqual([{ action: 'edit', data: { unionId: 'k', name: '示例（演示）工会（更名）', regionCode: '150102', code: 'k' } }])
  })
})

describe('closing a union', () => {
  it('names what blocks the close and offers no button', async () => {
    Current.router = { params: { id: 'kd' }, path: '/features/org/pages/close/index', onReady: '', onHide: '', onShow: '' } as never
    const kd = union({ id: 'kd', code: 'kd', name: '示例速递（演示）工会', level: 'grassroots', own: false })
    const blocked = '「示例速递（演示）工会」暂不能撤销：1 份入会申请待审核。请在“入会审核”中处理完申请后再撤销。'
    fakeCloud((action) =>
      action === 'get' ? { ok: true, data: kd } : { ok: true, data: { members: 3, pendingApplications: 1, transfersInFlight: 0, openChildren: 0, openChildNames: [], blocked } },
    )
    await testUtils.mount(CloseUnion)
    await waitFor(() => expect(byTestId('org-close-blocked')?.textContent).toBe(blocked), 5000)
    expect(byTestId('org-close')?.textContent).toContain('会员 3 位')
    expect(byId('org-close-ask')).toBeNull()
  })

  it('asks twice, closes, and says how many members were told', async () => {
    Current.router = { params: { id: 'kd' }, path: '/features/org/pages/close/index', onReady: '', onHide: '', onShow: '' } as never
    const kd = union({ id: 'kd', code: 'kd', name: '示例速递（演示）工会', level: 'grassroots', own: false })
    const { sent } = fakeCloud((action) => {
      if (action === 'get') return { ok: true, data: kd }
      if (action === 'closeCheck') return { ok: true, data: { members: 3, pendingApplications: 0, transfersInFlight: 0, openChildren: 0, openChildNames: [], blocked: null } }
      if (action === 'close') return { ok: true, data: { ...kd, status: 'closed', pending: 'notify', membersNotified: 2, closedAt: '2026-11-23T08:00:00.000Z' } }
      return { ok: true, data: { ...kd, status: 'closed', pending: null, membersNotified: 3, closedAt: '2026-11-23T08:00:00.000Z' } }
    })
    await testUtils.mount(CloseUnion)
    await waitFor(() => expect(byId('org-close-ask')).not.toBeNull(), 5000)
    tap('org-close-ask')
    await waitFor(() => expect(byId('org-close-confirm')).not.toBeNull())
    expect(sent.map((s) => s.action)).not.toContain('close')
    tap('org-close-confirm')
    await waitFor(() => expect(byTestId('org-closed')?.textContent).toContain('已通知 3 位会员办理转会'), 5000)
    expect(sent.map((s) => s.action)).toEqual(['get', 'closeCheck', 'close', 'finish'])
  })
})
