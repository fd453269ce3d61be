import Taro from '@tarojs/taro'

/**
 * WeChat cannot save an arbitrary file for the user; the CSV is copied to the clipboard so staff
 * can paste it on a computer. (Not testable here: needs the WeChat client.)
 */
export async function saveTextFile(_filename: string, text: string): Promise<void> {
  await Taro.setClipboardData({ data: text })
}
