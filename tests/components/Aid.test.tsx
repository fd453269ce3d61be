import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { AidApplicationView, Profile, Programme } from '@domain/contract'
import { timeline } from '@domain/aid/machine'
import { pageCursor } from '@domain/paging'
import AidHome from '@/features/aid/pages/index/index'
import Apply from '@/features/aid/pages/apply/index'
import Review from '@/features/aid/pages/review/index'
import { Timeline } from '@/features/aid/components/Timeline'
import { useAidDraft } from '@/features/aid/store'
import type { ReviewItem } from '@/features/aid/useReviewList'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor, type FakeResponse } from '../setup/app'
import { cardFor, idFor } from '../helpers/aid'

const testUtils = new TestUtils()

const programme: Programme = {
  id: 'aid-1', unionId: 'hhht', unionName: '呼和浩特市总工会', year: 2026, name: '2026 年金秋助学（演示）',
  // Wide open: the pages compare with the real clock.
  opensAt: '2000-01-01T00:00:00.000Z', closesAt: '2100-01-01T00:00:00.000Z',
  amounts: { undergraduate: { registered: 500000, other: 400000 } }, categories: ['dibao', 'dibao_edge'], requiredDocuments: ['admission_letter'], noticeDays: 5, exclusions: '', window: 'open',
  excludes: ['military'], funds: 'new_only', maxYears: 1, homeVisit: true,
}
const member: Profile = {
  displayName: '张三', roles: [], held: [], privacyAgreedVersion: null,
  membership: { union: { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots' }, unionPath: [], memberNo: '150102000001', joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' },
}

/** The cloud, answered per action; `sent` keeps every request the page made. */
function fakeCloud(answers: Record<string, unknown | ((data: any) => unknown)>) {
  const sent: Array<{ action: string; data: any }> = []
  const fetchMock = stubFetch(async (_url, init): Promise<FakeResponse> => {
    const body = JSON.parse(String(init?.body)) as { action: string; data: unknown }
    sent.push(body)
    const answer = answers[body.action]
    if (answer === undefined) return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
    return jsonResponse({ ok: true, data: typeof answer === 'function' ? await (answer as (d: unknown) => unknown)(body.data) : answer })
  })
  return { sent, fetchMock }
}

/** Types into the field inside a test id, as a person would: the element's own value setter, then an input event. */
const type = (testId: string, value: string) => {
  const field = byTestId(testId)!.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value)
  testUtils.fireEvent.input(field)
}
/** Taro's input components render their native input a moment after the page. */
const fieldsReady = () => waitFor(() => document.querySelectorAll('.aid-field').forEach((f) => expect(f.querySelector('input, textarea')).not.toBeNull()))
const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)
const stepTitle = () => byTestId('step-title')?.textContent ?? ''
/** Everything the app keeps on the device. */
const stored = () => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n')

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
  useAidDraft.getState().reset()
  Current.router = { params: {}, path: '/features/aid/pages/apply/index', onReady: '', onHide: '', onShow: '' } as never
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('金秋助学: the eligibility check before the form', () => {
  async function open(profile: Profile = member) {
    fakeCloud({ profile, programme, mine: [] })
    await testUtils.mount(AidHome)
    await waitFor(() => expect(byTestId('eligibility')).not.toBeNull(), 5000)
  }
  const result = () => byTestId('eligibility-result')?.textContent ?? ''

  it('eligible: the amount and a way into the form', async () => {
    await open()
    tap('q-level-undergraduate')
    tap('q-category-dibao')
    tap('check-eligibility')
    await waitFor(() => expect(result()).toContain('可以申请，本科（建档）资助标准 ¥5,000'))
    expect(byId('start-application')).not.toBeNull()
    // The answers go to the form, which does not ask them again.
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    tap('start-application')
    expect(navigate).toHaveBeenCalledWith({ url: '/features/aid/pages/apply/index?level=undergraduate&category=dibao' })
  })

  it('not eligible: why, and whom to contact, with no way into the form', async () => {
    await open()
    tap('q-level-high_school')
    tap('q-category-dibao')
    tap('check-eligibility')
    await waitFor(() => expect(result()).toContain('本项目不资助高中学生'))
    expect(result()).toContain('如有疑问，请联系呼和浩特市总工会或所在基层工会')
    expect(byId('start-application')).toBeNull()

    tap('q-level-undergraduate')
    tap('q-category-accident')
    tap('check-eligibility')
    await waitFor(() => expect(result()).toContain('本项目资助的困难类别为：低保户、低保边缘户'))

    tap('q-category-dibao')
    tap('q-admitted-no')
    tap('check-eligibility')
    await waitFor(() => expect(result()).toContain('只资助 2026 年新录取的学生'))
  })

  it('not a member: join first', async () => {
    await open({ ...member, membership: null })
    tap('q-level-undergraduate')
    tap('q-category-dibao')
    tap('check-eligibility')
    await waitFor(() => expect(result()).toContain('金秋助学面向工会会员家庭，请先入会'))
    expect(byId('start-application')).toBeNull()
  })
})

