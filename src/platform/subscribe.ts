import type { SubscribeTopic } from '@domain/subscribe'

/**
 * The web build has no subscribe messages: the person sees their notifications in the app (我的 →
 * 消息). Kept as a function so pages call it the same way on both platforms.
 */
export async function askToBeTold(_topics: SubscribeTopic[]): Promise<void> {}
