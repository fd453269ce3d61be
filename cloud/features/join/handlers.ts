import type { joinActions } from '../../../src/domain/contract'
import { signedIn } from '../../lib/context'
import type { Handlers } from '../../lib/dispatch'
import { memberCard, verifyCard } from './card'
import { joinDb } from './collections'
import { describeUnions, joinableUnion, searchJoinable } from './unions'
import { viewOf } from './views'
import { submitApplication } from './submit'

/** The join (入会) actions of the `member` function; spread into memberHandlers. */
export const joinHandlers: Pick<Handlers<'member'>, keyof typeof joinActions> = {
  async unionByCode({ code }, ctx) {
    const [union] = await describeUnions(ctx, [await joinableUnion(ctx, code)])
    return union
  },

  searchUnions: ({ keyword }, ctx) => searchJoinable(ctx, keyword),

  join: submitApplication,

  async myApplication(_input, ctx) {
    const { openid } = signedIn(ctx)
    const [latest] = await joinDb(ctx.store).applications.find({ openid }, { sort: { submittedAt: -1 }, limit: 1 })
    return { application: latest ? await viewOf(ctx, latest) : null }
  },

  card: (_input, ctx) => memberCard(ctx),

  verifyCard: ({ token }, ctx) => verifyCard(ctx, token),

  async notifications(_input, ctx) {
    const { openid } = signedIn(ctx)
    const items = await ctx.db.notifications.find({ openid }, { sort: { createdAt: -1 }, limit: 50 })
    return { items: items.map((n) => ({ id: n._id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt })) }
  },
}
