import { CloudError } from '../../../domain/errors'
import { chinaDayBegins } from '../../../domain/time'

const DAY_MS = 24 * 3600 * 1000

/** A range of China days (both ends included) as ISO bounds: from ≤ t < to. A day that does not exist is refused. */
export function dayRange(from?: string, to?: string): { fromIso: string | null; toIso: string | null } {
  const start = from ? chinaDayBegins(from) : null
  const end = to ? chinaDayBegins(to) : null
  if (from && !start) throw new CloudError('INVALID_INPUT', '开始日期不存在', { from: '开始日期不存在' })
  if (to && !end) throw new CloudError('INVALID_INPUT', '结束日期不存在', { to: '结束日期不存在' })
  if (start && end && start > end) throw new CloudError('INVALID_INPUT', '开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' })
  return { fromIso: start?.toISOString() ?? null, toIso: end ? new Date(end.getTime() + DAY_MS).toISOString() : null }
}
