import type { Handlers } from '../lib/dispatch'
import * as benefits from '../features/benefits'

/** 普惠福利: browse, claim, my coupons, redeem at the merchant, and staff managing offers. */
export const benefitsHandlers: Handlers<'benefits'> = { ...benefits.benefits }
