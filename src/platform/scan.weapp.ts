import Taro from '@tarojs/taro'
import type { Scanned } from '@domain/scan'

export type { Scanned }

export const canScan = true

/**
 * What the in-app scanner reads: QR codes (a coupon's token, the web join link) and 小程序码 (a
 * union's join poster is one: review.joinCode makes it with wxacode.getUnlimited). Without 'wxCode'
 * the camera does not even recognise a 小程序码. Its meaning is decided in domain/scan.ts.
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html
 */
export const SCAN_TYPES: Array<'qrCode' | 'wxCode'> = ['qrCode', 'wxCode']

export async function scanCode({ cameraOnly = false }: { cameraOnly?: boolean } = {}): Promise<Scanned | null> {
  try {
    // Taro 4.2.1's types leave 'wxCode' out of ScanType; WeChat takes it (its default even includes it).
    const scanType = SCAN_TYPES as unknown as Array<keyof Taro.scanCode.ScanType>
    const result = await Taro.scanCode({ onlyFromCamera: cameraOnly, scanType })
    // `path` is there only for a code of this mini-program (a 小程序码 of one of its pages).
    return { text: result.result ?? '', path: result.path || null }
  } catch {
    return null // cancelled
  }
}
