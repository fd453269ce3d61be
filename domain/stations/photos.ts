import { MAX_UPLOAD_BYTES, sniffBytes } from '../aid/files'

/**
 * Station photos (public, at most six on a station) and a report's one photo (seen only by the
 * managing union's clerks): one upload path for both, the same as 金秋助学's documents but images
 * only, told by their first bytes, at most 5 MB.
 */
export const PHOTO_PURPOSES = ['station', 'report'] as const
export type PhotoPurpose = (typeof PHOTO_PURPOSES)[number]
export const IMAGE_TYPES = ['image/jpeg', 'image/png'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]
export const MAX_PHOTO_BYTES = MAX_UPLOAD_BYTES
export const NOT_AN_IMAGE = '不是图片：只能上传 JPG 或 PNG 照片'
export const PHOTO_TOO_LARGE = '照片过大，请压缩到 5 MB 以内'

/** The image type the bytes say; null for anything else (a PDF, a renamed file). */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const type = sniffBytes(bytes)
  return type === 'image/jpeg' || type === 'image/png' ? type : null
}

/**
 * Where the app uploads each kind in WeChat cloud storage, both private (only the uploader may write,
 * nobody may read): a station photo is staged in `stations/uploads/` until stations.registerPhoto
 * has checked it and copied it to STATION_PHOTOS_FOLDER; a report's photo stays where it is.
 */
export const PHOTO_FOLDERS: Record<PhotoPurpose, string> = { station: 'stations/uploads', report: 'stations/reports' }

/** The public-read folder of kept station photos: only the cloud function writes there, no client. */
export const STATION_PHOTOS_FOLDER = 'stations/photos'

/** A fileID the app itself uploaded for this purpose: one name under its folder, nothing else in the bucket. */
export const cloudPhotoFile = (purpose: PhotoPurpose) => new RegExp(`^cloud://[A-Za-z0-9._-]+/${PHOTO_FOLDERS[purpose]}/[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$`)

/** A photo kept by the local server, as a station's photos list and the report queue address it. */
export const localPhotoPath = (id: string) => `/api/photos/${id}`
export const LOCAL_PHOTO_ID = /^[0-9a-f]{32}$/

/** Records a photo the platform put in its own storage (WeChat: stations.registerPhoto); answers what to keep. */
export type RegisterPhoto = (fileId: string) => Promise<string>

export interface PhotoOptions {
  /** Told once a photo is chosen, before it is sent: a picture of it to show meanwhile (web: a blob: URL; WeChat: the phone's temp file). */
  onPicked?(preview: string): void
}
