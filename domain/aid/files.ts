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

/**
 * How an upload is recorded as the caller's where the platform stores it apart from the cloud
 * functions (WeChat cloud storage: aid.registerUpload). The feature hands it to the platform seam
 * (src/platform/upload), which does the device work only and never calls the cloud itself.
 */
export type RegisterUpload = (stored: { fileId: string; name: string }) => Promise<Uploaded>

/** A short-lived link to a document the caller may read (WeChat: aid.fileLink), asked for by the seam. */
export type DocumentLink = () => Promise<{ url: string; type: UploadType }>

/** The first bytes each accepted type starts with. */
const MAGIC: Array<[UploadType, number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
]

const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)

/** Whether a declared Content-Type is one of the accepted ones (parameters ignored). */
export function declaredType(declared: string): UploadType | null {
  const type = declared.split(';')[0].trim().toLowerCase()
  return UPLOAD_TYPES.find((t) => t === type) ?? null
}

/** The declared type, if the bytes agree with it; null otherwise. */
export function sniff(declared: string, bytes: Uint8Array): UploadType | null {
  const type = declaredType(declared)
  const row = MAGIC.find(([t]) => t === type)
  return row && starts(bytes, row[1]) ? row[0] : null
}

/** The type the bytes themselves say (a file with no trustworthy declared type); null: none we accept. */
export function sniffBytes(bytes: Uint8Array): UploadType | null {
  return MAGIC.find(([, magic]) => starts(bytes, magic))?.[0] ?? null
}

/**
 * A cloud-storage fileID the app itself uploaded for 金秋助学: `cloud://<env>.<bucket>/aid/<name>`
 * (src/platform/upload.weapp.ts names them). One path segment under aid/, no dot first: nothing else
 * in the bucket can be registered as someone's document.
 */
export const CLOUD_AID_FILE = /^cloud:\/\/[A-Za-z0-9._-]+\/aid\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/

/** How long a reviewer's link to a document in cloud storage lives, in seconds. */
export const FILE_LINK_SECONDS = 600
