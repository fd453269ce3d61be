import { reviewUnions, type ReviewLevel, type ReviewScope } from '../../../domain/aid/review'
import type { Filter } from '../../lib/store/port'
import type { ApplicationDoc, ObjectionDoc } from './collections'

/**
 * The unions that review an application at each level, stored on it (and level two's on its
 * 公示 objections) so a reviewer's rows are one indexed store filter, not a read of the whole
 * subtree checked row by row. Derived by the one rule, domain/aid/review.ts's reviewUnions, from
 * the union path, which an application keeps from its submission on.
 */
export function reviewLevels(unionPath: string[]): Pick<ApplicationDoc, 'levelOneUnionIds' | 'levelTwoUnionId'> {
  const { levelOne, levelTwo } = reviewUnions(unionPath)
  return { levelOneUnionIds: levelOne, levelTwoUnionId: levelTwo }
}

/** Applications on which someone of `scope` acts at `level` (none when the scope has no union there). */
export function actingAt(level: ReviewLevel, scope: ReviewScope): Filter<ApplicationDoc> | null {
  const unions = level === 1 ? scope.levelOne : scope.levelTwo
  if (!unions.length) return null
  return level === 1 ? { levelOneUnionIds: { $in: unions } } : { levelTwoUnionId: { $in: unions } }
}

/** What waits for `scope` at `level`: applications to verify (level one) or to approve (level two). */
export function waitingAt(level: ReviewLevel, scope: ReviewScope): Filter<ApplicationDoc> | null {
  const acting = actingAt(level, scope)
  return acting && { ...acting, status: level === 1 ? 'submitted' : 'verified' }
}

/** Open 公示 objections, which level two handles. */
export function openObjections(scope: ReviewScope): Filter<ObjectionDoc> | null {
  return scope.levelTwo.length ? { levelTwoUnionId: { $in: scope.levelTwo }, status: 'open' } : null
}
