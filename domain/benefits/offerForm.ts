import { OfferForm as OfferFormSchema, type OfferAdmin, type OfferForm, type OfferStore } from '../contract'
import { draftsOf, isBlank, storesOf, type StoreDraft } from '../merchants/storeDrafts'
import { chinaDayBound, chinaToday } from '../time'
import { fieldProblems } from '../validate'
import type { LimitPeriod, OfferCategory, OfferCity } from './categories'
import { offerFormErrors } from './offers'

/**
 * The 福利管理 form's rules: the draft it edits (text as typed, a day for the window), the OfferForm
 * it sends, and its problems before sending: the contract's field messages, then the form rules
 * (domain/benefits/offers.ts), the same the cloud checks again.
 */

/** What the form may choose from: the merchants of the clerk's subtree (the cloud refuses any other), and the unions. */
export interface OfferChoices {
  merchants: Array<{ id: string; name: string; stores?: OfferStore[] }>
  unions: Array<{ id: string; name: string }>
}

/** 可领取的会员: every member, or one union and its subtree. */
export const ALL_MEMBERS = ''

export interface OfferDraft {
  title: string
  category: OfferCategory
  merchantId: string
  unionId: string
  city: OfferCity
  county: string
  description: string
  rules: string
  stores: StoreDraft[]
  /** ALL_MEMBERS for every member. */
  eligibleUnionId: string
  startDay: string
  endDay: string
  total: string
  limitCount: string
  limitPeriod: LimitPeriod
  validDays: string
}

/** The draft for an offer being edited, or a new one (first merchant and union, one a month, 30 days). */
export function offerDraftOf(offer: OfferAdmin | null, choices: OfferChoices): OfferDraft {
  return {
    title: offer?.title ?? '',
    category: (offer?.category as OfferCategory | undefined) ?? '日常生活',
    merchantId: offer?.merchantId ?? choices.merchants[0]?.id ?? '',
    unionId: offer?.unionId ?? choices.unions[0]?.id ?? '',
    city: (offer?.city as OfferCity | undefined) ?? '呼和浩特',
    county: offer?.county ?? '',
    description: offer?.description ?? '',
    rules: (offer?.rules ?? ['仅限工会会员本人使用，不得转让']).join('\n'),
    stores: draftsOf(offer?.stores ?? []),
    eligibleUnionId: offer?.eligibleUnionId ?? ALL_MEMBERS,
    startDay: offer ? chinaToday(new Date(offer.startAt)) : '',
    endDay: offer ? chinaToday(new Date(offer.endAt)) : '',
    total: offer ? String(offer.total) : '100',
    limitCount: String(offer?.limit.count ?? 1),
    limitPeriod: offer?.limit.period ?? 'month',
    validDays: String(offer?.couponValidDays ?? 30),
  }
}

/** Picking a merchant fills the stores from it while none are typed yet: its stores are where offers are used. */
export function withMerchant(draft: OfferDraft, merchantId: string, choices: OfferChoices): OfferDraft {
  const stores = choices.merchants.find((m) => m.id === merchantId)?.stores ?? []
  return { ...draft, merchantId, ...(isBlank(draft.stores) && stores.length ? { stores: draftsOf(stores) } : {}) }
}

/** The draft as saveOffer takes it: rules one a line, the window from the first to the last day in China time. */
export function offerFormOf(draft: OfferDraft, offerId?: string): OfferForm {
  return {
    ...(offerId ? { id: offerId } : {}),
    unionId: draft.unionId,
    merchantId: draft.merchantId,
    title: draft.title,
    category: draft.category,
    city: draft.city,
    county: draft.county,
    description: draft.description,
    rules: draft.rules.split('\n').map((r) => r.trim()).filter(Boolean),
    stores: storesOf(draft.stores),
    startAt: chinaDayBound(draft.startDay, 'first'),
    endAt: chinaDayBound(draft.endDay, 'last'),
    total: Number(draft.total),
    limit: { count: Number(draft.limitCount), period: draft.limitPeriod },
    couponValidDays: Number(draft.validDays),
    eligibleUnionId: draft.eligibleUnionId || null,
  }
}

const FIELD_PATHS: Partial<Record<keyof OfferDraft, string>> = { startDay: 'startAt', endDay: 'endAt', limitCount: 'limit.count', validDays: 'couponValidDays' }

/** Where a problem with a draft field is reported: its path in OfferForm. */
export const offerFieldPath = (key: keyof OfferDraft): string => FIELD_PATHS[key] ?? key

/** Problems by OfferForm path, empty when the form may be sent: the contract's shapes first, then the form rules. `claimed`: coupons already taken. */
export function checkOfferForm(form: OfferForm, claimed: number): Record<string, string> {
  const shapes = fieldProblems(OfferFormSchema, form)
  return Object.keys(shapes).length ? shapes : offerFormErrors(form, claimed)
}
