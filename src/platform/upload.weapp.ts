import Taro from '@tarojs/taro'
import { MAX_UPLOAD_BYTES, type UploadType, type Uploaded } from '@/domain/aid/files'
import { CloudError } from '@/domain/errors'

export type { Uploaded }

/**
 * WeChat: pick a photo or a PDF from a chat, compress a photo on the phone, upload it to cloud
 * storage. NOT TESTED here (needs WeChat's servers); and the cloud does not yet record a cloud
 * storage fileID in `files`, so an application with these ids is refused as missing documents
 * until that action exists.
 */
export async function chooseAndUpload(): Promise<Uploaded | null> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['jpg', 'jpeg', 'png', 'pdf'] }).catch(() => null)
  const file = picked?.tempFiles[0]
  if (!file) return null
  const lower = file.name.toLowerCase()
  const type: UploadType | null = lower.endsWith('.pdf') ? 'application/pdf' : lower.endsWith('.png') ? 'image/png' : /\.jpe?g$/.test(lower) ? 'image/jpeg' : null
  if (!type) throw new CloudError('FILE_TYPE')
  let path = file.path
  if (type !== 'application/pdf') path = (await Taro.compressImage({ src: file.path, quality: 70 })).tempFilePath
  if (file.size > MAX_UPLOAD_BYTES && type === 'application/pdf') throw new CloudError('FILE_TOO_LARGE')
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `aid/${Date.now()}-${Math.random().toString(36).slice(2)}${lower.slice(lower.lastIndexOf('.'))}`, filePath: path })
    return { fileId: fileID, name: file.name, type }
  } catch {
    throw new CloudError('NETWORK')
  }
}
