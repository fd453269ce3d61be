import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { StationReport } from '@domain/contract'
import { MAX_PHOTO_BYTES } from '@domain/stations/photos'
import ReportPage from '@/features/stations/pages/report/index'
import ReportQueuePage from '@/features/stations/pages/reports/index'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor, type FakeResponse } from '../setup/app'

/**
 * #18 item 1 in jsdom, for what the browser test cannot reach: an upload that fails halfway or is
 * too big, the report waiting for its photo, the sign-in link's contents, a queue photo whose link
 * has lapsed. The web build's own upload path runs (src/platform/upload.ts); only the server is answered here.
 */
const testUtils = new TestUtils()
const PHOTO_ID = 'a'.repeat(32)

/** The cloud and the local server's photo routes, answered per request; `sent` keeps the cloud calls. */
function fakeServer(answers: { cloud?: Record<string, (data: any) => unknown>; photos?: (url: string) => Promise<FakeResponse> }) {
  const sent: Array<{ action: string; data: any }> = []
  stubFetch(async (url, init) => {
    if (url.startsWith('/api/photos')) return answers.photos ? answers.photos(url) : Promise.reject(new TypeError('Failed to fetch'))
    const body = JSON.parse(String(init?.body)) as { action: string; data: unknown }
    sent.push(body)
    const answer = answers.cloud?.[body.action]
    if (!answer) return jsonResponse({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }, 404)
    return jsonResponse({ ok: true, data: await answer(body.data) })
  })
  return sent
}

/** The file the person picks in the browser's file chooser (upload.ts's hidden input), or none. */
function pickNext(file: File | null) {
  jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementationOnce(function (this: HTMLInputElement) {
    Object.defineProperty(this, 'files', { value: file ? [file] : [] })
    this.onchange?.(new Event('change'))
  })
}
const png = (name = '微波炉.png', size = 68) => new File([new Uint8Array(size)], name, { type: 'image/png' })

const tap = (id: string) => testUtils.fireEvent.click(byId(id)!)
const disabled = (id: string) => Boolean(byId(id)?.hasAttribute('disabled') || byId(id)?.className.includes('disabled'))
/** 提交反馈, then what was sent; the page goes back to the station a moment later (waited for: its timer must not outlive the test). */
async function submit(sent: Array<{ action: string; data: any }>) {
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as never)
  const back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never)
  // As a person does: once the button is enabled (it follows the upload a render later).
  await waitFor(() => expect(disabled('submit-report')).toBe(false))
  tap('submit-report')
  await waitFor(() => expect(back).toHaveBeenCalled())
  return sent.find((s) => s.action === 'report')?.data
}
const text = (testId: string) => byTestId(testId)?.textContent ?? ''
const typeNote = (value: string) => {
  const field = byId('report-note')!.querySelector('textarea')!
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, value)
  testUtils.fireEvent.input(field)
}

async function openReport(cloud: Record<string, (data: any) => unknown> = {}, photos?: (url: string) => Promise<FakeResponse>, params: Record<string, string> = {}) {
  Current.router = { params: { code: 'NM000009', ...params }, path: '/features/stations/pages/report/index', onReady: '', onHide: '', onShow: '' } as never
  const sent = fakeServer({ cloud: { get: () => ({ code: 'NM000009', name: '示例环卫工人驿站（演示）#9' }), ...cloud }, photos })
  await testUtils.mount(ReportPage)
  await waitFor(() => expect(byTestId('station-report')).not.toBeNull(), 5000)
  await waitFor(() => expect(byId('report-note')?.querySelector('textarea')).not.toBeNull())
  return sent
}

