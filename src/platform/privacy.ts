import Taro from '@tarojs/taro'
import { GUIDE_PAGE } from '@domain/privacy/names'

/**
 * The web build has no platform privacy check: the app's own notice is the whole story.
 * The weapp build (privacy.weapp.ts) also answers WeChat's onNeedPrivacyAuthorization and reads
 * the guide's name from getPrivacySetting.
 */
export function watchPrivacyRequests(): void {}

/** Called when the person decides in the app's notice. */
export function resolvePrivacyRequest(_agreed: boolean): void {}

/** Extra props for the agree button (WeChat needs openType="agreePrivacyAuthorization"). */
export const agreeButtonProps = {}

/** Opens the full guide: on the web, the app's own page with the same text. */
export function openPrivacyGuide(): void {
  void Taro.navigateTo({ url: GUIDE_PAGE })
}
