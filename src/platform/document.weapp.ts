import Taro from '@tarojs/taro'
import type { DocumentLink } from '@domain/aid/files'
import { CloudError } from '@domain/errors'

/**
 * WeChat: `link` asks the cloud, which checks the caller may read the document (its owner or the
 * application's reviewers, aid.fileLink) and answers a short-lived link; an image is previewed, a
 * PDF downloaded and opened. Not run by the tests here: it needs WeChat's servers (fileLink is
 * tested with a fake).
 */
export async function openDocument(_fileId: string, link: DocumentLink): Promise<void> {
  const { url, type } = await link()
  try {
    if (type !== 'application/pdf') {
      await Taro.previewImage({ urls: [url] })
      return
    }
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
    if (statusCode !== 200) throw new Error(`download ${statusCode}`)
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' })
  } catch {
    throw new CloudError('NETWORK')
  }
}
