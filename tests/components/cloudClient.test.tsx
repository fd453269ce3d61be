import { PRIVACY_VERSION } from '@domain/contract'
import { CloudError, ERROR_MESSAGES } from '@domain/errors'
import { call } from '@/services/cloud'
import { useSession } from '@/stores/session'
import { jsonResponse, resetApp, signIn, stubFetch } from '../setup/app'

// The client as the web build uses it: src/platform/transport.ts over fetch. jsdom has no server, so
// each test answers fetch itself (the real local server is exercised in tests/e2e).

beforeEach(resetApp)

/** The CloudError a call rejects with; fails the test if it resolves or rejects with anything else. */
async function failure(promise: Promise<unknown>): Promise<CloudError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`)
  expect(outcome.error).toBeInstanceOf(CloudError)
  return outcome.error as CloudError
}

describe('call()', () => {
  it('refuses input the contract rejects before sending anything', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ ok: true, data: { version: '', agreedAt: '' } }))
    signIn()

    const error = await failure(call('member', 'agreePrivacy', { version: '' }))

    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields).toEqual({ version: '请提供隐私政策版本' })
    expect(error.message).toBe('请提供隐私政策版本')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('posts the action with the session token and resolves with the data', async () => {
    const data = { version: PRIVACY_VERSION, agreedAt: '2026-11-23T08:00:00.000Z' }
    const fetchMock = stubFetch(async () => jsonResponse({ ok: true, data }))
    signIn('token-xyz')

    await expect(call('member', 'agreePrivacy', { version: PRIVACY_VERSION })).resolves.toEqual(data)

    expect(fetchMock).toHaveBeenCalledWith('/api/cloud/member', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer token-xyz' },
      body: JSON.stringify({ action: 'agreePrivacy', data: { version: PRIVACY_VERSION } }),
    })
  })

  it('sends no Authorization header when signed out', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ ok: false, error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED } }, 401))

    const error = await failure(call('member', 'profile', {}))

    expect(error.code).toBe('UNAUTHENTICATED')
    expect(fetchMock.mock.calls[0][1]?.headers).toEqual({ 'Content-Type': 'application/json' })
  })

  it('rejects with the code the cloud answers and signs out when the session expired', async () => {
    stubFetch(async () => jsonResponse({ ok: false, error: { code: 'SESSION_EXPIRED', message: ERROR_MESSAGES.SESSION_EXPIRED } }, 401))
    signIn('old-token', '张三')

    const error = await failure(call('member', 'profile', {}))

    expect(error.code).toBe('SESSION_EXPIRED')
    expect(error.message).toBe(ERROR_MESSAGES.SESSION_EXPIRED)
    expect(useSession.getState()).toMatchObject({ token: null, displayName: null })
    expect(localStorage.getItem('session')).not.toContain('old-token')
  })

  it('keeps the session on any other failure, with the fields the cloud sent', async () => {
    stubFetch(async () => jsonResponse({ ok: false, error: { code: 'INVALID_INPUT', message: '请提供隐私政策版本', fields: { version: '请提供隐私政策版本' } } }, 400))
    signIn('good-token')

    const error = await failure(call('member', 'agreePrivacy', { version: PRIVACY_VERSION }))

    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields).toEqual({ version: '请提供隐私政策版本' })
    expect(useSession.getState().token).toBe('good-token')
  })

  it('turns a code it does not know into INTERNAL', async () => {
    stubFetch(async () => jsonResponse({ ok: false, error: { code: 'TEAPOT', message: 'I am a teapot' } }, 418))

    const error = await failure(call('member', 'profile', {}))

    expect(error.code).toBe('INTERNAL')
    expect(error.message).toBe('I am a teapot')
  })

  it('reports a request that never arrived as NETWORK, in Chinese', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')))

    const error = await failure(call('member', 'profile', {}))

    expect(error.code).toBe('NETWORK')
    expect(error.message).toBe(ERROR_MESSAGES.NETWORK)
    expect(error.message).toMatch(/^网络不给力/)
  })

  it('does not crash on an answer that is not JSON', async () => {
    const notJson = async () => JSON.parse('<html>502 Bad Gateway</html>') as unknown
    stubFetch(async () => ({ ok: false, status: 502, json: notJson }))
    expect((await failure(call('member', 'profile', {}))).code).toBe('INTERNAL')

    stubFetch(async () => ({ ok: true, status: 200, json: notJson })) // e.g. a captive portal's page
    expect((await failure(call('member', 'profile', {}))).code).toBe('NETWORK')
  })

  it('does not crash on JSON that is not a cloud result', async () => {
    stubFetch(async () => jsonResponse('hello'))
    expect((await failure(call('member', 'profile', {}))).code).toBe('INTERNAL')

    stubFetch(async () => jsonResponse(null))
    expect((await failure(call('member', 'profile', {}))).code).toBe('INTERNAL')
  })
})
