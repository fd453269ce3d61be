import Taro from '@tarojs/taro'
import { toLatLng, wgs84ToGcj02, type LatLng } from '@domain/geo'
import { askPrivacy } from '@/stores/privacy'
import { rememberLocation } from './lastLocation'

/** 'no-consent': the person has not agreed to the privacy guide, so the location was not read. */
export type Located = { ok: true; point: LatLng } | { ok: false; reason: 'denied' | 'unavailable' | 'no-consent' }

/** How a person who refused location turns it back on, on this platform. */
export const REENABLE_HINT = '如需按你的位置查找，请在浏览器地址栏左侧的“网站设置”中允许使用位置信息，然后点“重新定位”。'

/**
 * The web build: the browser's geolocation (WGS-84) through Taro, turned into GCJ-02 like the
 * station data. A refusal and a timeout are told apart so the page can say the right thing.
 */
export async function locate(): Promise<Located> {
  if (!(await askPrivacy('location'))) return { ok: false, reason: 'no-consent' }
  try {
    const result = await Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: 8000 })
    const point = wgs84ToGcj02(toLatLng(result))
    rememberLocation(point)
    return { ok: true, point }
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '')
    return { ok: false, reason: /denied|permission/i.test(message) ? 'denied' : 'unavailable' }
  }
}

/** The web build cannot open the browser's settings for the user. */
export function openLocationSettings(): void {}
export const canOpenSettings = false