describe('金秋助学: the application form', () => {
  async function openAt(step: number) {
    const cloud = fakeCloud({ profile: member, programme, submit: (data: { child: { name: string } }) => ({ id: 'new', child: data.child }) })
    useAidDraft.setState({ step })
    await testUtils.mount(Apply)
    await waitFor(() => expect(byTestId('apply-form')).not.toBeNull(), 5000)
    await fieldsReady()
    return cloud
  }

  it('a child ID with a wrong checksum shows the inline error, keeps the step and sends nothing', async () => {
    const { fetchMock } = await openAt(1)
    const loads = fetchMock.mock.calls.length
    type('child-name', '张小明')
    tap('level-undergraduate')
    const good = idFor('20080510')
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    type('child-id', wrong)
    type('child-school', '内蒙古大学（示例）')
    await waitFor(() => expect(byTestId('apply-form')?.textContent).toContain('子女身份证号校验位不正确'))
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toContain('子女身份证号校验位不正确'))
    expect(stepTitle()).toContain('第 2 步')
    expect(fetchMock.mock.calls.length).toBe(loads)

    // An ID that makes a college student three years old is as wrong.
    type('child-id', idFor('20230301'))
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toContain('按身份证号子女今年 3 岁'))
    expect(stepTitle()).toContain('第 2 步')

    type('child-id', good)
    tap('step-next')
    await waitFor(() => expect(stepTitle()).toContain('第 3 步'))
    expect(byTestId('form-problem')).toBeNull()
    expect(fetchMock.mock.calls.length).toBe(loads)
  })

  it('the household step refuses a household of zero and a negative income', async () => {
    const { fetchMock } = await openAt(2)
    const loads = fetchMock.mock.calls.length
    type('household-size', '0')
    type('household-income', '12000')
    tap('category-dibao')
    type('household-description', '父亲因病无法工作（示例）')
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toBe('家庭人口数至少为 1'))
    type('household-size', '3')
    type('household-income', '-100')
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toBe('家庭年收入不能为负数'))
    expect(stepTitle()).toContain('第 3 步')
    type('household-income', '12000')
    // #15: 农民工 and each exclusion answered yes/no; a yes the programme excludes stops here, as in the cloud.
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toBe('请回答是否农民工家庭'))
    tap('migrant-yes')
    for (const e of ['free_teacher', 'directed', 'government_aid']) tap(`declare-${e}-no`)
    tap('declare-military-yes')
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toBe('本项目不资助军事院校学生'))
    expect(stepTitle()).toContain('第 3 步')
    tap('declare-military-no')
    tap('step-next')
    await waitFor(() => expect(stepTitle()).toContain('第 4 步'))
    expect(useAidDraft.getState().household).toEqual({ size: '3', annualIncomeYuan: '12000', category: 'dibao', description: '父亲因病无法工作（示例）', migrantWorker: true })
    expect(useAidDraft.getState().declarations).toEqual({ military: false, free_teacher: false, directed: false, government_aid: false })
    expect(fetchMock.mock.calls.length).toBe(loads)
  })

  it('a field’s error goes as soon as the field is fixed', async () => {
    await openAt(1)
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toBe('请填写子女姓名'))
    expect(byTestId('error-name')?.textContent).toBe('请填写子女姓名')
    type('child-name', '张小明')
    await waitFor(() => expect(byTestId('error-name')).toBeNull())
    expect(byTestId('form-problem')?.textContent).not.toContain('请填写子女姓名')
    // The next field still wrong is named; it too goes once chosen.
    expect(byTestId('error-level')?.textContent).toBe('请选择学段')
    tap('level-undergraduate')
    await waitFor(() => expect(byTestId('error-level')).toBeNull())
    expect(stepTitle()).toContain('第 2 步')
  })

  it('学段 and 困难类别 answered in the eligibility check are already chosen, and can be changed', async () => {
    Current.router = { ...Current.router, params: { level: 'undergraduate', category: 'dibao' } } as never
    await openAt(1)
    await waitFor(() => expect(byId('level-undergraduate')?.className).toContain('aid-choice--on'))
    tap('step-next')
    await waitFor(() => expect(byTestId('form-problem')?.textContent).toBe('请填写子女姓名'))
    expect(byTestId('error-level')).toBeNull()
    useAidDraft.setState({ step: 2 })
    await waitFor(() => expect(byId('category-dibao')?.className).toContain('aid-choice--on'))
    tap('category-dibao_edge')
    await waitFor(() => expect(byId('category-dibao_edge')?.className).toContain('aid-choice--on'))
    expect(useAidDraft.getState().household.category).toBe('dibao_edge')
  })

  it('from step 2 on, 上一步 and 下一步 are both there, side by side', async () => {
    await openAt(2)
    const back = byId('step-back')!
    const next = byId('step-next')!
    expect(back.textContent).toContain('上一步')
    expect(next.textContent).toContain('下一步')
    expect(back.parentElement).toBe(next.parentElement)
    // Equal halves of one row (aid.scss), not two full-width blocks.
    for (const button of [back, next]) expect(button.className).toContain('aid-actions__button')
    expect(back.className).not.toContain('block')
    tap('step-back')
    await waitFor(() => expect(stepTitle()).toContain('第 2 步'))
  })

  it('the draft on the phone never holds the child’s ID or the card number, though the submission carries both', async () => {
    const { sent } = await openAt(1)
    const id = idFor('20080510')
    const card = cardFor()
    type('child-name', '张小明')
    tap('level-undergraduate')
    type('child-id', id)
    type('child-school', '内蒙古大学（示例）')
    tap('step-next')
    await waitFor(() => expect(stepTitle()).toContain('第 3 步'))
    expect(stored()).toContain('张小明')
    expect(stored()).not.toContain(id)
    expect(stored()).not.toContain(id.slice(6, 14))

    useAidDraft.setState({ household: { size: '3', annualIncomeYuan: '12000', category: 'dibao', description: '示例', migrantWorker: false }, declarations: { military: false, free_teacher: false, directed: false, government_aid: false }, documents: [{ kind: 'admission_letter', fileId: 'f1', name: '录取通知书.png' }], step: 4 })
    await waitFor(() => expect(stepTitle()).toContain('第 5 步'))
    await fieldsReady()
    tap('consent-sensitive-yes')
    type('payout-bank', '示例银行')
    type('payout-card', card)
    await waitFor(() => expect(useAidDraft.getState().bank).toBe('示例银行'))
    expect(stored()).toContain('示例银行')
    expect(stored()).not.toContain(card)
    expect(stored()).not.toContain(card.slice(-8))

    tap('submit-application')
    await waitFor(() => expect(sent.some((s) => s.action === 'submit')).toBe(true), 3000)
    const submit = sent.find((s) => s.action === 'submit')!
    expect(submit.data).toMatchObject({ child: { idNumber: id, name: '张小明' }, payout: { cardNumber: card }, household: { annualIncomeFen: 1_200_000, size: 3 } })
    expect(stored()).not.toContain(id)
    expect(stored()).not.toContain(card)
  })
})

