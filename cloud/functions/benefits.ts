import type { Handlers } from '../lib/dispatch'
import { listOffers, offerDetail } from '../features/benefits/browse'
import { claimOffer } from '../features/benefits/claim'
import { myCoupon, myCoupons, remindExpiring } from '../features/benefits/coupons'
import { manageList, saveOffer, setOfferStatus } from '../features/benefits/manage'
import { redeemCoupon, todaysRedemptions } from '../features/benefits/redeem'

/** 普惠福利: browse, claim, my coupons, redeem at the merchant, and staff managing offers. */
export const benefitsHandlers: Handlers<'benefits'> = {
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
}
