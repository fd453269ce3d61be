import type { LatLng } from '@domain/geo'

/**
 * 去这里 in the web build: the browser opens Amap's public marker page (a link the person follows,
 * not a script this app loads), which offers route planning. WeChat uses openLocation
 * (navigate.weapp.ts).
 */
export function navigateTo(point: LatLng, name: string, address: string): void {
  const url = `https://uri.amap.com/marker?position=${point.lng},${point.lat}&name=${encodeURIComponent(name)}&src=union-services&coordinate=gaode&callnative=1`
  void address
  window.open(url, '_blank', 'noopener')
}
