import { CloudError } from '@domain/errors'
import { useSession } from '@/stores/session'

/**
 * Web build: a photo only some may see (a report's, /api/photos/<id>) is fetched with the session
 * token — an <img src> could not send it — and shown from a blob: URL; the local server checks who
 * asks. Any other address is shown as it is. Give the answer back to releasePrivatePhoto when done.
 */
export async function loadPrivatePhoto(src: string): Promise<string> {
  if (!src.startsWith('/api/photos/')) return src
  const token = useSession.getState().token
  const response = await fetch(src, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => null)
  if (!response?.ok) throw new CloudError(response ? 'NOT_FOUND' : 'NETWORK', response ? '找不到照片' : undefined)
  return URL.createObjectURL(await response.blob())
}

/** Frees what loadPrivatePhoto made (a blob: URL holds the photo in memory until then). */
export function releasePrivatePhoto(url: string): void {
  if (url.startsWith('blob:')) URL.revokeObjectURL(url)
}
