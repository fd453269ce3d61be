import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { ActionOutput, TransferView } from '@domain/contract'
import JoinReview from '@/features/join/pages/review/index'
import TransferQueue from '@/features/transfer/pages/queue/index'
import Notice from '@/features/aid/pages/notice/index'
import { pageCursor } from '@domain/paging'
import { useSession } from '@/stores/session'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor, type FakeResponse } from '../setup/app'

const testUtils = new TestUtils()
/** A cursor as the cloud writes them (the client checks it against the contract before sending). */
const C1 = pageCursor({ value: '2026-11-23T08:00:00.000Z', id: 'b' })

/** The cloud, answered per action; `sent` keeps every request the page made. */
function fakeCloud(answers: Record<string, (data: any) => unknown>) {
  const sent: Array<{ action: string; data: any }> = []
  stubFetch(async (_url, init): Promise<FakeResponse> => {
    const body = JSON.parse(String(init?.body)) as { action: string; data: unknown }
    sent.push(body)
    const answer = answers[body.action]
    if (!answer) return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
    return jsonResponse({ ok: true, data: await answer(body.data) })
  })
  return sent
}

const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)

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

type JoinItem = ActionOutput<'review', 'queue'>['items'][number]
const application = (id: string, name: string): JoinItem => ({
  id, name, status: 'pending', union: { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots' },
  idMasked: '150102********2477', gender: 'male', birthDate: '1995-06-15', phone: '13912345678', ethnicity: '汉族', education: '大专',
  politicalStatus: '群众', hukou: '农村', employer: '示例外卖平台（演示）', employment: 'food_delivery',
  submittedAt: '2026-11-23T08:00:00.000Z', decidedAt: null, rejectReason: null, memberNo: null, waitedMinutes: 5, waited: '5 分钟',
  idGroup: null, sameIdCount: 1,
})

describe('入会审核: the queue pages on and keeps its place', () => {
  const names = () => Array.from(document.querySelectorAll('[data-testid^="application-"] .join-review__name')).map((n) => n.textContent)

  it('共 N 份待审核, 加载更多 appends, a decision removes only that one, and the end says how many', async () => {
    let release: (() => void) | null = null
    const sent = fakeCloud({
      queue: (data: { cursor?: string }) => {
        if (!data.cursor) return { items: [application('a', '甲'), application('b', '乙')], nextCursor: C1, total: 3 }
        return new Promise((resolve) => {
          release = () => resolve({ items: [application('b', '乙'), application('c', '丙')], nextCursor: null, total: 3 })
        })
      },
      approve: (data: { applicationId: string }) => ({ ...application(data.applicationId, '乙'), status: 'approved' }),
    })
    await testUtils.mount(JoinReview)
    await waitFor(() => expect(names()).toEqual(['甲', '乙']), 5000)
    expect(byTestId('review-total')?.textContent).toBe('共 3 份待审核')
    expect(byTestId('review-end')).toBeNull()
    tap('review-more')
    await waitFor(() => expect(byId('review-more')?.textContent).toContain('加载中'))
    release!()
    await waitFor(() => expect(names()).toEqual(['甲', '乙', '丙']))
    expect(byId('review-more')).toBeNull()
    expect(byTestId('review-end')?.textContent).toBe('已显示全部 3 份')

    tap('approve-b')
    await waitFor(() => expect(names()).toEqual(['甲', '丙']))
    expect(byTestId('review-total')?.textContent).toBe('共 2 份待审核')
    // Taken out where it was: the queue was not read again from the top.
    expect(sent.map((s) => [s.action, s.data])).toEqual([['queue', {}], ['queue', { cursor: C1 }], ['approve', { applicationId: 'b' }]])
  })

  it('one decided by another clerk first leaves the list too, with the reason in a toast', async () => {
    const sent: string[] = []
    stubFetch(async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as { action: string }
      sent.push(body.action)
      if (body.action === 'queue') return jsonResponse({ ok: true, data: { items: [application('a', '甲'), application('b', '乙')], nextCursor: null, total: 2 } })
      return jsonResponse({ ok: false, error: { code: 'ALREADY_DECIDED', message: '该申请已处理过了，请刷新' } }, 409)
    })
    await testUtils.mount(JoinReview)
    await waitFor(() => expect(names()).toEqual(['甲', '乙']), 5000)
    tap('approve-a')
    await waitFor(() => expect(names()).toEqual(['乙']))
    expect(sent).toEqual(['queue', 'approve'])
  })

  it('puts the applications with one ID number side by side, marked; approving one takes the others off', async () => {
    const same = (id: string, name: string): JoinItem => ({ ...application(id, name), idGroup: 'g1', sameIdCount: 2 })
    fakeCloud({
      queue: () => ({ items: [same('a', '甲'), application('b', '乙'), same('c', '丙')], nextCursor: null, total: 3 }),
      approve: (data: { applicationId: string }) => ({ ...same(data.applicationId, '丙'), status: 'approved' }),
    })
    await testUtils.mount(JoinReview)
    await waitFor(() => expect(names()).toEqual(['甲', '丙', '乙']), 5000)
    expect(byTestId('same-id-a')?.textContent).toBe('同一身份证号有 2 份申请，只能通过其中一份')
    expect(byTestId('same-id-c')).not.toBeNull()
    expect(byTestId('same-id-b')).toBeNull()
    tap('approve-c')
    await waitFor(() => expect(names()).toEqual(['乙']))
  })

  it('nothing waiting: the empty state, no total, no 加载更多', async () => {
    fakeCloud({ queue: () => ({ items: [], nextCursor: null, total: 0 }) })
    await testUtils.mount(JoinReview)
    await waitFor(() => expect(byTestId('review-empty')).not.toBeNull(), 5000)
    expect(byTestId('review-total')).toBeNull()
    expect(byId('review-more')).toBeNull()
  })
})

