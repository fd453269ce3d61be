/**
 * Partner merchants (普惠商户): registered by union staff under a union, serving the members of
 * one or more unions of that union's subtree, redeemed at by their cashiers (核销员).
 */
export const MERCHANT_STATUSES = ['active', 'paused', 'closed'] as const
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number]

export const MERCHANT_STATUS_NAMES: Record<MerchantStatus, string> = {
  active: '合作中',
  paused: '已暂停',
  closed: '已关闭',
}

/**
 * Which status changes staff may make: pause and resume freely, close from either; a closed
 * merchant stays closed (its offers and coupons keep their history, nothing is deleted).
 */
export function mayMoveMerchant(from: MerchantStatus, to: MerchantStatus): boolean {
  if (from === to || from === 'closed') return false
  return true
}

/** Only an active merchant's offers can be claimed and its coupons redeemed. A merchant stored before statuses is active. */
export const merchantActive = (merchant: { status?: MerchantStatus }) => (merchant.status ?? 'active') === 'active'

/**
 * What makes two merchants the same under one union: the name with full-width forms folded (（演示）
 * and (演示) alike), spaces removed and letters in lower case. Stored as a unique key, so two staff
 * registering the same shop at once make one merchant.
 */
export function merchantNameKey(unionId: string, name: string): string {
  return `${unionId}|${name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()}`
}

/** A mobile number as people other than union staff see it: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}
