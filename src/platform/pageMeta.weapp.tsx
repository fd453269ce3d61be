import { NavigationBar, PageMeta } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { rootFontPx } from '@domain/a11y/rootFont'

/** Read once: WeChat restarts the mini-program when the person changes the font size. */
let rootFont: string | null = null

function rootFontSize(): string {
  if (rootFont) return rootFont
  let width: number | undefined
  let scale: number | undefined
  try {
    width = Taro.getWindowInfo().windowWidth
    // fontSizeScaleFactor: WeChat's font size as a scale (1 = standard): https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getAppBaseInfo.html
    scale = (Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }).fontSizeScaleFactor
  } catch {
    // An old base library without these: the standard size.
  }
  rootFont = `${rootFontPx(width, scale)}px`
  return rootFont
}

/**
 * The page's <page-meta root-font-size>: every size in the weapp build is rem (config/index.ts), so
 * the whole page follows the person's WeChat font size. Taro puts page-meta first in the page (its
 * page config says `enablePageMeta: true`; tests/weapp checks every page does), together with a
 * navigation-bar, which is given the page's own title and the app's colours so it changes nothing.
 */
export function PageRootFont() {
  const page = Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | undefined
  return (
    <PageMeta rootFontSize={rootFontSize()}>
      <NavigationBar title={page?.config?.navigationBarTitleText ?? '工会会员服务'} frontColor='#ffffff' backgroundColor='#c8161d' />
    </PageMeta>
  )
}
