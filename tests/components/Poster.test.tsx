import { TextEncoder } from 'node:util'
import TestUtils from '@tarojs/test-utils-react'
import { Current } from '@tarojs/runtime'
import Poster from '@/features/join/pages/poster/index'
import type { PosterUnion } from '@/features/join/usePosterUnions'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, typeInto, waitFor, type FakeResponse } from '../setup/app'

// The poster's QR code (the qrcode package) encodes with TextEncoder, which jsdom leaves out.
Object.assign(globalThis, { TextEncoder })

/** The clerk's join-poster page: a search box over their subtree's unions, 加载更多, and the poster of the one picked. */
const testUtils = new TestUtils()
// The first mount loads Taro's H5 runtime and NutUI: a few seconds on a cold run.
jest.setTimeout(20_000)

const union = (id: string, name: string, autoApprove = false): PosterUnion => ({ id, code: id, name, level: 'grassroots', parentName: '示例区总工会（演示）', path: ['示例区总工会（演示）', name], autoApprove })
const A = union('u-a', '示例甲（演示）工会')
const B = union('u-b', '示例乙（演示）工会')
const C = union('u-c', '示例丙速递（演示）工会')
const D = union('u-d', '示例丁速递（演示）工会')

type Answer = (data: { keyword?: string; cursor?: string; unionId?: string }) => unknown

/** Answers posterUnions with `answer` (which may hold a request back); keeps every request. */
function fakeCloud(answer: Answer) {
  const sent: Array<{ action: string; data: { keyword?: string; cursor?: string; unionId?: string } }> = []
  stubFetch(async (_url, init): Promise<FakeResponse> => {
    const body = JSON.parse(String(init?.body)) as (typeof sent)[number]
    sent.push(body)
    if (body.action === 'setAutoApprove') return jsonResponse({ ok: true, data: body.data })
    return jsonResponse({ ok: true, data: await answer(body.data) })
  })
  return sent
}

const listed = () => Array.from(document.querySelectorAll('[id^="poster-pick-"] .join-find__name')).map((n) => n.textContent)
const poster = () => byTestId('join-poster')?.querySelector('.join-union__name')?.textContent
const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)
const typeKeyword = (value: string) => typeInto('field-poster-keyword', value)

beforeEach(() => {
  resetApp()
  signIn()
  agreePrivacy()
  Current.router = { params: {}, path: '/features/join/pages/poster/index', onReady: '', onHide: '', onShow: '' } as never
})
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('入会二维码: choosing among many unions', () => {
  it('opened for one union (组织管理 after adding it) shows that union’s poster, with its code today, whatever the list starts with', async () => {
    Current.router = { params: { union: 'u-new' }, path: '/features/join/pages/poster/index', onReady: '', onHide: '', onShow: '' } as never
    const added = { ...union('u-new', '示例新建（演示）工会'), code: 'xc-new' }
    const sent = fakeCloud(({ unionId }) => (unionId ? { unions: [added], nextCursor: null } : { unions: [A, B], nextCursor: null }))
    await testUtils.mount(Poster)
    await waitFor(() => expect(poster()).toBe(added.name), 5000)
    await waitFor(() => expect(listed()).toHaveLength(2))
    expect(poster()).toBe(added.name)
    expect(byTestId('join-poster')?.textContent).toContain('工会编码 xc-new')
    expect(sent.map((s) => s.data)).toEqual(expect.arrayContaining([{ unionId: 'u-new' }, {}]))
  })

  it('shows the first union’s poster, lists the unions, and 加载更多 appends the next page', async () => {
    let release: (() => void) | null = null
    const sent = fakeCloud(({ cursor }) => (cursor ? new Promise((resolve) => (release = () => resolve({ unions: [C], nextCursor: null }))) : { unions: [A, B], nextCursor: 'u-b:示例乙（演示）工会' }))
    await testUtils.mount(Poster)
    await waitFor(() => expect(listed()).toEqual(['示例甲（演示）工会（当前）', '示例乙（演示）工会']), 5000)
    expect(poster()).toBe(A.name)
    expect(byTestId('poster-end')).toBeNull()
    tap('poster-more')
    await waitFor(() => expect(byId('poster-more')?.textContent).toContain('加载中'))
    release!()
    await waitFor(() => expect(listed()).toHaveLength(3))
    expect(sent.map((s) => s.data)).toEqual([{}, { cursor: 'u-b:示例乙（演示）工会' }])
    expect(byId('poster-more')).toBeNull()
    expect(byTestId('poster-end')?.textContent).toBe('共 3 个工会')
    // Picking another union shows its poster; the list marks it (in words, not only by colour).
    tap('poster-pick-u-c')
    await waitFor(() => expect(poster()).toBe(C.name))
    expect(listed()[2]).toBe('示例丙速递（演示）工会（当前）')
  })

  it('searches by name or region; the poster stays on the union shown until another is picked; an answer overtaken by a newer search is dropped', async () => {
    const held: Record<string, () => void> = {}
    const sent = fakeCloud(({ keyword }) => {
      if (!keyword) return { unions: [A, B], nextCursor: 'u-b:示例乙（演示）工会' }
      if (keyword === '甲') return new Promise((resolve) => (held['甲'] = () => resolve({ unions: [A], nextCursor: null })))
      if (keyword === '速递') return { unions: [C, D], nextCursor: null }
      return { unions: [], nextCursor: null }
    })
    await testUtils.mount(Poster)
    await waitFor(() => expect(listed()).toHaveLength(2), 5000)
    await typeKeyword('甲')
    tap('poster-search')
    await waitFor(() => expect(sent).toHaveLength(2))
    await typeKeyword(' 速递 ')
    tap('poster-search')
    await waitFor(() => expect(listed()).toEqual(['示例丙速递（演示）工会', '示例丁速递（演示）工会']))
    held['甲']()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(listed()).toEqual(['示例丙速递（演示）工会', '示例丁速递（演示）工会'])
    expect(sent.map((s) => s.data)).toEqual([{}, { keyword: '甲' }, { keyword: '速递' }])
    expect(poster()).toBe(A.name)
    expect(byTestId('poster-end')?.textContent).toBe('找到 2 个工会')
    await typeKeyword('没有的')
    tap('poster-search')
    await waitFor(() => expect(byTestId('poster-none')?.textContent).toBe('没有找到“没有的”，可换个关键词'))
    expect(poster()).toBe(A.name)
  })

  it('one union and nothing to choose: the poster alone, no search box', async () => {
    fakeCloud(() => ({ unions: [A], nextCursor: null }))
    await testUtils.mount(Poster)
    await waitFor(() => expect(poster()).toBe(A.name), 5000)
    expect(byTestId('poster-unions')).toBeNull()
  })

  it('switching to 提交即通过 keeps the pages loaded and marks the union', async () => {
    fakeCloud(() => ({ unions: [A, B], nextCursor: null }))
    await testUtils.mount(Poster)
    await waitFor(() => expect(poster()).toBe(A.name), 5000)
    tap('auto-approve-1')
    await waitFor(() => expect(byTestId('auto-approve')?.textContent).toContain('申请提交后立即成为会员'))
    expect(listed()).toHaveLength(2)
  })
})