let blobs = 0
beforeEach(() => {
  resetApp()
  agreePrivacy()
  blobs = 0
  // jsdom has no blob: URLs; the page only passes them on to <Image>.
  URL.createObjectURL = jest.fn(() => `blob:test/${++blobs}`)
  URL.revokeObjectURL = jest.fn()
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('反馈问题: a photo on the report', () => {
  it('signed out: the report still goes; 登录后添加照片 leads to sign-in and back with the kind and amenity, never the note', async () => {
    const sent = await openReport({ report: () => ({ id: 'r1' }) })
    expect(text('report-photo-signed-out')).toContain('附照片需要先登录')
    expect(byId('report-photo-pick')).toBeNull()
    tap('report-kind-amenity')
    await waitFor(() => expect(byId('report-amenity-1')).not.toBeNull())
    tap('report-amenity-1')
    typeNote('微波炉坏了')
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { path: '/features/stations/pages/report/index', params: { code: 'NM000009' } } } as never)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    tap('report-photo-sign-in')
    const url = navigate.mock.calls[0][0].url
    const back = decodeURIComponent(url.slice(url.indexOf('back=') + 5))
    expect(url.startsWith('/pages/login/index?back=')).toBe(true)
    expect(back).toContain('code=NM000009')
    expect(back).toContain('kind=amenity')
    expect(back).toContain('amenity=1')
    expect(back).not.toContain('微波炉')
    // Signed out, the report itself goes as before, without a photo.
    const report = await submit(sent)
    expect(report).toMatchObject({ code: 'NM000009', kind: 'amenity', amenity: '热饭', note: '微波炉坏了' })
    expect(report.photo).toBeUndefined()
  })

  it('back from signing in: the kind, amenity and note are there again', async () => {
    // The first visit, signed out, keeps the note in memory as it leaves for sign-in.
    await openReport()
    typeNote('微波炉坏了')
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    tap('report-photo-sign-in')
    testUtils.unmout()
    document.body.innerHTML = ''
    signIn()
    await openReport({}, undefined, { kind: 'amenity', amenity: '1' })
    expect(byId('report-kind-amenity')?.getAttribute('aria-checked')).toBe('true')
    expect(byId('report-amenity-1')?.getAttribute('aria-checked')).toBe('true')
    expect(byId('report-note')!.querySelector('textarea')!.value).toBe('微波炉坏了')
    expect(byId('report-photo-pick')?.textContent).toContain('添加照片')
  })

  it('上传中: the report waits for its photo; a failed upload says why and keeps the report; the next one is sent with it', async () => {
    signIn()
    let release: ((answer: FakeResponse) => void) | null = null
    const sent = await openReport({ report: () => ({ id: 'r1' }) }, () => new Promise((resolve) => (release = resolve)))
    tap('report-kind-amenity')
    await waitFor(() => expect(byId('report-amenity-1')).not.toBeNull())
    tap('report-amenity-1')
    typeNote('微波炉坏了')

    pickNext(png())
    tap('report-photo-pick')
    await waitFor(() => expect(text('report-photo-uploading')).toContain('上传中'))
    await waitFor(() => expect(document.querySelector('.report-photo__preview img')?.getAttribute('alt')).toBe('正在上传的照片'))
    // Sent meanwhile, it would go without its photo: the button waits.
    await waitFor(() => expect(disabled('submit-report')).toBe(true))
    release!(jsonResponse({ ok: false, error: { code: 'RATE_LIMITED', message: '每天最多上传 60 张照片，请明天再试' } }, 429))
    release = null
    await waitFor(() => expect(text('report-photo-error')).toBe('每天最多上传 60 张照片，请明天再试'))
    expect(document.querySelector('.report-photo__preview')).toBeNull()
    expect(byId('report-photo-remove')).toBeNull()
    expect(byId('report-kind-amenity')?.getAttribute('aria-checked')).toBe('true')
    expect(byId('report-note')!.querySelector('textarea')!.value).toBe('微波炉坏了')
    // The blob: URL of the refused picture is freed.
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1')

    pickNext(png())
    tap('report-photo-pick')
    await waitFor(() => expect(release).not.toBeNull())
    release!(jsonResponse({ ok: true, data: { photo: PHOTO_ID } }))
    await waitFor(() => expect(byId('report-photo-remove')).not.toBeNull())
    expect(byId('report-photo-pick')?.textContent).toContain('重新选择')
    expect(byTestId('report-photo-error')).toBeNull()
    await waitFor(() => expect(document.querySelector('.report-photo__preview img')?.getAttribute('alt')).toBe('已添加的照片'))
    expect(await submit(sent)).toMatchObject({ kind: 'amenity', amenity: '热饭', note: '微波炉坏了', photo: PHOTO_ID })
  })

  it('over 5 MB or not an image: told in plain words before anything is sent; a kept photo stays; 删除照片 takes it off', async () => {
    signIn()
    const uploads: string[] = []
    const sent = await openReport({ report: () => ({ id: 'r1' }) }, async (url) => {
      uploads.push(url)
      return jsonResponse({ ok: true, data: { photo: PHOTO_ID } })
    })
    tap('report-kind-other')
    pickNext(png())
    tap('report-photo-pick')
    await waitFor(() => expect(byId('report-photo-remove')).not.toBeNull())
    expect(uploads).toEqual(['/api/photos?for=report'])

    pickNext(png('大图.png', MAX_PHOTO_BYTES + 1))
    tap('report-photo-pick')
    await waitFor(() => expect(text('report-photo-error')).toBe('照片过大，请压缩到 5 MB 以内'))
    pickNext(new File(['%PDF-1.4'], '说明.pdf', { type: 'application/pdf' }))
    tap('report-photo-pick')
    await waitFor(() => expect(text('report-photo-error')).toBe('不是图片：只能上传 JPG 或 PNG 照片'))
    expect(uploads).toHaveLength(1)
    // The photo uploaded before is still the report's, shown as it was.
    expect(byId('report-photo-remove')).not.toBeNull()
    expect(document.querySelector('.report-photo__preview img')?.getAttribute('src')).toBe('blob:test/1')

    tap('report-photo-remove')
    await waitFor(() => expect(byId('report-photo-remove')).toBeNull())
    expect(byId('report-photo-pick')?.textContent).toContain('添加照片')
    expect((await submit(sent)).photo).toBeUndefined()
  })
})

