import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type RegisterUpload, type UploadType, type Uploaded } from '@domain/aid/files'
import { IMAGE_TYPES, NOT_AN_IMAGE, PHOTO_TOO_LARGE, type PhotoOptions, type PhotoPurpose, type RegisterPhoto } from '@domain/stations/photos'
import { CloudError, isErrorCode } from '@domain/errors'
import { askPrivacy } from '@/stores/privacy'
import { useSession } from '@/stores/session'

export type { Uploaded }

/** Lets the user pick one file (a plain file input; tests answer its file chooser). */
function pickFile(accept: readonly string[] = UPLOAD_TYPES): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept.join(',')
    input.style.display = 'none'
    input.onchange = () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    }
    document.body.appendChild(input)
    input.click()
  })
}

/** Large photos are scaled to at most 1600 px on the long side as JPEG before they are sent. */
async function compress(file: File): Promise<Blob> {
  if (!file.type.startsWith('image/') || file.size < 400 * 1024 || typeof createImageBitmap !== 'function') return file
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? file), 'image/jpeg', 0.8))
}

/**
 * Web build: pick a file, compress a photo, POST it raw to the local server with the session
 * token; the server records it as the caller's as it stores it, so `register` is not needed here.
 * null when the user picked nothing.
 */
export async function chooseAndUpload(_register: RegisterUpload): Promise<Uploaded | null> {
  if (!(await askPrivacy('files'))) throw new CloudError('PRIVACY_DECLINED')
  const file = await pickFile()
  if (!file) return null
  const declared = UPLOAD_TYPES.find((t) => t === file.type)
  if (!declared) throw new CloudError('FILE_TYPE')
  const data = await send<{ fileId: string; type: UploadType }>('/api/upload', file)
  return { fileId: data.fileId, name: file.name, type: data.type }
}

/** Compresses a photo and POSTs it raw to the local server with the session token; the server checks its bytes. */
async function send<T>(url: string, file: File, tooLarge?: string): Promise<T> {
  const body = await compress(file)
  if (body.size > MAX_UPLOAD_BYTES) throw new CloudError('FILE_TOO_LARGE', tooLarge)
  const token = useSession.getState().token
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': body.type || file.type || 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body })
  } catch {
    throw new CloudError('NETWORK')
  }
  const result = (await response.json().catch(() => null)) as { ok: boolean; data?: T; error?: { code: string; message: string } } | null
  if (!result) throw new CloudError('INTERNAL')
  if (!result.ok || !result.data) throw new CloudError(isErrorCode(result.error?.code) ? result.error.code : 'INTERNAL', result.error?.message)
  return result.data
}

/**
 * A station's photo or a report's (web build): the same path as a document, images only; the local
 * server records it as it stores it (no `register`). Answers what the station or report keeps.
 */
export async function choosePhoto(purpose: PhotoPurpose, _register: RegisterPhoto, options: PhotoOptions = {}): Promise<string | null> {
  if (!(await askPrivacy('files'))) throw new CloudError('PRIVACY_DECLINED')
  const file = await pickFile(IMAGE_TYPES)
  if (!file) return null
  // A document picked by mistake is told before a byte is sent; the server still checks the bytes
  // (a renamed file, or one the browser could not type).
  if (file.type && !IMAGE_TYPES.some((t) => t === file.type)) throw new CloudError('FILE_TYPE', NOT_AN_IMAGE)
  options.onPicked?.(URL.createObjectURL(file))
  return (await send<{ photo: string }>(`/api/photos?for=${purpose}`, file, PHOTO_TOO_LARGE)).photo
}
