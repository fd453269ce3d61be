import Taro from '@tarojs/taro'
import { toLatLng } from '@domain/geo'
import { askPrivacy } from '@/stores/privacy'
import { rememberLocation } from './lastLocation'
import type { Located } from './location'

export type { Located } from './location'

export const REENABLE_HINT = '如需按你的位置查找，请点“去设置”打开“位置信息”，然后点“重新定位”。'

/** WeChat: GCJ-02 directly, the system the station data and <Map> use. */
export async function locate(): Promise<Located> {
  if (!(await askPrivacy('location'))) return { ok: false, reason: 'no-consent' }
  try {
    const result = await Taro.getLocation({ type: 'gcj02' })
    const point = toLatLng(result)
    rememberLocation(point)
    return { ok: true, point }
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '')
    // Declined in the notice WeChat asked for: "getLocation:fail privacy permission is not authorized".
    if (/privacy/i.test(message)) return { ok: false, reason: 'no-consent' }
    return { ok: false, reason: /auth|deny|denied/i.test(message) ? 'denied' : 'unavailable' }
  }
}

export function openLocationSettings(): void {
  void Taro.openSetting()
}
export const canOpenSettings = true
