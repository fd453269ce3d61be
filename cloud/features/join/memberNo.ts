import { CloudError } from '../../../domain/errors'
import type { ActionContext } from '../../lib/context'
import { DuplicateKeyError } from '../../lib/store/port'
import { joinDb } from './collections'

/**
 * The next value of a named sequence. A conditional update on the value just read: when two
 * callers read the same value, only one update matches, the other reads again.
 */
export async function nextSequence(ctx: ActionContext, name: string): Promise<number> {
  const { counters } = joinDb(ctx.store)
  for (let attempt = 0; attempt < 200; attempt++) {
    const counter = await counters.get(name)
    if (!counter) {
      try {
        await counters.insert({ _id: name, seq: 1 })
        return 1
      } catch (error) {
        if (error instanceof DuplicateKeyError) continue
        throw error
      }
    }
    if ((await counters.update({ _id: name, seq: counter.seq }, { inc: { seq: 1 } })) === 1) return counter.seq + 1
  }
  throw new CloudError('CONFLICT', '同时办理的人太多，请稍后重试')
}

/** 会员编号: the union's 行政区划代码 then a 6-digit sequence per region, e.g. 150102000042. */
export function formatMemberNo(regionCode: string, seq: number): string {
  return `${regionCode}${String(seq).padStart(6, '0')}`
}
