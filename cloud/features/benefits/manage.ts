import { offerFormErrors } from '../../../domain/benefits/offers'
import type { ActionOutput, OfferAdmin, OfferForm } from '../../../domain/contract'
import { CloudError, ERROR_MESSAGES } from '../../../domain/errors'
import { type ActionContext } from '../../lib/context'
import { isStaffOf, requireAnyStaff, requireStaffOf, unionPathOf } from '../../lib/roles'
import { withDerived } from './build'
import { benefitsDb, type OfferDoc } from './collections'
import { offerAdmin } from './views'
import { offerMerchants } from '../merchants/queries'
import type { MerchantDoc } from '../../lib/collections'

/** Offers of the caller's unions and the unions below, with what the form needs to pick from. */
export async function manageList(ctx: ActionContext): Promise<ActionOutput<'benefits', 'manageList'>> {
  const roots = requireAnyStaff(ctx)
  const db = benefitsDb(ctx.store)
  const offers = new Map<string, OfferDoc>()
  const unions = new Map<string, string>()
  for (const root of roots) {
    for (const offer of await db.offers.find({ unionPath: root }, { sort: { sortKey: -1 }, limit: 100 })) offers.set(offer._id, offer)
    const top = await ctx.db.unions.get(root)
    if (top) unions.set(top._id, top.name)
    for (const union of await ctx.db.unions.find({ ancestors: root }, { limit: 100 })) unions.set(union._id, union.name)
  }
  const merchants = await offerMerchants(ctx, roots)
  return {
    items: [...offers.values()].sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1)).map(offerAdmin),
    merchants: merchants.map((m) => ({ id: m._id, name: m.name, stores: m.stores ?? [] })),
    unions: [...unions].map(([id, name]) => ({ id, name })),
  }
}

/** An offer the caller may manage (it belongs to one of their subtrees), else NOT_FOUND. */
async function manageableOffer(ctx: ActionContext, id: string): Promise<OfferDoc> {
  const roots = requireAnyStaff(ctx)
  const offer = await benefitsDb(ctx.store).offers.get(id)
  if (!offer || !roots.some((root) => offer.unionPath.includes(root))) throw new CloudError('NOT_FOUND', '找不到这项福利')
  return offer
}

function invalid(fields: Record<string, string>): CloudError {
  return new CloudError('INVALID_INPUT', Object.values(fields)[0], fields)
}

/**
 * The merchant an offer names: one of the caller's subtree (a merchant out of reach answers as an
 * unknown one), not closed. An offer being edited may keep the merchant it already names (offers
 * made before merchants had owners in the tree).
 */
async function offerMerchant(ctx: ActionContext, merchantId: string, existing: OfferDoc | null): Promise<MerchantDoc> {
  const merchant = await ctx.db.merchants.get(merchantId)
  const union = merchant ? await ctx.db.unions.get(merchant.unionId) : null
  const kept = existing?.merchantId === merchantId
  if (!merchant || (!kept && (!union || !isStaffOf(ctx.caller, union)))) throw new CloudError('MERCHANT_OUT_OF_REACH', undefined, { merchantId: ERROR_MESSAGES.MERCHANT_OUT_OF_REACH })
  if (merchant.status === 'closed') throw new CloudError('MERCHANT_CLOSED', '该商户已关闭，不能发布或修改它的福利', { merchantId: '该商户已关闭' })
  return merchant
}

/**
 * Adds or edits an offer. The rules beyond field shapes (end after start, total not below what
 * was claimed) are checked first for a clear message, and again by the update's filter, since a
 * claim may take a unit in between: total and stock move together by one atomic increment.
 */
export async function saveOffer(ctx: ActionContext, form: OfferForm): Promise<OfferAdmin> {
  requireAnyStaff(ctx)
  const union = await requireStaffOf(ctx, form.unionId)
  const existing = form.id ? await manageableOffer(ctx, form.id) : null
  const merchant = await offerMerchant(ctx, form.merchantId, existing)
  if (form.eligibleUnionId) {
    // Only a union in the caller's own subtree; an unknown one answers alike (nothing learnt about others).
    const eligible = await ctx.db.unions.get(form.eligibleUnionId)
    if (!eligible || !isStaffOf(ctx.caller, eligible)) throw new CloudError('ELIGIBLE_UNION_OUT_OF_REACH', undefined, { eligibleUnionId: ERROR_MESSAGES.ELIGIBLE_UNION_OUT_OF_REACH })
  }
  const claimed = existing ? existing.total - existing.stock : 0
  const errors = offerFormErrors(form, claimed)
  if (Object.keys(errors).length) throw invalid(errors)

  const db = benefitsDb(ctx.store)
  const now = ctx.now().toISOString()
  const fields = {
    merchantId: merchant._id,
    merchantName: merchant.name,
    unionId: union._id,
    unionPath: unionPathOf(union),
    eligibleUnionId: form.eligibleUnionId ?? null,
    title: form.title,
    category: form.category,
    description: form.description,
    rules: form.rules,
    city: form.city,
    county: form.county,
    stores: form.stores,
    startAt: new Date(form.startAt).toISOString(),
    endAt: new Date(form.endAt).toISOString(),
    limit: form.limit,
    couponValidDays: form.couponValidDays,
    updatedAt: now,
  }

  if (!existing) {
    const offer = withDerived({ _id: ctx.newId(), ...fields, images: [], total: form.total, stock: form.total, status: 'active', createdAt: now })
    await db.offers.insert(offer)
    await ctx.audit({ action: 'benefits.offer.create', target: { collection: 'offers', id: offer._id }, before: null, after: offerAdmin(offer), unionPath: offer.unionPath })
    return offerAdmin(offer)
  }

  const delta = form.total - existing.total
  const { sortKey, terms } = withDerived({ ...existing, ...fields })
  const changed = await db.offers.update(
    { _id: existing._id, updatedAt: existing.updatedAt, ...(delta < 0 ? { stock: { $gte: -delta } } : {}) },
    { set: { ...fields, sortKey, terms }, inc: { total: delta, stock: delta } },
  )
  if (!changed) {
    const now2 = await db.offers.get(existing._id)
    if (now2 && now2.updatedAt === existing.updatedAt) throw new CloudError('OFFER_STOCK_BELOW_CLAIMED', `总数量不能少于已领取的 ${now2.total - now2.stock} 张`)
    throw new CloudError('CONFLICT')
  }
  const after = (await db.offers.get(existing._id)) as OfferDoc
  await ctx.audit({ action: 'benefits.offer.update', target: { collection: 'offers', id: existing._id }, before: offerAdmin(existing), after: offerAdmin(after), unionPath: existing.unionPath })
  return offerAdmin(after)
}

export async function setOfferStatus(ctx: ActionContext, id: string, status: OfferDoc['status']): Promise<OfferAdmin> {
  const offer = await manageableOffer(ctx, id)
  const updatedAt = ctx.now().toISOString()
  await benefitsDb(ctx.store).offers.update({ _id: id }, { set: { status, updatedAt } })
  await ctx.audit({ action: status === 'paused' ? 'benefits.offer.pause' : 'benefits.offer.resume', target: { collection: 'offers', id }, before: { status: offer.status }, after: { status }, unionPath: offer.unionPath })
  return offerAdmin({ ...offer, status, updatedAt })
}