const application = (status: AidApplicationView['status'], over: Partial<AidApplicationView> = {}): AidApplicationView => {
  const fields = {
    status,
    submittedAt: '2026-11-05T02:00:00.000Z',
    returnNote: status === 'returned' ? '录取通知书照片不清楚' : null,
    rejectReason: status === 'rejected' ? '已获政府同类资助' : null,
    noticeEndsAt: status === 'approved' || status === 'paid' ? '2026-11-20T16:00:00.000Z' : null,
    paidAt: status === 'paid' ? '2026-11-25' : null,
    paidReference: status === 'paid' ? 'PAY-001' : null,
    ...over,
  }
  return {
    id: `app-${status}`, programmeId: 'aid-1', programmeName: programme.name, year: 2026, unionName: '示例速递（演示）有限公司工会', applicantName: '张三',
    child: { name: '张小明', idMasked: '150102********1234', relation: 'parent', school: '内蒙古大学（示例）', major: '', admissionYear: 2026, level: 'undergraduate', age: 18 },
    household: { size: 3, annualIncomeFen: 1_200_000, perCapitaMonthlyFen: 33_333, category: 'dibao', description: '示例', migrantWorker: false },
    declarations: { military: false, free_teacher: false, directed: false, government_aid: false }, renewalOf: null,
    documents: [{ kind: 'admission_letter', fileId: 'f1' }], payout: { bank: '示例银行', cardMasked: '**** 1234' },
    amountFen: status === 'approved' || status === 'paid' ? 500000 : null,
    ...fields,
    timeline: timeline(fields),
  }
}

