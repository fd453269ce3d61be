import Taro from '@tarojs/taro'
import { CloudError } from '@/domain/errors'
import { call } from '@/services/cloud'

/**
 * WeChat: the cloud checks the caller may read the document (its owner or the application's
 * reviewers, aid.fileLink) and answers a short-lived link; an image is previewed, a PDF downloaded
 * and opened. Not run by the tests here: it needs WeChat's servers (fileLink is tested with a fake).
 */
export async function openDocument(fileId: string): Promise<void> {
  const link = await call('aid', 'fileLink', { fileId })
  try {
    if (link.type !== 'application/pdf') {
      await Taro.previewImage({ urls: [link.url] })
      return
    }
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url: link.url })
    if (statusCode !== 200) throw new Error(`download ${statusCode}`)
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' })
  } catch {
    throw new CloudError('NETWORK')
  }
}
