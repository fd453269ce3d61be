import type { DocumentLink } from '@domain/aid/files'
import { CloudError } from '@domain/errors'
import { useSession } from '@/stores/session'

/**
 * Web build: a reviewer opens an uploaded document. The file is fetched with the session token
 * (an <img src> could not send it) and shown in a new tab from a blob URL; the local server checks
 * who may read it, so no `link` is asked for here.
 */
export async function openDocument(fileId: string, _link: DocumentLink): Promise<void> {
  // Opened before the fetch, while the tap still counts as the user's: popup blockers allow it.
  const tab = window.open('', '_blank')
  const token = useSession.getState().token
  const response = await fetch(`/api/files/${encodeURIComponent(fileId)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => null)
  if (!response?.ok) {
    tab?.close()
    throw new CloudError(response ? 'NOT_FOUND' : 'NETWORK', response ? '找不到文件' : undefined)
  }
  const url = URL.createObjectURL(await response.blob())
  if (tab) tab.location.href = url
  else window.location.href = url
}
