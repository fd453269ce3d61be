import { CloudError } from '../../../src/domain/errors'
import { matchesQuery, queryTerm } from '../../../src/domain/benefits/offers'
import { periodKey } from '../../../src/domain/benefits/time'
import type { ActionOutput, ActionParsed } from '../../../src/domain/contract'
import { signedIn, type ActionContext } from '../../lib/context'
import type { Filter } from '../../lib/store/port'
import { activeMembership } from '../../lib/roles'
import { isEligible } from './eligibility'
import { benefitsDb, type OfferDoc } from './collections'
import { offerSummary } from './views'

export const PAGE_SIZE = 20

/**
 * Offers open now or later, newest first, one page at a time. The cursor is the last sortKey
 * seen, so a page costs the same however deep the member scrolls. A search looks up the query's
 * first two characters in `terms` and checks the whole query on the page, so a searched page may
 * hold fewer than `limit` offers while `nextCursor` says more may follow.
 */
export async function listOffers(ctx: ActionContext, input: ActionParsed<'benefits', 'list'>): Promise<ActionOutput<'benefits', 'list'>> {
  const now = ctx.now()
  const limit = input.limit ?? PAGE_SIZE
  const filter: Filter<OfferDoc> = { status: 'active', endAt: { $gt: now.toISOString() } }
  if (input.category) filter.category = input.category
  if (input.city) filter.city = input.city
  const term = input.q ? queryTerm(input.q) : null
  if (term) filter.terms = term
  if (input.cursor) filter.sortKey = { $lt: input.cursor }
  const page = await benefitsDb(ctx.store).offers.find(filter, { sort: { sortKey: -1 }, limit })
  const q = input.q
  const items = q ? page.filter((o) => matchesQuery(q, o.title, o.merchantName, o.city, o.category)) : page
  return {
    items: items.map((offer) => offerSummary(offer, now)),
    nextCursor: page.length === limit ? page[page.length - 1].sortKey : null,
  }
}

export async function loadOffer(ctx: ActionContext, id: string): Promise<OfferDoc> {
  const offer = await benefitsDb(ctx.store).offers.get(id)
  if (!offer) throw new CloudError('NOT_FOUND', '找不到这项福利')
  return offer
}

export async function offerDetail(ctx: ActionContext, id: string): Promise<ActionOutput<'benefits', 'detail'>> {
  const { openid } = signedIn(ctx)
  const offer = await loadOffer(ctx, id)
  const now = ctx.now()
  const membership = await activeMembership(ctx, openid)
  const eligible = membership ? await isEligible(ctx, offer, membership) : false
  const claimedThisPeriod = membership ? await benefitsDb(ctx.store).coupons.count({ offerId: offer._id, openid, periodKey: periodKey(offer.limit.period, now) }) : 0
  const eligibleUnion = offer.eligibleUnionId ? await ctx.db.unions.get(offer.eligibleUnionId) : null
  return {
    ...offerSummary(offer, now),
    description: offer.description,
    rules: offer.rules,
    images: offer.images,
    stores: offer.stores,
    limit: offer.limit,
    couponValidDays: offer.couponValidDays,
    eligibleUnionName: eligibleUnion?.name ?? null,
    me: { member: Boolean(membership), eligible, claimedThisPeriod },
  }
}
