import Taro from '@tarojs/taro'
import { usePrivacy } from '@/stores/privacy'

export const AGREE_BUTTON_ID = 'agree-privacy-btn'

type Resolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void
let pending: Resolve | null = null

/** WeChat asks before a protected API runs: show our notice, answer when the user decides. */
export function watchPrivacyRequests(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    usePrivacy.getState().requireNotice()
  })
}

export function resolvePrivacyRequest(agreed: boolean): void {
  pending?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
  pending = null
}

export const agreeButtonProps = { openType: 'agreePrivacyAuthorization' as const }
