import { CloudError } from '../../../domain/errors'
import { toLatLng, type LatitudeLongitude } from '../../../domain/geo'
import { merchantActive } from '../../../domain/merchants/merchant'
import { matchesQuery, queryTerm } from '../../../domain/search'
import { nearCursor, parseNearCursor } from '../../../domain/benefits/near'
import { periodKey } from '../../../domain/benefits/time'
import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { signedIn, type ActionContext } from '../../lib/context'
import type { Filter } from '../../lib/store/port'
import { activeMembership } from '../../lib/roles'
import { isEligible } from './eligibility'
import { benefitsDb, type OfferDoc } from './collections'
import { offerSummary } from './views'
import { nearPage } from './near'

export const PAGE_SIZE = 20
/** A searched page reads at most this many candidate offers, then answers with what it found. */
export const SEARCH_SCAN = 2_000
const SEARCH_BATCH = 100

/**
 * Offers open now or later: nearest store first when the member shared a location (listNear),
 * else newest first, one page at a time. The newest-first cursor is the last sortKey seen, so a
 * page costs the same however deep the member scrolls. A search looks up the query's first two
 * characters in `terms` and checks the whole query on what comes back, reading batches after the
 * cursor until the page is full, the offers run out, or SEARCH_SCAN candidates were read; the
 * cursor is then the sortKey of the last offer shown (or read, when the scan stopped first), so
 * the next page continues exactly there.
 */
export async function listOffers(ctx: ActionContext, input: ActionParsed<'benefits', 'list'>): Promise<ActionOutput<'benefits', 'list'>> {
  if (input.near) return listNear(ctx, input, input.near)
  const now = ctx.now()
  const limit = input.limit ?? PAGE_SIZE
  const filter: Filter<OfferDoc> = { status: 'active', endAt: { $gt: now.toISOString() } }
  if (input.category) filter.category = input.category
  if (input.city) filter.city = input.city
  const q = input.q
  const term = q ? queryTerm(q) : null
  const offers = benefitsDb(ctx.store).offers
  if (!q || !term) {
    if (input.cursor) filter.sortKey = { $lt: input.cursor }
    const page = await offers.find(filter, { sort: { sortKey: -1 }, limit })
    return { items: page.map((offer) => offerSummary(offer, now)), nextCursor: page.length === limit ? page[page.length - 1].sortKey : null }
  }
  filter.terms = term
  const found: OfferDoc[] = []
  let after = input.cursor ?? null
  for (let scanned = 0; found.length < limit && scanned < SEARCH_SCAN; ) {
    const want = Math.min(SEARCH_BATCH, SEARCH_SCAN - scanned)
    const batch = await offers.find({ ...filter, ...(after ? { sortKey: { $lt: after } } : {}) }, { sort: { sortKey: -1 }, limit: want })
    for (const offer of batch) {
      after = offer.sortKey
      if (matchesQuery(q, offer.title, offer.merchantName, offer.city, offer.category)) found.push(offer)
      if (found.length === limit) break
    }
    scanned += batch.length
    if (batch.length < want && found.length < limit) return { items: found.map((offer) => offerSummary(offer, now)), nextCursor: null }
  }
  return { items: found.map((offer) => offerSummary(offer, now)), nextCursor: after }
}

/** Nearest store first, with distanceM, by an exact cursor (near.ts). */
async function listNear(ctx: ActionContext, input: ActionParsed<'benefits', 'list'>, near: LatitudeLongitude): Promise<ActionOutput<'benefits', 'list'>> {
  const now = ctx.now()
  const limit = input.limit ?? PAGE_SIZE
  const after = input.cursor ? parseNearCursor(input.cursor) : null
  if (input.cursor && !after) throw new CloudError('INVALID_INPUT', '分页参数不正确', { cursor: '分页参数不正确' })
  const q = input.q ? input.q : null
  const filters = { nowIso: now.toISOString(), category: input.category, city: input.city, q: q ?? undefined, matches: (doc: OfferDoc) => !q || matchesQuery(q, doc.title, doc.merchantName, doc.city, doc.category) }
  const page = await nearPage(ctx.store, toLatLng(near), filters, after, limit)
  const items = page.shown.map(({ key, doc }) => ({ ...offerSummary(doc, now), distanceM: key.d === null ? null : Math.round(key.d) }))
  return { items, nextCursor: page.more && page.shown.length ? nearCursor(page.shown[page.shown.length - 1].key) : null }
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
  const [eligibleUnion, merchant] = await Promise.all([offer.eligibleUnionId ? ctx.db.unions.get(offer.eligibleUnionId) : null, ctx.db.merchants.get(offer.merchantId)])
  const summary = offerSummary(offer, now)
  return {
    ...summary,
    // A paused or closed merchant's offers cannot be claimed (claim.ts): the page says 已暂停.
    ...(merchant && !merchantActive(merchant) && summary.availability === 'open' ? { availability: 'paused' as const } : {}),
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
