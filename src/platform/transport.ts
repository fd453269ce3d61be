import { CloudError } from '@domain/errors'

/**
 * How the app reaches the cloud in the web build (and in jest and tsc): POST /api/cloud/<fn> on
 * the local server, with the demo session's token. The weapp build uses transport.weapp.ts.
 */
export async function send(fn: string, body: { action: string; data: unknown }, token: string | null): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`/api/cloud/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
  } catch {
    throw new CloudError('NETWORK')
  }
  try {
    return await response.json()
  } catch {
    throw new CloudError(response.status >= 500 ? 'INTERNAL' : 'NETWORK')
  }
}
