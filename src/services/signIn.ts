import Taro from '@tarojs/taro'
import { pageWithQuery } from '@domain/returnPath'

/**
 * The sign-in page, told to come back to the current page afterwards, with its query and `extra`
 * (a join link keeps its union; the 公示 the entry an objection was for). The web build's demo
 * login only: in WeChat everyone is signed in.
 */
export function loginUrlHere(extra: Record<string, string> = {}): string {
  const router = Taro.getCurrentInstance().router
  const here = router ? pageWithQuery(router.path, { ...router.params, ...extra }) : ''
  return here ? `/pages/login/index?back=${encodeURIComponent(here)}` : '/pages/login/index'
}
