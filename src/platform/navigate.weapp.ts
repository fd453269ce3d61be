import Taro from '@tarojs/taro'
import { toLatitudeLongitude, type LatLng } from '@domain/geo'

/** 去这里: WeChat's own map page with its route options; needs no location permission. */
export function navigateTo(point: LatLng, name: string, address: string): void {
  Taro.openLocation({ ...toLatitudeLongitude(point), name, address, scale: 17 }).catch(() => {
    void Taro.showToast({ title: '无法打开地图', icon: 'none' })
  })
}
