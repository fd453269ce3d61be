import Taro from '@tarojs/taro'
import { CloudError } from '@domain/errors'
import { askPrivacy } from '@/stores/privacy'

/** The clipboard is a privacy API in WeChat (剪切板): only after the privacy agreement. */
async function copy(data: string): Promise<void> {
  if (!(await askPrivacy('clipboard'))) throw new CloudError('PRIVACY_DECLINED')
  await Taro.setClipboardData({ data })
}

/**
 * WeChat cannot save an arbitrary file for the user; the CSV is copied to the clipboard so staff
 * can paste it on a computer. (Not testable here: needs the WeChat client.)
 */
export async function saveTextFile(_filename: string, text: string): Promise<void> {
  await copy(text)
}

/**
 * A file the cloud put in cloud storage behind a short-lived link (the 金秋助学 export): downloaded
 * and offered to send to a chat (文件传输助手 opens it on a computer), which is how WeChat hands a
 * file on (wx.shareFileMessage, base library 2.16.1+). Where that is not available or refused, the
 * link is copied instead, to open in a browser within its 10 minutes. (Needs the WeChat client.)
 * No 打开 beside it: wx.openDocument opens only doc, docx, xls, xlsx, ppt, pptx and pdf (its
 * `fileType`, developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html), not CSV or
 * text, and writing .xlsx would need a library this project does not add.
 */
export async function saveLinkedFile(filename: string, url: string): Promise<'downloaded' | 'shared' | 'copied'> {
  try {
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
    if (statusCode !== 200) throw new Error(`download ${statusCode}`)
    await Taro.shareFileMessage({ filePath: tempFilePath, fileName: filename })
    return 'shared'
  } catch {
    await copy(url)
    return 'copied'
  }
}
