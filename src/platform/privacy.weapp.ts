import Taro from '@tarojs/taro'
import { PRIVACY_VERSION } from '@domain/privacy/version'
import { GUIDE_PAGE } from '@domain/privacy/names'
import { usePrivacy } from '@/stores/privacy'

export const AGREE_BUTTON_ID = 'agree-privacy-btn'

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void
let pending: Resolve | null = null

/**
 * WeChat's privacy check (`__usePrivacyCheck__`): before a privacy API runs without the person's
 * agreement, WeChat asks us; we report the notice as shown (exposureAuthorization), put it up, and
 * answer when the person decides (resolvePrivacyRequest). At launch, getPrivacySetting gives the
 * guide's name as set in the console, and says whether WeChat holds the person's agreement: when it
 * does not (a new guide, declared items added) an agreement kept on this device no longer counts.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
 */
export function watchPrivacyRequests(): void {
  if (typeof Taro.onNeedPrivacyAuthorization === 'function') {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending = resolve
      resolve({ event: 'exposureAuthorization' })
      usePrivacy.getState().ask('platform')
    })
  }
  if (typeof Taro.getPrivacySetting === 'function') {
    Taro.getPrivacySetting({
      success: ({ needAuthorization, privacyContractName }) => {
        const privacy = usePrivacy.getState()
        privacy.setContractName(privacyContractName || null)
        // Never the other way round: WeChat answers false also when the console declares nothing,
        // so its "no need" does not stand for the person's agreement here.
        if (needAuthorization && privacy.agreedVersion === PRIVACY_VERSION) usePrivacy.setState({ agreedVersion: null, recordedVersion: null })
      },
    })
  }
}

/** The person decided in our notice: WeChat's waiting API goes on (agree) or fails (disagree). */
export function resolvePrivacyRequest(agreed: boolean): void {
  pending?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
  pending = null
}

/** The agree button must be WeChat's own kind, or WeChat does not count the tap as agreement. */
export const agreeButtonProps = { openType: 'agreePrivacyAuthorization' as const }

/** Opens the guide WeChat keeps (the console's text); where that fails (base library < 2.32.3), our page. */
export function openPrivacyGuide(): void {
  Taro.openPrivacyContract({ fail: () => void Taro.navigateTo({ url: GUIDE_PAGE }) })
}
