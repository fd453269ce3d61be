import { CloudError, isErrorCode } from '@domain/errors'

/** A demo person the local server can sign in as (web build only; WeChat has no such step). */
export interface DemoPerson {
  key: string
  displayName: string
  description: string
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    throw new CloudError('NETWORK')
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: { code?: unknown; message?: string } }) | null
  if (!response.ok || body === null) {
    const code = isErrorCode(body?.error?.code) ? body.error.code : 'INTERNAL'
    throw new CloudError(code, body?.error?.message)
  }
  return body
}

export const listDemoPeople = () => request<DemoPerson[]>('/api/dev/people')

export const demoLogin = (key: string) =>
  request<{ token: string; displayName: string }>('/api/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ as: key }),
  })
