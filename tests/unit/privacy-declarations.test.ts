import fs from 'node:fs'
import path from 'node:path'
import { PRIVACY_DECLARATIONS } from '@domain/privacy/declarations'

/**
 * Declared APIs match used ones. WeChat's table of the APIs that handle personal information, by
 * the item of the 用户隐私保护指引 each needs (a copy of
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html,
 * the plugin table at …/user-privacy/plugin-intro.html lists the same), and the eight location APIs
 * that must also be in app.json's requiredPrivateInfos
 * (https://developers.weixin.qq.com/community/develop/doc/000a02f2c5026891650e7f40351c01).
 */
const WECHAT_PRIVACY_APIS: Record<string, string[]> = {
  UserInfo: ['getUserInfo', 'getUserProfile', 'chooseAvatar'],
  Location: ['getLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'getFuzzyLocation', 'onLocationChange'],
  ChooseLocation: ['choosePoi', 'chooseLocation'],
  Address: ['chooseAddress'],
  Invoice: ['chooseInvoiceTitle', 'chooseInvoice'],
  RunData: ['getWeRunData'],
  PhoneNumber: ['getPhoneNumber', 'getRealtimePhoneNumber'],
  LicensePlate: ['chooseLicensePlate'],
  Album: ['chooseImage', 'chooseMedia', 'chooseVideo'],
  MessageFile: ['chooseMessageFile'],
  Record: ['startRecord', 'getRecorderManager', 'joinVoIPChat'],
  Camera: ['createVKSession', 'createCameraContext'],
  BlueTooth: ['openBluetoothAdapter', 'createBLEPeripheralServer'],
  AlbumWriteOnly: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'],
  Contact: ['addPhoneContact'],
  CalendarWriteOnly: ['addPhoneCalendar', 'addPhoneRepeatCalendar'],
  Accelerometer: ['startAccelerometer'],
  Compass: ['startCompass'],
  DeviceMotion: ['startDeviceMotionListening'],
  Gyroscope: ['startGyroscope'],
  Clipboard: ['setClipboardData', 'getClipboardData'],
}
const REQUIRED_PRIVATE_INFOS = ['getFuzzyLocation', 'getLocation', 'onLocationChange', 'chooseAddress', 'choosePoi', 'chooseLocation', 'startLocationUpdate', 'startLocationUpdateBackground']

const ROOT = path.resolve(__dirname, '../..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

/** Every WeChat API the app calls (`Taro.x(`, `wx.x(`) or asks of a button (`openType='x'`), with the files. */
function usedApis(): Map<string, string[]> {
  const used = new Map<string, string[]>()
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8')
    const names = [...text.matchAll(/\b(?:Taro|wx)\.([a-zA-Z]+)\s*\(/g), ...text.matchAll(/openType\s*[:=]\s*\{?\s*['"]([a-zA-Z]+)['"]/g)].map((m) => m[1])
    for (const name of names) used.set(name, [...(used.get(name) ?? []), path.relative(ROOT, file)])
  }
  return used
}

function appConfig(): { requiredPrivateInfos?: string[]; permission?: Record<string, { desc: string }>; __usePrivacyCheck__?: boolean } {
  ;(globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config
  let config = {}
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    config = require(path.join(ROOT, 'src/app.config.ts')).default
  })
  return config
}

describe('privacy declarations', () => {
  const used = usedApis()
  const privacyApis = new Map(Object.entries(WECHAT_PRIVACY_APIS).flatMap(([key, apis]) => apis.map((api) => [api, key] as const)))
  const usedPrivacy = [...used.keys()].filter((api) => privacyApis.has(api)).sort()

  it('finds the APIs the code calls (the scan itself works)', () => {
    expect(used.get('getLocation')).toEqual(expect.arrayContaining(['src/platform/location.weapp.ts']))
    expect(used.get('chooseMessageFile')).toEqual(['src/platform/csvFile.weapp.ts', 'src/platform/upload.weapp.ts'])
    expect(used.has('showToast')).toBe(true)
  })

  it('every privacy API the app calls has its item declared, and every declared API is called', () => {
    const declared = PRIVACY_DECLARATIONS.flatMap((d) => d.apis).sort()
    expect(usedPrivacy).toEqual(declared)
    for (const d of PRIVACY_DECLARATIONS) for (const api of d.apis) expect(privacyApis.get(api)).toBe(d.key)
  })

  it('requiredPrivateInfos lists exactly the location APIs called (chooseLocation is not)', () => {
    const config = appConfig()
    const needed = usedPrivacy.filter((api) => REQUIRED_PRIVATE_INFOS.includes(api))
    expect([...(config.requiredPrivateInfos ?? [])].sort()).toEqual(needed)
    expect(PRIVACY_DECLARATIONS.filter((d) => d.requiredPrivateInfo).flatMap((d) => d.apis).sort()).toEqual(needed)
    expect(used.has('chooseLocation')).toBe(false)
  })

  it('location has the permission text WeChat shows, and the privacy check is on', () => {
    const config = appConfig()
    expect(config.permission?.['scope.userLocation']?.desc).toMatch(/驿站|服务站点/)
    expect(config.__usePrivacyCheck__).toBe(true)
  })

  it('each privacy API is called only inside the platform seams (src/platform/), where the privacy gate is', () => {
    const outside = usedPrivacy.flatMap((api) => used.get(api)!.filter((file) => !/^src\/platform\/[a-zA-Z-]+(\.weapp)?\.ts$/.test(file)).map((file) => `${api} in ${file}`))
    expect(outside).toEqual([])
  })
})
