/** What a document upload may be: the app checks before sending, the server checks the bytes. */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const
export type UploadType = (typeof UPLOAD_TYPES)[number]
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** An uploaded document as the form keeps it. */
export interface Uploaded {
  fileId: string
  name: string
  type: UploadType
}
