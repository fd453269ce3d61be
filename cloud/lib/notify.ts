import type { ActionContext } from './context'

/**
 * Tells a person something: a record in `notifications`, which the app lists. In WeChat a
 * subscribe message would also be sent here; that needs WeChat's servers and a template id, so it
 * is not done yet (the record is what both homes share).
 */
export async function notify(ctx: ActionContext, openid: string, message: { title: string; body: string; link?: string }): Promise<void> {
  await ctx.db.notifications.insert({
    _id: ctx.newId(),
    openid,
    title: message.title,
    body: message.body,
    link: message.link ?? null,
    createdAt: ctx.now().toISOString(),
    readAt: null,
  })
}