describe('金秋助学: the timeline', () => {
  const states = () => ['submitted', 'level_one', 'level_two', 'notice', 'paid'].map((k) => byTestId(`step-${k}`)?.getAttribute('data-state'))
  const text = (key: string) => byTestId(`step-${key}`)?.textContent ?? ''

  it.each([
    ['submitted', ['done', 'current', 'todo', 'todo', 'todo'], 'level_one', '基层审核'],
    ['verified', ['done', 'done', 'current', 'todo', 'todo'], 'level_two', '上级审批'],
    ['approved', ['done', 'done', 'done', 'current', 'todo'], 'notice', '公示中公示至 2026-11-21'],
    ['returned', ['done', 'stopped', 'todo', 'todo', 'todo'], 'level_one', '退回修改录取通知书照片不清楚'],
    ['rejected', ['done', 'done', 'stopped', 'todo', 'todo'], 'level_two', '未通过已获政府同类资助'],
    ['paid', ['done', 'done', 'done', 'done', 'done'], 'paid', '已发放2026-11-25 PAY-001'],
  ] as const)('%s', async (status, expected, key, words) => {
    const a = application(status)
    await testUtils.mount(() => <Timeline steps={a.timeline} />)
    expect(states()).toEqual(expected)
    expect(text(key)).toBe(words)
    expect(text('submitted')).toBe('已提交2026-11-05')
  })

  it('the parent sees each application with its timeline on 金秋助学', async () => {
    fakeCloud({ profile: member, programme, mine: [application('returned'), application('paid', { id: 'older' })] })
    await testUtils.mount(AidHome)
    await waitFor(() => expect(document.querySelectorAll('[data-testid="my-application"]')).toHaveLength(2), 5000)
    const [returned, paid] = Array.from(document.querySelectorAll('[data-testid="my-application"]'))
    expect(returned.querySelector('[data-state="stopped"]')?.textContent).toBe('退回修改录取通知书照片不清楚')
    expect(returned.querySelector('#correct-application')).not.toBeNull()
    expect(paid.querySelector('[data-testid="step-paid"]')?.getAttribute('data-state')).toBe('done')
    expect(paid.querySelector('#correct-application')).toBeNull()
  })
})

