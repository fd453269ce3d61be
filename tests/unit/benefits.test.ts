import { couponExpiry, couponState, expiryReminder } from '../../domain/benefits/coupons'
import { compareNear, nearCursor, nearestStoreIndex, nearKey, parseNearCursor } from '../../domain/benefits/near'
import { limitText } from '../../domain/benefits/categories'
import { offerAvailability, offerFormErrors } from '../../domain/benefits/offers'
import { chinaClock, chinaDay, chinaDaysUntil, periodKey } from '../../domain/benefits/time'

const at = (iso: string) => new Date(iso)

describe('China time', () => {
  it('today is the China date, not the UTC one', () => {
    expect(chinaDay(at('2026-11-23T15:59:59.000Z'))).toBe('2026-11-23')
    expect(chinaDay(at('2026-11-23T16:00:00.000Z'))).toBe('2026-11-24')
    expect(chinaClock(at('2026-11-23T16:05:00.000Z'))).toBe('00:05')
  })

  it('period keys: once, day, Monday-based week, month', () => {
    const sunday = at('2026-11-29T10:00:00.000Z') // Sunday 18:00 in China
    expect(periodKey('once', sunday)).toBe('all')
    expect(periodKey('day', sunday)).toBe('2026-11-29')
    expect(periodKey('week', sunday)).toBe('W2026-11-23')
    expect(periodKey('week', at('2026-11-29T16:30:00.000Z'))).toBe('W2026-11-30') // Monday 00:30 in China
    expect(periodKey('month', at('2026-11-30T16:30:00.000Z'))).toBe('2026-12')
  })

  it('counts calendar days in China', () => {
    expect(chinaDaysUntil(at('2026-11-23T15:00:00.000Z'), at('2026-11-23T17:00:00.000Z'))).toBe(1)
    expect(chinaDaysUntil(at('2026-11-23T01:00:00.000Z'), at('2026-11-23T10:00:00.000Z'))).toBe(0)
  })
})

describe('coupons', () => {
  const now = at('2026-11-23T08:00:00.000Z')
  it('state: used wins; else expired from the expiry instant on', () => {
    expect(couponState({ status: 'used', expiresAt: '2026-01-01T00:00:00.000Z' }, now)).toBe('used')
    expect(couponState({ status: 'active', expiresAt: '2026-11-23T08:00:00.000Z' }, now)).toBe('expired')
    expect(couponState({ status: 'active', expiresAt: '2026-11-23T08:00:00.001Z' }, now)).toBe('active')
  })

  it('reminds within 3 days of expiry', () => {
    const remind = (expiresAt: string) => expiryReminder({ status: 'active', expiresAt }, now)
    expect(remind('2026-11-23T12:00:00.000Z')).toBe('今天过期')
    expect(remind('2026-11-24T12:00:00.000Z')).toBe('明天过期')
    expect(remind('2026-11-26T12:00:00.000Z')).toBe('3天后过期')
    expect(remind('2026-11-27T12:00:00.000Z')).toBeNull()
    expect(expiryReminder({ status: 'used', expiresAt: '2026-11-23T12:00:00.000Z' }, now)).toBeNull()
  })

  it('expires after its valid days but never after the offer ends', () => {
    expect(couponExpiry(now, 7, '2027-01-01T00:00:00.000Z')).toBe('2026-11-30T08:00:00.000Z')
    expect(couponExpiry(now, 30, '2026-12-01T00:00:00.000Z')).toBe('2026-12-01T00:00:00.000Z')
  })
})

describe('offers', () => {
  const offer = { status: 'active' as const, startAt: '2026-11-01T00:00:00.000Z', endAt: '2026-12-01T00:00:00.000Z', stock: 1 }
  it('availability in order: paused, not started, ended, sold out, open', () => {
    expect(offerAvailability(offer, at('2026-11-23T00:00:00.000Z'))).toBe('open')
    expect(offerAvailability({ ...offer, status: 'paused' }, at('2026-11-23T00:00:00.000Z'))).toBe('paused')
    expect(offerAvailability(offer, at('2026-10-23T00:00:00.000Z'))).toBe('not_started')
    expect(offerAvailability(offer, at('2026-12-01T00:00:00.000Z'))).toBe('ended')
    expect(offerAvailability({ ...offer, stock: 0 }, at('2026-11-23T00:00:00.000Z'))).toBe('sold_out')
  })

  it('form rules: end after start, total not below claimed', () => {
    expect(offerFormErrors({ startAt: offer.startAt, endAt: offer.endAt, total: 5 }, 5)).toEqual({})
    expect(offerFormErrors({ startAt: offer.endAt, endAt: offer.startAt, total: 5 })).toEqual({ endAt: '结束时间须晚于开始时间' })
    expect(offerFormErrors({ startAt: offer.startAt, endAt: offer.startAt, total: 5 })).toEqual({ endAt: '结束时间须晚于开始时间' })
    expect(offerFormErrors({ startAt: offer.startAt, endAt: offer.endAt, total: 4 }, 5)).toEqual({ total: '总数量不能少于已领取的 5 张' })
  })

  it('limit text', () => {
    expect(limitText({ count: 1, period: 'month' })).toBe('每月限领 1 张')
  })
})

describe('离我最近 order (near.ts)', () => {
  const from = { lat: 40.84, lng: 111.75 }
  const store = (latitude: number, longitude: number) => ({ latitude, longitude })

  it('places an offer by its nearest store, storeless offers last, ties by id', () => {
    const near = nearKey(from, 'b', [store(41, 112), store(40.841, 111.75)])
    expect(near.d).toBeGreaterThan(100)
    expect(near.d).toBeLessThan(120)
    expect(nearestStoreIndex(from, [store(41, 112), store(40.841, 111.75), store(40.841, 111.75)])).toBe(1)
    expect(nearestStoreIndex(from, [])).toBe(-1)
    const keys = [nearKey(from, 'z', []), nearKey(from, 'c', [store(40.841, 111.75)]), near, nearKey(from, 'a', []), nearKey(from, 'd', [store(42, 112)])]
    expect(keys.sort(compareNear).map((k) => k.id)).toEqual(['b', 'c', 'd', 'a', 'z'])
  })

  it('cursors round-trip exactly and refuse what is not one', () => {
    const key = nearKey(from, 'offer-1|x', [store(40.8414, 111.7522)])
    expect(parseNearCursor(nearCursor(key))).toEqual(key)
    expect(parseNearCursor(nearCursor({ d: null, id: 'offer-2' }))).toEqual({ d: null, id: 'offer-2' })
    expect(parseNearCursor('2026-11-01T00:00:00.000Z|offer-1')).toBeNull()
    expect(parseNearCursor('g|-5|offer-1')).toBeNull()
    expect(parseNearCursor('g|abc|offer-1')).toBeNull()
  })
})
