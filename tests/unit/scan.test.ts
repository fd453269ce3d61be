import Taro from '@tarojs/taro'
import { couponFromScan, JOIN_ENTRY_PAGE, SCAN_NOT_UNION, SCAN_OTHER_PAGE, unionFromScan, unionScanProblem } from '@domain/scan'
import { SCAN_TYPES, scanCode } from '@/platform/scan.weapp'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { scanCode: jest.fn() } }))
const scanMock = Taro.scanCode as unknown as jest.Mock

describe('what a scan means', () => {
  it('a union’s 小程序码 (path with scene=, encoded on iOS or not on Android) is its code', () => {
    expect(unionFromScan({ text: '', path: `${JOIN_ENTRY_PAGE}?scene=hhht-xc-kd` })).toEqual({ kind: 'union', code: 'hhht-xc-kd' })
    expect(unionFromScan({ text: 'ignored', path: `/${JOIN_ENTRY_PAGE}?scene=hhht%2Dxc%2Dkd` })).toEqual({ kind: 'union', code: 'hhht-xc-kd' })
  })

  it('a 小程序码 of another page (an administrator’s invitation) is not a union code, whatever its scene', () => {
    const meaning = unionFromScan({ text: '', path: 'features/admin/pages/invite/index?scene=TOKEN123' })
    expect(meaning).toEqual({ kind: 'other-page', page: 'features/admin/pages/invite/index' })
    expect(unionScanProblem(meaning)).toBe(SCAN_OTHER_PAGE)
  })

  it('a QR code: the web link, the stand-in poster text union=<code>, or a bare code', () => {
    expect(unionFromScan({ text: 'https://union.example/#/features/join/pages/entry/index?union=hhht-xc-kd', path: null })).toEqual({ kind: 'union', code: 'hhht-xc-kd' })
    expect(unionFromScan({ text: 'union=hhht-xc-kd', path: null })).toEqual({ kind: 'union', code: 'hhht-xc-kd' })
    expect(unionFromScan({ text: 'HHHT-XC-KD', path: null })).toEqual({ kind: 'union', code: 'hhht-xc-kd' })
    const other = unionFromScan({ text: '这是一段别的文字', path: null })
    expect(other).toEqual({ kind: 'unknown' })
    expect(unionScanProblem(other)).toBe(SCAN_NOT_UNION)
  })

  it('at the till a coupon is the QR’s text; a 小程序码 of this app never is one', () => {
    expect(couponFromScan({ text: ' 12345678 ', path: null })).toBe('12345678')
    expect(couponFromScan({ text: '', path: `${JOIN_ENTRY_PAGE}?scene=hhht-xc-kd` })).toBeNull()
    expect(couponFromScan({ text: '   ', path: null })).toBeNull()
  })
})

describe('the WeChat scanner seam', () => {
  beforeEach(() => scanMock.mockReset())

  it('asks WeChat for QR codes and 小程序码 and hands over the text and path', async () => {
    scanMock.mockResolvedValue({ result: '', path: `${JOIN_ENTRY_PAGE}?scene=hhht-xc-kd`, scanType: 'WX_CODE' })
    expect(await scanCode()).toEqual({ text: '', path: `${JOIN_ENTRY_PAGE}?scene=hhht-xc-kd` })
    expect(scanMock).toHaveBeenCalledWith({ onlyFromCamera: false, scanType: ['qrCode', 'wxCode'] })
    expect(SCAN_TYPES).toContain('wxCode')
  })

  it('camera only at the till; a cancelled scan is null', async () => {
    scanMock.mockRejectedValue({ errMsg: 'scanCode:fail cancel' })
    expect(await scanCode({ cameraOnly: true })).toBeNull()
    expect(scanMock).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true }))
  })
})
