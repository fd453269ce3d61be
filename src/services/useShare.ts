import { useShareAppMessage } from '@tarojs/taro'
import type { SharePayload } from '@domain/share'

/**
 * Turns on WeChat's 转发 for a public page (domain/share.ts says which) with its title and path;
 * the latest payload is used when the person shares. Taro registers onShareAppMessage, which is what
 * enables 转发 in the page's menu, only for pages whose config says `enableShareAppMessage: true`
 * (@tarojs/runtime's createPageConfig), so each shareable page sets that too; every other page keeps
 * 转发 greyed out. https://docs.taro.zone/docs/apis/taro.hooks/useShareAppMessage
 */
export function useShare(payload: SharePayload): void {
  useShareAppMessage(() => payload)
}
