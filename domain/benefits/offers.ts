import dayjs from 'dayjs'

export type OfferAvailability = 'open' | 'not_started' | 'ended' | 'paused' | 'sold_out'

export interface OfferWindow {
  status: 'active' | 'paused'
  startAt: string
  endAt: string
  stock: number
}

/** Whether an offer can be claimed at `now`, and if not, why (checked in this order). */
export function offerAvailability(offer: OfferWindow, now: Date): OfferAvailability {
  if (offer.status === 'paused') return 'paused'
  if (dayjs(now).isBefore(dayjs(offer.startAt))) return 'not_started'
  if (!dayjs(now).isBefore(dayjs(offer.endAt))) return 'ended'
  if (offer.stock <= 0) return 'sold_out'
  return 'open'
}

export const AVAILABILITY_TEXT: Record<OfferAvailability, string> = {
  open: '立即领取',
  not_started: '未开始',
  ended: '已结束',
  paused: '已暂停',
  sold_out: '已领完',
}

export interface OfferFormTimes {
  startAt: string
  endAt: string
  total: number
}

/**
 * Rules of the offer form beyond field shapes: end after start, and a total never below what has
 * already been claimed. Returns messages keyed by field, empty when the form is fine.
 */
export function offerFormErrors(form: OfferFormTimes, claimed = 0): Record<string, string> {
  const errors: Record<string, string> = {}
  const start = dayjs(form.startAt)
  const end = dayjs(form.endAt)
  if (!start.isValid()) errors.startAt = '开始时间格式不正确'
  if (!end.isValid()) errors.endAt = '结束时间格式不正确'
  else if (start.isValid() && !end.isAfter(start)) errors.endAt = '结束时间须晚于开始时间'
  if (form.total < claimed) errors.total = `总数量不能少于已领取的 ${claimed} 张`
  return errors
}
