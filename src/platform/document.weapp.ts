import Taro from '@tarojs/taro'
import { CloudError } from '@/domain/errors'

/**
 * WeChat: download from cloud storage (its own permission rules apply there) and preview an image
 * or open a PDF. Not testable here: it needs WeChat's servers.
 */
export async function openDocument(fileId: string): Promise<void> {
  try {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId })
    if (/\.pdf$/i.test(fileId)) await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' })
    else await Taro.previewImage({ urls: [tempFilePath] })
  } catch {
    throw new CloudError('NETWORK')
  }
}
