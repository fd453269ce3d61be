import dayjs from 'dayjs'
import { chinaDaysUntil } from './time'

export type CouponState = 'active' | 'used' | 'expired'

export interface CouponTimes {
  status: 'active' | 'used'
  expiresAt: string
}

/** A coupon is used once redeemed; otherwise expired from its expiry instant on. */
export function couponState(coupon: CouponTimes, now: Date): CouponState {
  if (coupon.status === 'used') return 'used'
  return dayjs(now).isBefore(dayjs(coupon.expiresAt)) ? 'active' : 'expired'
}

/** How many days before expiry the app starts reminding. */
export const REMIND_DAYS = 3

/**
 * The reminder on an active coupon close to expiry: "今天过期", "明天过期", "3天后过期"; null when it
 * is further away, used or expired.
 */
export function expiryReminder(coupon: CouponTimes, now: Date): string | null {
  if (couponState(coupon, now) !== 'active') return null
  const days = chinaDaysUntil(now, new Date(coupon.expiresAt))
  if (days > REMIND_DAYS) return null
  if (days <= 0) return '今天过期'
  if (days === 1) return '明天过期'
  return `${days}天后过期`
}

/**
 * When a coupon claimed at `claimedAt` expires: `validDays` days later (at the end of that China
 * day), but never after the offer itself ends.
 */
export function couponExpiry(claimedAt: Date, validDays: number, offerEndAt: string): string {
  const byDays = dayjs(claimedAt).add(validDays, 'day').toDate()
  const end = new Date(offerEndAt)
  return (byDays < end ? byDays : end).toISOString()
}
