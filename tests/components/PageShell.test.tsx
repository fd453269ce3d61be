import Taro from '@tarojs/taro'
import TestUtils from '@tarojs/test-utils-react'
import { Text } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PRIVACY_VERSION } from '@domain/contract'
import { CloudError, ERROR_MESSAGES } from '@domain/errors'
import { usePrivacy } from '@/stores/privacy'
import { agreePrivacy, byId, byTestId, jsonResponse, resetApp, signIn, stubFetch, waitFor } from '../setup/app'

const testUtils = new TestUtils()

const Content = () => <Text data-testid='content'>页面内容</Text>

beforeEach(resetApp)
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('PageShell', () => {
  it('asks for a demo identity when signed out, and shows nothing of the page', async () => {
    await testUtils.mount(() => <PageShell><Content /></PageShell>)

    expect(byTestId('login-needed')?.textContent).toContain('请先选择演示身份')
    expect(byId('login-needed-action')).not.toBeNull()
    expect(byTestId('content')).toBeNull()
    expect(byTestId('privacy-notice')).toBeNull()
  })

  it('a public page shows its content signed out, and does not try to record the privacy agreement', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ ok: true, data: {} }))
    agreePrivacy({ recorded: false })
    await testUtils.mount(() => <PageShell public><Content /></PageShell>)

    expect(byTestId('login-needed')).toBeNull()
    expect(byTestId('content')).not.toBeNull()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('a page opened without what it shows says so, with 返回 instead of a blank page', async () => {
    signIn()
    agreePrivacy()
    const reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    await testUtils.mount(() => <PageShell missing><Content /></PageShell>)
    expect(byTestId('not-found')?.textContent).toContain('没有找到要显示的内容')
    expect(byTestId('content')).toBeNull()
    expect(byId('not-found-action')?.textContent).toContain('返回')
    // Opened straight from a link, there is no page to go back to: 首页.
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}] as ReturnType<typeof Taro.getCurrentPages>)
    testUtils.fireEvent.click(byId('not-found-action')!)
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  it('offers 重试 only where trying again can help; a refusal says who may, with 返回', async () => {
    signIn()
    agreePrivacy()
    const onRetry = jest.fn()
    await testUtils.mount(() => <PageShell error={new CloudError('FORBIDDEN', '仅限工会工作人员')} onRetry={onRetry}><Content /></PageShell>)
    expect(byTestId('load-error')?.textContent).toContain('仅限工会工作人员')
    expect(byId('load-error-action')?.textContent).toContain('返回')
    testUtils.unmout()
    document.body.innerHTML = ''
    await testUtils.mount(() => <PageShell error={new CloudError('NETWORK')} onRetry={onRetry}><Content /></PageShell>)
    expect(byId('load-error-action')?.textContent).toContain('重试')
    testUtils.fireEvent.click(byId('load-error-action')!)
    expect(onRetry).toHaveBeenCalled()
  })

  it('sends a signed-out user to the demo login page', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    await testUtils.mount(() => <PageShell><Content /></PageShell>)

    testUtils.fireEvent.click(byId('login-needed-action')!)

    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('shows the page with the privacy notice over it on first use', async () => {
    signIn('token-abc')
    await testUtils.mount(() => <PageShell><Content /></PageShell>)

    expect(byTestId('content')).not.toBeNull()
    expect(byTestId('privacy-notice')?.textContent).toContain('隐私保护指引')
    expect(byTestId('login-needed')).toBeNull()
  })

  it('agreeing hides the notice, keeps the version on the device and records it in the cloud', async () => {
    signIn('token-abc')
    // The one stand-in: jsdom has no server behind fetch (the real one answers in tests/e2e).
    const fetchMock = stubFetch(async () => jsonResponse({ ok: true, data: { version: PRIVACY_VERSION, agreedAt: '2026-11-23T08:00:00.000Z' } }))
    await testUtils.mount(() => <PageShell><Content /></PageShell>)

    testUtils.fireEvent.click(byId('agree-privacy-btn')!)

    expect(byTestId('privacy-notice')).toBeNull()
    expect(byTestId('content')).not.toBeNull()
    expect(usePrivacy.getState().agreedVersion).toBe(PRIVACY_VERSION)

    await waitFor(() => expect(usePrivacy.getState().recordedVersion).toBe(PRIVACY_VERSION))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/cloud/member')
    expect(init?.method).toBe('POST')
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer token-abc' })
    expect(init?.body).toBe(JSON.stringify({ action: 'agreePrivacy', data: { version: PRIVACY_VERSION } }))
  })

  it('keeps the agreement on the device when recording it fails', async () => {
    signIn()
    const fetchMock = stubFetch()
    await testUtils.mount(() => <PageShell><Content /></PageShell>)

    testUtils.fireEvent.click(byId('agree-privacy-btn')!)

    await waitFor(() => expect(fetchMock).toHaveBeenCalled())
    expect(byTestId('privacy-notice')).toBeNull()
    expect(usePrivacy.getState()).toMatchObject({ agreedVersion: PRIVACY_VERSION, recordedVersion: null })
  })

  it('declining closes the notice and leaves the page usable, saying what still works', async () => {
    signIn()
    const toast = jest.spyOn(Taro, 'showToast')
    await testUtils.mount(() => <PageShell><Content /></PageShell>)

    testUtils.fireEvent.click(byId('privacy-decline')!)

    expect(byTestId('privacy-notice')).toBeNull()
    expect(byTestId('content')).not.toBeNull()
    expect(usePrivacy.getState()).toMatchObject({ agreedVersion: null, declinedVersion: PRIVACY_VERSION })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('用到相关功能时会再次询问') }))
  })

  it('the guide’s own page is read without the notice over it', async () => {
    await testUtils.mount(() => <PageShell public privacyNotice={false}><Content /></PageShell>)
    expect(byTestId('content')).not.toBeNull()
    expect(byTestId('privacy-notice')).toBeNull()
  })

  describe('signed in and agreed', () => {
    beforeEach(() => {
      signIn()
      agreePrivacy()
    })

    it('shows the content and no notice', async () => {
      await testUtils.mount(() => <PageShell><Content /></PageShell>)
      expect(byTestId('content')).not.toBeNull()
      expect(byTestId('privacy-notice')).toBeNull()
    })

    it('shows a first load full screen while it runs', async () => {
      await testUtils.mount(() => <PageShell loading><Content /></PageShell>)
      expect(byTestId('loading')?.textContent).toContain('加载中')
      expect(byTestId('content')).toBeNull()
    })

    it('shows a first load that failed full screen, in Chinese, with a retry', async () => {
      const onRetry = jest.fn()
      const error = new CloudError('NETWORK')
      await testUtils.mount(() => <PageShell error={error} onRetry={onRetry}><Content /></PageShell>)

      expect(byTestId('load-error')?.textContent).toContain(ERROR_MESSAGES.NETWORK)
      expect(byTestId('content')).toBeNull()

      testUtils.fireEvent.click(byId('load-error-action')!)
      expect(onRetry).toHaveBeenCalledTimes(1)
    })

    it('keeps showing data it already has when a later load fails or runs', async () => {
      await testUtils.mount(() => <PageShell error={new CloudError('INTERNAL')} loading hasData><Content /></PageShell>)
      expect(byTestId('content')).not.toBeNull()
      expect(byTestId('load-error')).toBeNull()
      expect(byTestId('loading')).toBeNull()
    })

    it('catches a render error and draws the page again on 重试', async () => {
      jest.spyOn(console, 'error').mockImplementation(() => {}) // React reports the error it caught
      let broken = true
      const Fragile = () => {
        if (broken) throw new Error('render failed')
        return <Content />
      }
      await testUtils.mount(() => <PageShell><Fragile /></PageShell>)

      expect(byTestId('render-error')?.textContent).toContain('页面出了点问题')
      expect(byId('render-error-action')?.textContent).toContain('重试')
      expect(byTestId('content')).toBeNull()

      broken = false
      testUtils.fireEvent.click(byId('render-error-action')!)
      expect(byTestId('render-error')).toBeNull()
      expect(byTestId('content')).not.toBeNull()
    })
  })
})
