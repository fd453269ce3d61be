import Taro from '@tarojs/taro'

/**
 * WeChat: scrolls the first problem shown into view, with room above for its field (see
 * revealError.ts); a mini-program cannot focus a field it did not render focused.
 */
export function revealFirstError(selector: string): void {
  setTimeout(() => {
    Taro.pageScrollTo({ selector, offsetTop: -120, duration: 200 }).catch(() => undefined)
  }, 0)
}