const transfer = (id: string, memberName: string): TransferView => ({
  id, status: 'pending_release', memberName, memberNo: '150102000001',
  fromUnion: { id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots' },
  toUnion: { id: 'hhht-hm-jz', name: '示例建筑（演示）有限公司工会', level: 'grassroots' },
  reason: 'job_change', reasonText: null, newEmployer: '示例建筑（演示）有限公司', jobType: 'employee', createdAt: '2026-11-23T08:00:00.000Z',
  autoReleaseAt: '2026-12-08T08:00:00.000Z', releasedAt: null, releasedBy: null, closedAt: null, rejectReason: null,
})

describe('转会待办: each side pages on; a decision keeps the place', () => {
  const rows = () => Array.from(document.querySelectorAll('[data-testid^="transfer-"] .transfer-queue__name')).map((n) => n.textContent?.split(' · ')[0])

  it('pages the outgoing side, releases one in place, and a tab switch reads the other side from its start', async () => {
    let holdIncoming: ((v: unknown) => void) | null = null
    const sent = fakeCloud({
      queue: (data: { side: string; cursor?: string }) => {
        if (data.side === 'incoming') return new Promise((resolve) => (holdIncoming = resolve))
        return data.cursor ? { items: [transfer('t3', '丙')], nextCursor: null, total: 3 } : { items: [transfer('t1', '甲'), transfer('t2', '乙')], nextCursor: C1, total: 3 }
      },
      release: (data: { transferId: string }) => ({ ...transfer(data.transferId, '甲'), status: 'pending_accept' }),
    })
    await testUtils.mount(TransferQueue)
    await waitFor(() => expect(rows()).toEqual(['甲', '乙']), 5000)
    expect(byTestId('queue-total')?.textContent).toBe('共 3 件待办')
    tap('queue-more')
    await waitFor(() => expect(rows()).toEqual(['甲', '乙', '丙']))
    expect(byTestId('queue-end')?.textContent).toBe('已显示全部 3 件')
    testUtils.fireEvent.click(document.querySelector('[data-testid="transfer-t2"] #release-transfer')!)
    await waitFor(() => expect(rows()).toEqual(['甲', '丙']))
    expect(byTestId('queue-total')?.textContent).toBe('共 2 件待办')

    tap('tab-incoming')
    // The outgoing rows never stand under the incoming tab, not even while it loads.
    await waitFor(() => expect(rows()).toEqual([]))
    holdIncoming!({ items: [transfer('t9', '戊')], nextCursor: null, total: 1 })
    await waitFor(() => expect(rows()).toEqual(['戊']))
    expect(sent.map((s) => [s.action, s.data])).toEqual([
      ['queue', { side: 'outgoing' }],
      ['queue', { side: 'outgoing', cursor: C1 }],
      ['release', { transferId: 't2' }],
      ['queue', { side: 'incoming' }],
    ])
  })
})

describe('金秋助学公示: public, pages on', () => {
  const entry = (id: string, maskedName: string) => ({ id, maskedName, school: '内蒙古大学（示例）', level: 'undergraduate', amountFen: 500000, unionName: '呼和浩特市总工会', noticeEndsAt: '2026-11-28T08:00:00.000Z' })
  const shown = () => Array.from(document.querySelectorAll('[data-testid="notice-entry"] .aid-card__title')).map((n) => n.textContent)

  it('opens without sign-in and 加载更多 appends the next page', async () => {
    useSession.getState().signOut()
    const sent = fakeCloud({ notice: (data: { cursor?: string }) => (data.cursor ? { items: [entry('n3', '王*')], nextCursor: null } : { items: [entry('n1', '张*明'), entry('n2', '李*')], nextCursor: C1 }) })
    await testUtils.mount(Notice)
    await waitFor(() => expect(shown()).toEqual(['张*明', '李*']), 5000)
    expect(byTestId('login-needed')).toBeNull()
    tap('notice-more')
    await waitFor(() => expect(shown()).toEqual(['张*明', '李*', '王*']))
    expect(byTestId('notice-end')?.textContent).toBe('已显示全部 3 条')
    expect(sent.map((s) => s.data)).toEqual([{}, { cursor: C1 }])
  })

  it('提出异议 signed out goes to sign-in, told to come back to this entry; signed in it opens the form', async () => {
    useSession.getState().signOut()
    fakeCloud({ notice: () => ({ items: [entry('n1', '张*明'), entry('n2', '李*')], nextCursor: null }) })
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { path: '/features/aid/pages/notice/index', params: {} } } as never)
    await testUtils.mount(Notice)
    await waitFor(() => expect(shown()).toEqual(['张*明', '李*']), 5000)
    tap('object-n2')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?back=${encodeURIComponent('/features/aid/pages/notice/index?object=n2')}` }))
    expect(byTestId('objection-text')).toBeNull()
    signIn()
    await waitFor(() => expect(shown()).toEqual(['张*明', '李*']))
    tap('object-n2')
    await waitFor(() => expect(byTestId('objection-text')).not.toBeNull())
    expect(navigateTo).toHaveBeenCalledTimes(1)
  })
})