describe('金秋助学: the reviewer’s list pages on', () => {
  const C1 = pageCursor({ value: '2026-11-23T08:00:00.000Z', id: 'b' })
  const item = (id: string, name: string): ReviewItem => ({ ...application('submitted'), id, child: { ...application('submitted').child, name }, canAct: ['verify', 'send_back'], canResolve: false, objections: [], homeVisit: null, canVisit: true })
  const names = () => Array.from(document.querySelectorAll('[data-testid="review-item"] .aid-card__title')).map((n) => n.textContent)

  it('加载更多 shows it is loading, appends the next page, and says when there is no more', async () => {
    let release: (() => void) | null = null
    const { sent } = fakeCloud({
      reviewList: (data: { cursor?: string }) => {
        if (!data.cursor) return { items: [item('a', '甲'), item('b', '乙')], nextCursor: C1 }
        return new Promise((resolve) => {
          release = () => resolve({ items: [item('b', '乙'), item('c', '丙')], nextCursor: null })
        })
      },
    })
    await testUtils.mount(Review)
    await waitFor(() => expect(names()).toEqual(['甲 · 张三', '乙 · 张三']), 5000)
    expect(byTestId('review-end')).toBeNull()
    tap('review-more')
    await waitFor(() => expect(byId('review-more')?.textContent).toContain('加载中'))
    expect(sent.map((s) => s.data)).toEqual([{}, { cursor: C1 }])
    release!()
    await waitFor(() => expect(names()).toEqual(['甲 · 张三', '乙 · 张三', '丙 · 张三']))
    expect(byId('review-more')).toBeNull()
    expect(byTestId('review-end')?.textContent).toContain('已显示全部 3 份申请')
  })

  it('nothing to review: the empty state, no 加载更多', async () => {
    fakeCloud({ reviewList: { items: [], nextCursor: null } })
    await testUtils.mount(Review)
    await waitFor(() => expect(byTestId('review-empty')).not.toBeNull(), 5000)
    expect(byId('review-more')).toBeNull()
    expect(byTestId('review-end')).toBeNull()
  })
})

// #14 item 8: level two closes several objections as unfounded in one tap.
describe('金秋助学: level two closes several objections at once', () => {
  const objection = (id: string, status: 'open' | 'upheld' | 'dismissed') => ({ id, text: `异议${id}`, createdAt: '2026-11-23T08:00:00.000Z', status })
  const approved = (objections: ReturnType<typeof objection>[]): ReviewItem => ({ ...application('approved'), id: 'a1', canAct: [], canResolve: true, objections, homeVisit: null, canVisit: false })

  it('one button dismisses every open objection of the card, with the note', async () => {
    const { sent } = fakeCloud({
      reviewList: { items: [approved([objection('o1', 'open'), objection('o2', 'dismissed'), objection('o3', 'open')])], nextCursor: null },
      dismissObjections: approved([objection('o1', 'dismissed'), objection('o2', 'dismissed'), objection('o3', 'dismissed')]),
    })
    await testUtils.mount(Review)
    await waitFor(() => expect(byId('objections-dismiss-all')?.textContent).toContain('2 条异议全部不成立'), 5000)
    await fieldsReady()
    type('review-note', '经核实均为误解')
    tap('objections-dismiss-all')
    await waitFor(() => expect(sent.some((s) => s.action === 'dismissObjections')).toBe(true))
    expect(sent.find((s) => s.action === 'dismissObjections')!.data).toEqual({ objectionIds: ['o1', 'o3'], note: '经核实均为误解' })
    await waitFor(() => expect(document.body.textContent).not.toContain('全部不成立'))
    expect(Array.from(document.querySelectorAll('[data-testid="objection"]')).map((n) => n.textContent)).toEqual(['异议（不成立）：异议o1', '异议（不成立）：异议o2', '异议（不成立）：异议o3'])
  })

  it('no such button for one open objection, or for level one', async () => {
    fakeCloud({ reviewList: { items: [approved([objection('o1', 'open')]), { ...approved([objection('o2', 'open'), objection('o3', 'open')]), id: 'a2', canResolve: false }], nextCursor: null } })
    await testUtils.mount(Review)
    await waitFor(() => expect(document.querySelectorAll('[data-testid="objection"]')).toHaveLength(3), 5000)
    expect(byId('objections-dismiss-all')).toBeNull()
  })
})
