import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import { Text } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PRIVACY_VERSION } from '@domain/contract'
import { CloudError } from '@domain/errors'
import { PRIVACY_DECLARATIONS } from '@domain/privacy/declarations'
import { GUIDE_PAGE } from '@domain/privacy/guide'
import { locate } from '@/platform/location'
import { uploadDocument } from '@/features/aid/documents'
import { call } from '@/services/cloud'
import { askPrivacy, usePrivacy } from '@/stores/privacy'
import { useStations } from '@/features/stations/store'
import PrivacyGuide from '@/features/privacy/pages/guide/index'
import StationsMap from '@/features/stations/pages/map/index'
import { agreePrivacy, byId, byTestId, declinePrivacy, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

const testUtils = new TestUtils()

beforeEach(() => {
  resetApp()
  useStations.setState({ last: null, locationDenied: false, cityKey: null, place: null, amenities: [], openNow: false })
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const Content = () => <Text data-testid='content'>页面内容</Text>
const Public = () => (
  <PageShell public>
    <Content />
  </PageShell>
)

const station = (code: string) => ({ code, name: `示例驿站${code}（演示）`, type: 'rest', lat: 40.6, lng: 109.8, address: '包头市昆都仑区（示例）', amenities: ['饮水'], openNow: true, hoursText: '24小时', distanceM: 800 })

describe('the privacy notice', () => {
  it('comes up on first use with a link to the full guide (the web build’s own page)', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    await testUtils.mount(Public)
    expect(byTestId('privacy-notice')?.dataset.asking).toBe('first-use')
    expect(byTestId('privacy-guide-link')?.textContent).toBe('阅读完整的《工会会员服务隐私保护指引》')
    testUtils.fireEvent.click(byId('privacy-open-guide')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: GUIDE_PAGE })
  })

  it('names the guide as WeChat has it when WeChat gave the name', async () => {
    usePrivacy.setState({ contractName: '《示例工会小程序隐私保护指引》' })
    await testUtils.mount(Public)
    expect(byTestId('privacy-guide-link')?.textContent).toBe('阅读完整的《示例工会小程序隐私保护指引》')
  })

  it('declining closes it and keeps the page: it does not come back by itself', async () => {
    const toast = jest.spyOn(Taro, 'showToast')
    await testUtils.mount(Public)
    testUtils.fireEvent.click(byId('privacy-decline')!)
    expect(byTestId('privacy-notice')).toBeNull()
    expect(byTestId('content')).not.toBeNull()
    expect(usePrivacy.getState()).toMatchObject({ agreedVersion: null, declinedVersion: PRIVACY_VERSION })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('你可以继续查看驿站地图、助学公示等公开内容') }))
    testUtils.unmout()
    document.body.innerHTML = ''
    await testUtils.mount(Public)
    expect(byTestId('content')).not.toBeNull()
    expect(byTestId('privacy-notice')).toBeNull()
  })

  it('after declining, a protected action asks again for its purpose; agreeing lets it go on', async () => {
    declinePrivacy()
    await testUtils.mount(Public)
    expect(byTestId('privacy-notice')).toBeNull()
    let answer: boolean | null = null
    void askPrivacy('location').then((a) => (answer = a))
    await waitFor(() => expect(byTestId('privacy-asked-for')?.textContent).toBe('为了按你的位置查找附近驿站和商户，需要你先阅读并同意隐私保护指引。'), 5000)
    testUtils.fireEvent.click(byId('agree-privacy-btn')!)
    await waitFor(() => expect(answer).toBe(true), 5000)
    expect(byTestId('privacy-notice')).toBeNull()
    expect(usePrivacy.getState().agreedVersion).toBe(PRIVACY_VERSION)
    // Agreed: the next protected action does not ask.
    await expect(askPrivacy('files')).resolves.toBe(true)
  })

  it('declined again, the action does not happen and says so', async () => {
    declinePrivacy()
    const toast = jest.spyOn(Taro, 'showToast')
    await testUtils.mount(Public)
    const pick = jest.spyOn(document, 'createElement')
    const upload = uploadDocument()
    await waitFor(() => expect(byTestId('privacy-notice')?.dataset.asking).toBe('files'), 5000)
    testUtils.fireEvent.click(byId('privacy-decline')!)
    await expect(upload).rejects.toMatchObject({ code: 'PRIVACY_DECLINED' })
    expect(pick).not.toHaveBeenCalledWith('input') // no file chooser opened
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '未同意，不能上传材料' }))
  })

  it('personal data is not sent before agreement: the client asks, and sends nothing when declined', async () => {
    signIn()
    declinePrivacy()
    const fetchMock = stubFetch(async () => jsonResponse({ ok: true, data: {} }))
    await testUtils.mount(Public)
    const sending = call('transfer', 'start', { toUnionId: 'hhht-hm-jz', reason: 'job_change', newEmployer: '示例', jobType: 'employee', idempotencyKey: 'key-12345678' })
    await waitFor(() => expect(byTestId('privacy-notice')?.dataset.asking).toBe('personal'), 5000)
    testUtils.fireEvent.click(byId('privacy-decline')!)
    const error = await sending.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect((error as CloudError).code).toBe('PRIVACY_DECLINED')
    expect(fetchMock).not.toHaveBeenCalled()
    // An action with nothing personal in it (the station search) never asks.
    await call('stations', 'nearby', { latitude: 40.6, longitude: 109.8, radiusM: 1000, k: 5 })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(byTestId('privacy-notice')).toBeNull()
  })

  it('agreed: protected actions go ahead without the notice', async () => {
    agreePrivacy()
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 40.84, longitude: 111.75 } as Taro.getLocation.SuccessCallbackResult)
    await testUtils.mount(Public)
    await expect(locate()).resolves.toMatchObject({ ok: true })
    expect(byTestId('privacy-notice')).toBeNull()
  })
})

