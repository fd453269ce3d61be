import { PRIVACY_VERSION } from '@domain/contract'
import { settlePrivacy, usePrivacy } from '@/stores/privacy'
import { useSession } from '@/stores/session'

/** What a component test needs of a fetch answer (the client reads nothing else). */
export interface FakeResponse {
  ok: boolean
  status: number
  json(): Promise<unknown>
}

export type FetchMock = jest.Mock<Promise<FakeResponse>, [string, RequestInit?]>

/**
 * jsdom has no server behind `fetch`, so component tests answer it themselves; the real local server
 * is exercised end to end in tests/e2e. By default every request fails, as it would offline.
 */
export function stubFetch(answer: (url: string, init?: RequestInit) => Promise<FakeResponse> = () => Promise.reject(new TypeError('Failed to fetch'))): FetchMock {
  const mock: FetchMock = jest.fn(answer)
  globalThis.fetch = mock as unknown as typeof fetch
  return mock
}

/** A JSON answer with the given status. */
export function jsonResponse(body: unknown, status = 200): FakeResponse {
  return { ok: status >= 200 && status < 300, status, json: async () => body }
}

/** Signed out, privacy not agreed, nothing stored, every request failing. */
export function resetApp(): void {
  useSession.setState({ token: null, displayName: null })
  settlePrivacy(false) // nothing still waits on a notice of an earlier test
  usePrivacy.setState({ agreedVersion: null, recordedVersion: null, declinedVersion: null, asking: null, contractName: null })
  localStorage.clear()
  stubFetch()
}

export function signIn(token = 'demo-token', displayName = '张三'): void {
  useSession.getState().signIn(token, displayName)
}

/** Declined on this device (the notice does not come back by itself). */
export function declinePrivacy(): void {
  usePrivacy.setState({ agreedVersion: null, recordedVersion: null, declinedVersion: PRIVACY_VERSION })
}

/** Agreed on this device and, unless told otherwise, already recorded by the cloud (no request). */
export function agreePrivacy({ recorded = true } = {}): void {
  usePrivacy.setState({ agreedVersion: PRIVACY_VERSION, recordedVersion: recorded ? PRIVACY_VERSION : null })
}

export function byTestId(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${id}"]`)
}

export function byId(id: string): HTMLElement | null {
  return document.getElementById(id)
}

/**
 * Polls until `check` stops throwing (for what happens after a request resolves). It gives up after
 * 10 s at the least, whatever `timeout` says: on a loaded machine a render can take seconds, and how
 * long it takes is for the benchmarks, not for these tests.
 */
export async function waitFor(check: () => void, timeout = 1000): Promise<void> {
  const deadline = Date.now() + Math.max(timeout, 10_000)
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

/**
 * Types into a Taro input by its id, as a person would, once the field is there: the native field's
 * own value setter (React ignores a plain assignment), then the input event a keyboard sends.
 */
export async function typeInto(id: string, value: string, timeout?: number): Promise<void> {
  await waitFor(() => expect(byId(id)?.querySelector('input')).not.toBeNull(), timeout)
  const field = byId(id)!.querySelector('input')!
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value)
  field.dispatchEvent(new InputEvent('input', { bubbles: true, cancelable: false, composed: true }))
}
