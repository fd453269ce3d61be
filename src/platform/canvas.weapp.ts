import Taro from '@tarojs/taro'
import type { Surface } from './canvas'

export type { Surface } from './canvas'

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D | null
}

/**
 * WeChat: the node of a `<Canvas type='2d' id={id}>` on the current page (canvas 2d, base library
 * 2.9.0+), through a selector query after the page has rendered it. Its backing store is sized for
 * the screen's pixel ratio here: WeChat's canvas does not do it, and the chart library scales only
 * the context. `null` when the node is missing or has no size. (Needs the WeChat client.)
 */
export function canvas2d(id: string): Promise<Surface | null> {
  return new Promise((resolve) => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width?: number; height?: number } | null>) => {
          const found = res?.[0]
          const node = found?.node
          const width = found?.width ?? 0
          const height = found?.height ?? 0
          const context = node && width > 0 && height > 0 ? node.getContext('2d') : null
          if (!node || !context) return resolve(null)
          const pixelRatio = Taro.getWindowInfo ? Taro.getWindowInfo().pixelRatio : Taro.getSystemInfoSync().pixelRatio
          node.width = Math.round(width * pixelRatio)
          node.height = Math.round(height * pixelRatio)
          resolve({ context, width, height, pixelRatio })
        })
    })
  })
}
