import { Text } from '@tarojs/components'
import TestUtils from '@tarojs/test-utils-react'
import { useCloud } from '@/services/useCloud'
import { useSession } from '@/stores/session'
import { agreePrivacy, byTestId, jsonResponse, resetApp, stubFetch, waitFor } from '../setup/app'

const testUtils = new TestUtils()

beforeEach(() => {
  resetApp()
  agreePrivacy()
})
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

/** A public action and a signed-in one, side by side, as two pages would load them. */
function Both() {
  const station = useCloud('stations', 'get', { code: 'st-1' })
  const profile = useCloud('member', 'profile', {})
  return (
    <>
      <Text data-testid='station'>{station.loading ? 'loading' : station.data ? 'station' : 'none'}</Text>
      <Text data-testid='profile'>{profile.loading ? 'loading' : profile.data ? 'profile' : 'none'}</Text>
    </>
  )
}

describe('useCloud waits for a sign-in by itself', () => {
  it('loads a public action signed out, and a signed-in one only once someone signs in', async () => {
    const actions: string[] = []
    stubFetch(async (_url, init) => {
      const { action } = JSON.parse(String(init?.body)) as { action: string }
      actions.push(action)
      return jsonResponse({ ok: true, data: action === 'get' ? { code: 'st-1' } : { displayName: '张三', roles: [], held: [], membership: null, privacyAgreedVersion: null } })
    })
    await testUtils.mount(Both)
    await waitFor(() => expect(byTestId('station')?.textContent).toBe('station'))
    expect(byTestId('profile')?.textContent).toBe('none')
    expect(actions).toEqual(['get'])

    useSession.getState().signIn('token-me', '张三')
    await waitFor(() => expect(byTestId('profile')?.textContent).toBe('profile'))
    expect(actions).toEqual(['get', 'profile'])
  })
})
