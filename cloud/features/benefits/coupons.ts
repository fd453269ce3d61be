import type { ActionOutput, CouponView } from '../../../domain/contract'
import { REMIND_DAYS } from '../../../domain/benefits/coupons'
import { CloudError } from '../../../domain/errors'
import { subscribeTime } from '../../../domain/subscribe'
import { signedIn, type ActionContext } from '../../lib/context'
import { notify } from '../../lib/notify'
import { signToken, verifyToken, type Claims, type TokenCheck } from '../../lib/tokens'
import { forEachPage } from '../../lib/store/read'
import { benefitsDb } from './collections'
import { couponView } from './views'

/** What a coupon's QR carries: its id and an expiry, signed. */
export interface CouponClaims extends Claims {
  c: string
}

/** A QR shown on screen is good for this long; the page fetches a fresh one when opened. */
export const QR_TTL_MS = 10 * 60 * 1000

export function couponToken(ctx: ActionContext, couponId: string, expiresAt: string): string {
  const exp = Math.min(ctx.now().getTime() + QR_TTL_MS, Date.parse(expiresAt))
  return signToken<CouponClaims>(ctx.secrets.tokenKey, { c: couponId, exp })
}

export function readCouponToken(ctx: ActionContext, token: string): TokenCheck<CouponClaims> {
  return verifyToken<CouponClaims>(ctx.secrets.tokenKey, token, ctx.now().getTime(), (c) => typeof c.c === 'string' && Object.keys(c).length === 2)
}

/** The caller's coupons, newest first, each with its state against the cloud's clock. */
export async function myCoupons(ctx: ActionContext): Promise<ActionOutput<'benefits', 'myCoupons'>> {
  const { openid } = signedIn(ctx)
  const now = ctx.now()
  const coupons = await benefitsDb(ctx.store).coupons.find({ openid }, { sort: { claimedAt: -1 }, limit: 200 })
  const items = coupons.map((c) => couponView(c, now))
  for (const item of items) if (item.reminder) await remindOnce(ctx, openid, item)
  return { items, now: now.toISOString() }
}

/**
 * A coupon close to expiry also leaves a notification, once (and in WeChat a subscribe message, if
 * the member allowed one when claiming): the conditional update on `remindedAt` decides which of two
 * simultaneous runs (a page load, the daily job) writes it.
 */
async function remindOnce(ctx: ActionContext, openid: string, coupon: CouponView): Promise<boolean> {
  const first = await benefitsDb(ctx.store).coupons.update({ _id: coupon.id, remindedAt: { $exists: false } }, { set: { remindedAt: ctx.now().toISOString() } })
  if (!first) return false
  await notify(ctx, openid, {
    title: '福利券即将过期',
    body: `“${coupon.title}”${coupon.reminder}，请及时到${coupon.merchantName}使用。`,
    link: `/features/benefits/pages/coupon/index?id=${encodeURIComponent(coupon.id)}`,
    target: { kind: 'coupon', id: coupon.id },
  }, { topic: 'couponExpiry', fields: { offer: coupon.title, merchant: coupon.merchantName, expires: subscribeTime(new Date(coupon.expiresAt)) } })
  return true
}

/** Coupons read per page, and reminded at once, by the daily job. */
export const REMIND_PAGE = 500
const REMIND_AT_ONCE = 20
/** The job stops taking new pages after this long, well inside the function's timeout (cloud/functions/settings). */
export const REMIND_BUDGET_MS = 40_000

/**
 * The daily job (a WeChat timer trigger; the local server's schedule): every active coupon that
 * expires within REMIND_DAYS and was not reminded yet is reminded, so members learn it without
 * opening the app. It pages through them by keyset (a coupon reminded meanwhile is not read twice)
 * and reminds 20 at a time; what it cannot reach before its time budget the next run takes.
 */
export async function remindExpiring(ctx: ActionContext): Promise<ActionOutput<'benefits', 'remindExpiring'>> {
  const started = performance.now()
  const now = ctx.now()
  const until = new Date(now.getTime() + (REMIND_DAYS + 1) * 24 * 3600 * 1000).toISOString()
  const due = { status: 'active' as const, expiresAt: { $gt: now.toISOString(), $lte: until }, remindedAt: { $exists: false } }
  let reminded = 0
  await forEachPage(benefitsDb(ctx.store).coupons, due, async (page) => {
    for (let i = 0; i < page.length; i += REMIND_AT_ONCE) {
      const done = await Promise.all(
        page.slice(i, i + REMIND_AT_ONCE).map(async (doc) => {
          const view = couponView(doc, now)
          return Boolean(view.reminder) && (await remindOnce(ctx, doc.openid, view))
        }),
      )
      reminded += done.filter(Boolean).length
    }
    return performance.now() - started < REMIND_BUDGET_MS
  }, REMIND_PAGE)
  return { reminded }
}

/** One of the caller's coupons; someone else's answers as if it did not exist. */
export async function myCoupon(ctx: ActionContext, id: string): Promise<ActionOutput<'benefits', 'coupon'>> {
  const { openid } = signedIn(ctx)
  const db = benefitsDb(ctx.store)
  const coupon = await db.coupons.get(id)
  if (!coupon || coupon.openid !== openid) throw new CloudError('NOT_FOUND', '找不到这张券')
  const view = couponView(coupon, ctx.now())
  const offer = await db.offers.get(coupon.offerId)
  return {
    coupon: view,
    qrToken: view.state === 'active' ? couponToken(ctx, coupon._id, coupon.expiresAt) : null,
    stores: offer?.stores ?? [],
  }
}
