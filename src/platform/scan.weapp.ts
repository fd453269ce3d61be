import Taro from '@tarojs/taro'

/** In WeChat the camera reads a union's QR poster (a 小程序码 or a QR of the web link). */
export const canScan = true

export async function scanText(): Promise<string | null> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
    // A 小程序码 of this app gives its page path (with scene=…); a QR code gives its text.
    return result.path || result.result || null
  } catch {
    return null // cancelled
  }
}
