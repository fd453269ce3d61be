import Taro from '@tarojs/taro'
import { parseSubscribeTemplates, type SubscribeTopic } from '@domain/subscribe'

/** The deployment's templates, from TARO_APP_SUBSCRIBE_TEMPLATES in the weapp build's .env (see domain/subscribe.ts). */
const templates = parseSubscribeTemplates(process.env.TARO_APP_SUBSCRIBE_TEMPLATES)

/**
 * Asks once, at the moment the person acts (WeChat only allows it inside a tap), whether the
 * app may send one message about the outcome. Saying no, or a topic without a template, changes
 * nothing else: the in-app notification is always written.
 */
export async function askToBeTold(topics: SubscribeTopic[]): Promise<void> {
  const tmplIds = topics.map((topic) => templates[topic]?.id).filter((id): id is string => Boolean(id))
  if (!tmplIds.length) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })
  } catch {
    // Refused, or switched off in settings: nothing to do.
  }
}