describe('问题反馈 queue: the report photo', () => {
  const report = (id: string, photo: string | null): StationReport => ({
    id, code: 'NM000009', stationName: '示例环卫工人驿站（演示）#9', kind: 'amenity', amenity: '热饭', note: '微波炉坏了',
    createdAt: '2026-11-23T08:00:00.000Z', photo, waiting: '刚刚提交',
  })

  it('a thumbnail fetched with the session and named 举报照片; a lapsed link says so in words; none, nothing', async () => {
    signIn()
    Current.router = { params: {}, path: '/features/stations/pages/reports/index', onReady: '', onHide: '', onShow: '' } as never
    const asked: string[] = []
    fakeServer({
      cloud: { reports: () => ({ items: [report('r1', '/api/photos/aaaa'), report('r2', '/api/photos/bbbb'), report('r3', null)], nextCursor: null, total: 3 }) },
      photos: async (url) => {
        asked.push(url)
        return url.endsWith('aaaa') ? ({ ok: true, status: 200, json: async () => null, blob: async () => new Blob(['png']) } as FakeResponse) : jsonResponse({ ok: false, error: { code: 'NOT_FOUND', message: '找不到照片' } }, 404)
      },
    })
    const fetchMock = globalThis.fetch as jest.Mock
    await testUtils.mount(ReportQueuePage)
    await waitFor(() => expect(document.querySelectorAll('[data-testid="station-report-item"]')).toHaveLength(3), 5000)
    await waitFor(() => expect(document.querySelector('#report-photo-r1 img')?.getAttribute('src')).toBe('blob:test/1'))
    expect(byId('report-photo-r1')?.getAttribute('aria-label')).toBe('举报照片，点按查看大图')
    expect(document.querySelector('#report-photo-r1 img')?.getAttribute('alt')).toBe('举报照片')
    // Only with the session: an <img src> could not send it.
    const photoCall = fetchMock.mock.calls.find((c) => c[0] === '/api/photos/aaaa')
    expect(photoCall?.[1]?.headers).toEqual({ Authorization: 'Bearer demo-token' })
    const item = (id: string) => document.querySelector(`[data-id="${id}"]`)!
    await waitFor(() => expect(item('r2').textContent).toContain('举报照片无法显示'))
    expect(item('r2').querySelector('img')).toBeNull()
    expect(item('r3').textContent).not.toContain('举报照片')
    expect(asked.sort()).toEqual(['/api/photos/aaaa', '/api/photos/bbbb'])
  })
})
