import Taro from '@tarojs/taro'
import { MAX_UPLOAD_BYTES, type RegisterUpload, type UploadType, type Uploaded } from '@domain/aid/files'
import { CloudError } from '@domain/errors'
import { PHOTO_FOLDERS, type PhotoOptions, type PhotoPurpose, type RegisterPhoto } from '@domain/stations/photos'
import { askPrivacy } from '@/stores/privacy'

export type { Uploaded }

/**
 * WeChat: pick a photo or a PDF from a chat, compress a photo on the phone, upload it to cloud
 * storage under aid/, then have the caller's `register` record it (the aid feature passes
 * aid.registerUpload, which reads it back, checks its bytes and size, and records it as the caller's):
 * the id it answers is the one an application carries.
 * Not run by the tests here (it needs WeChat's servers); registerUpload is, with a fake.
 */
export async function chooseAndUpload(register: RegisterUpload): Promise<Uploaded | null> {
  if (!(await askPrivacy('files'))) throw new CloudError('PRIVACY_DECLINED')
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['jpg', 'jpeg', 'png', 'pdf'] }).catch(() => null)
  const file = picked?.tempFiles[0]
  if (!file) return null
  const lower = file.name.toLowerCase()
  const type: UploadType | null = lower.endsWith('.pdf') ? 'application/pdf' : lower.endsWith('.png') ? 'image/png' : /\.jpe?g$/.test(lower) ? 'image/jpeg' : null
  if (!type) throw new CloudError('FILE_TYPE')
  let path = file.path
  if (type !== 'application/pdf') path = (await Taro.compressImage({ src: file.path, quality: 70 })).tempFilePath
  if (file.size > MAX_UPLOAD_BYTES && type === 'application/pdf') throw new CloudError('FILE_TOO_LARGE')
  let fileID: string
  try {
    fileID = (await Taro.cloud.uploadFile({ cloudPath: `aid/${Date.now()}-${Math.random().toString(36).slice(2)}${lower.slice(lower.lastIndexOf('.'))}`, filePath: path })).fileID
  } catch {
    throw new CloudError('NETWORK')
  }
  return register({ fileId: fileID, name: file.name.slice(0, 100) || '材料' })
}

/**
 * A station's photo or a report's (WeChat): a photo from the album or the camera, compressed on the
 * phone, put in cloud storage under its purpose's private folder, then recorded by `register`
 * (stations.registerPhoto, which reads it back, refuses what is not an image, and copies a
 * station's photo to the public folder no client may write).
 */
export async function choosePhoto(purpose: PhotoPurpose, register: RegisterPhoto, options: PhotoOptions = {}): Promise<string | null> {
  if (!(await askPrivacy('files'))) throw new CloudError('PRIVACY_DECLINED')
  const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] }).catch(() => null)
  const file = picked?.tempFiles[0]
  if (!file) return null
  const path = (await Taro.compressImage({ src: file.tempFilePath, quality: 70 })).tempFilePath
  options.onPicked?.(path)
  let fileID: string
  try {
    fileID = (await Taro.cloud.uploadFile({ cloudPath: `${PHOTO_FOLDERS[purpose]}/${Date.now()}-${Math.random().toString(36).slice(2)}.jpg`, filePath: path })).fileID
  } catch {
    throw new CloudError('NETWORK')
  }
  return register(fileID)
}