describe('the station map without agreement', () => {
  it('on first use reads no location until the person agrees, then does', async () => {
    const getLocation = jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 40.84, longitude: 111.75 } as Taro.getLocation.SuccessCallbackResult)
    stubFetch(async () => jsonResponse({ ok: true, data: { stations: [station('a')], at: '2026-11-23T08:00:00.000Z' } }))
    await testUtils.mount(StationsMap)
    expect(byTestId('privacy-notice')).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(getLocation).not.toHaveBeenCalled()
    testUtils.fireEvent.click(byId('agree-privacy-btn')!)
    await waitFor(() => expect(getLocation).toHaveBeenCalledTimes(1), 5000)
    await waitFor(() => expect(byTestId('results-caption')?.textContent).toContain('我的位置附近'), 5000)
  })

  it('declined: a city works without location; 定位 asks again, and agreeing reads the location', async () => {
    declinePrivacy()
    const getLocation = jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 40.84, longitude: 111.75 } as Taro.getLocation.SuccessCallbackResult)
    const bodies: Array<{ data: { latitude: number } }> = []
    stubFetch(async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)))
      return jsonResponse({ ok: true, data: { stations: [station('a'), station('b')], at: '2026-11-23T08:00:00.000Z' } })
    })
    await testUtils.mount(StationsMap)
    expect(byTestId('privacy-notice')).toBeNull()
    expect(byTestId('location-banner')?.dataset.reason).toBe('no-consent')
    expect(byTestId('location-banner')?.textContent).toContain('未读取你的位置')

    testUtils.fireEvent.click(byId('city-baotou')!)
    await waitFor(() => expect(byTestId('results-caption')?.textContent).toContain('包头市中心附近'), 5000)
    await waitFor(() => expect(document.querySelectorAll('[data-testid="station-row"]')).toHaveLength(2), 5000)
    expect(getLocation).not.toHaveBeenCalled()

    expect(byId('relocate')?.textContent).toBe('定位')
    testUtils.fireEvent.click(byId('relocate')!)
    await waitFor(() => expect(byTestId('privacy-notice')?.dataset.asking).toBe('location'), 5000)
    // The city's results stay while the notice asks.
    expect(byTestId('results-caption')?.textContent).toContain('包头市中心附近')
    testUtils.fireEvent.click(byId('privacy-decline')!)
    await waitFor(() => expect(byTestId('privacy-notice')).toBeNull(), 5000)
    expect(getLocation).not.toHaveBeenCalled()
    expect(byTestId('location-banner')?.dataset.reason).toBe('no-consent')

    testUtils.fireEvent.click(byId('relocate')!)
    await waitFor(() => expect(byTestId('privacy-notice')).not.toBeNull(), 5000)
    testUtils.fireEvent.click(byId('agree-privacy-btn')!)
    await waitFor(() => expect(getLocation).toHaveBeenCalledTimes(1), 5000)
    await waitFor(() => expect(byTestId('results-caption')?.textContent).toContain('我的位置附近'), 5000)
    await waitFor(() => expect(bodies[bodies.length - 1].data.latitude).toBeCloseTo(40.84, 1), 5000)
  })
})

describe('the guide’s own page', () => {
  it('has the whole text, with every declared item and every right, and no notice over it', async () => {
    await testUtils.mount(PrivacyGuide)
    const text = byTestId('privacy-guide')?.textContent ?? ''
    for (const d of PRIVACY_DECLARATIONS) expect(text).toContain(`${d.name}：为了${d.purpose}`)
    for (const right of ['查阅', '更正', '删除', '撤回同意', '退会', '保存', '联系我们']) expect(text).toContain(right)
    expect(byTestId('privacy-notice')).toBeNull()
  })
})
