import { chinaDay } from '../../../domain/benefits/time'
import type { ActionOutput } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { merchantActive } from '../../../domain/merchants/merchant'
import { signedIn, type ActionContext } from '../../lib/context'
import { requireMerchantStaff } from '../../lib/roles'
import { benefitsDb, type CouponDoc } from './collections'
import { readCouponToken } from './coupons'
import { tallyCoupon } from '../staff/tally'

/** A scanned QR (a signed token) or a typed redeem code, to the coupon it names. */
async function findCoupon(ctx: ActionContext, input: string): Promise<CouponDoc> {
  const db = benefitsDb(ctx.store)
  if (input.includes('.')) {
    const check = readCouponToken(ctx, input)
    if (!check.ok) throw new CloudError('COUPON_INVALID', check.reason === 'expired' ? '二维码已过期，请让会员刷新券码后再扫' : undefined)
    const coupon = await db.coupons.get(check.claims.c)
    if (!coupon) throw new CloudError('COUPON_INVALID')
    return coupon
  }
  const code = input.replace(/[\s-]/g, '').toUpperCase()
  const [coupon] = await db.coupons.find({ code }, { limit: 1 })
  if (!coupon) throw new CloudError('COUPON_INVALID', '核销码不存在，请核对后重新输入')
  return coupon
}

/**
 * Marks a coupon used by the caller's merchant. The update's filter says it must still be
 * unused and unexpired, so two scans at the same moment redeem it once: the other gets COUPON_USED.
 */
export async function redeemCoupon(ctx: ActionContext, input: string): Promise<ActionOutput<'benefits', 'redeem'>> {
  const merchants = requireMerchantStaff(ctx)
  const coupon = await findCoupon(ctx, input)
  if (!merchants.includes(coupon.merchantId)) throw new CloudError('COUPON_OTHER_MERCHANT')
  // A paused or closed merchant redeems nothing (商户管理): its cashiers are told before the coupon is touched.
  const merchant = await ctx.db.merchants.get(coupon.merchantId)
  if (merchant && !merchantActive(merchant)) throw new CloudError('MERCHANT_SUSPENDED', `本店已${merchant.status === 'closed' ? '关闭' : '暂停'}合作，暂不能核销；如有疑问请联系工会`)
  const now = ctx.now()
  const nowIso = now.toISOString()
  if (coupon.status === 'used') throw new CloudError('COUPON_USED')
  if (coupon.expiresAt <= nowIso) throw new CloudError('COUPON_EXPIRED')
  const after = { status: 'used' as const, usedAt: nowIso, usedBy: signedIn(ctx).openid, usedDay: chinaDay(now) }
  const changed = await benefitsDb(ctx.store).coupons.update({ _id: coupon._id, status: 'active', expiresAt: { $gt: nowIso } }, { set: after })
  if (!changed) throw new CloudError('COUPON_USED')
  const offer = await benefitsDb(ctx.store).offers.get(coupon.offerId)
  if (offer) await tallyCoupon(ctx, offer.unionPath, coupon, 'r', nowIso)
  await ctx.audit({ action: 'benefits.redeem', target: { collection: 'coupons', id: coupon._id }, before: { status: coupon.status }, after })
  return { couponId: coupon._id, title: coupon.title, code: coupon.code, usedAt: nowIso }
}

/** The caller's merchant's redemptions of the current China day, newest first. */
export async function todaysRedemptions(ctx: ActionContext): Promise<ActionOutput<'benefits', 'redemptions'>> {
  const [merchantId] = requireMerchantStaff(ctx)
  const day = chinaDay(ctx.now())
  const merchant = await ctx.db.merchants.get(merchantId)
  const used = await benefitsDb(ctx.store).coupons.find({ merchantId, usedDay: day }, { sort: { usedAt: -1 }, limit: 100 })
  return {
    day,
    merchantName: merchant?.name ?? '',
    merchantStatus: merchant?.status ?? 'active',
    items: used.map((c) => ({ couponId: c._id, title: c.title, code: c.code, usedAt: c.usedAt ?? '' })),
  }
}
