import { noticePage, type NoticeTarget } from '../../domain/notices'
import type { SubscribeFields, SubscribeTopic } from '../../domain/subscribe'
import type { ActionOutput } from '../../domain/contract'
import { signedIn, type ActionContext } from './context'
import { DuplicateKeyError } from './store/port'

export interface Push<T extends SubscribeTopic = SubscribeTopic> {
  topic: T
  fields: SubscribeFields<T>
}

/**
 * Tells a person something: a record in `notifications`, which the app lists (both homes), and in
 * WeChat also a subscribe message when the person allowed one and a template is configured.
 * A push WeChat refuses (not subscribed, quota used up) is logged by its code and never fails the
 * action that caused it: the record is already there.
 */
export async function notify(ctx: ActionContext, openid: string, message: { title: string; body: string; link?: string; target?: NoticeTarget; key?: string }, push?: Push): Promise<void> {
  // A key makes the notice once-only: a step tried again (a close telling members) tells nobody twice.
  const id = message.key ?? ctx.newId()
  try {
    await ctx.db.notifications.insert({
      _id: id,
      openid,
      title: message.title,
      body: message.body,
      link: message.link ?? null,
      ...(message.target ? { target: message.target } : {}),
      createdAt: ctx.now().toISOString(),
      readAt: null,
    })
  } catch (error) {
    if (message.key && error instanceof DuplicateKeyError) return
    throw error
  }
  if (!push || !ctx.wechat) return
  try {
    const page = noticePage({ target: message.target ?? null, link: message.link ?? null, title: message.title })
    const sent = await ctx.wechat.sendSubscribe(openid, push.topic, page, push.fields)
    if (sent) await ctx.db.notifications.update({ _id: id }, { set: { pushedAt: ctx.now().toISOString() } })
  } catch (error) {
    const code = (error as { errCode?: number })?.errCode
    ctx.logError(`subscribe message ${push.topic} not sent${code ? ` (errCode ${code})` : ''}`, code ? null : error)
  }
}

/** The caller's latest notifications, newest first (member.notifications). */
export async function myNotifications(ctx: ActionContext): Promise<ActionOutput<'member', 'notifications'>> {
  const { openid } = signedIn(ctx)
  const items = await ctx.db.notifications.find({ openid }, { sort: { createdAt: -1 }, limit: 50 })
  return { items: items.map((n) => ({ id: n._id, title: n.title, body: n.body, link: n.link, target: n.target ?? null, createdAt: n.createdAt })) }
}
