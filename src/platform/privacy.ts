/**
 * The web build has no platform privacy check: the app's own notice is the whole story.
 * The weapp build (privacy.weapp.ts) also answers WeChat's onNeedPrivacyAuthorization.
 */
export function watchPrivacyRequests(): void {}

/** Called when the user taps 同意 in the app's notice. */
export function resolvePrivacyRequest(_agreed: boolean): void {}

/** Extra props for the agree button (WeChat needs openType="agreePrivacyAuthorization"). */
export const agreeButtonProps = {}
