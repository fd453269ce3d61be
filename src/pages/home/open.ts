import Taro from '@tarojs/taro'
import { TAB_PAGES } from '@domain/home'

/** Opens an app page from 首页: a tab page (我的) by switching tabs, any other on top. */
export function openPage(path: string): void {
  const page = path.split('?')[0]
  if (TAB_PAGES.includes(page)) void Taro.switchTab({ url: page })
  else void Taro.navigateTo({ url: path })
}
