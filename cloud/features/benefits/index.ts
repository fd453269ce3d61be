import type { FeatureHandlers } from '../../lib/dispatch'
import { listOffers, offerDetail } from './browse'
import { claimOffer } from './claim'
import { myCoupon, myCoupons, remindExpiring } from './coupons'
import { manageList, saveOffer, setOfferStatus } from './manage'
import { redeemCoupon, todaysRedemptions } from './redeem'

/** 普惠福利: browse, claim, my coupons, redeem at the merchant, and staff managing offers. */
export { BENEFITS_COLLECTIONS as collections } from './collections'

export const benefits = {
  list: (input, ctx) => listOffers(ctx, input),
  detail: ({ id }, ctx) => offerDetail(ctx, id),
  claim: (input, ctx) => claimOffer(ctx, input),
  myCoupons: (_input, ctx) => myCoupons(ctx),
  remindExpiring: (_input, ctx) => remindExpiring(ctx),
  coupon: ({ id }, ctx) => myCoupon(ctx, id),
  redeem: ({ code }, ctx) => redeemCoupon(ctx, code),
  redemptions: (_input, ctx) => todaysRedemptions(ctx),
  manageList: (_input, ctx) => manageList(ctx),
  saveOffer: (input, ctx) => saveOffer(ctx, input),
  setOfferStatus: ({ id, status }, ctx) => setOfferStatus(ctx, id, status),
} satisfies FeatureHandlers<'benefits'>
