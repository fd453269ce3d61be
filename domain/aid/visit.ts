/** The home visit (入户核查) level one records before level two approves. */
export const VISIT_CHECKS = ['housing', 'members', 'income', 'enrolled'] as const
export type VisitCheck = (typeof VISIT_CHECKS)[number]
export const VISIT_CHECK_NAMES: Record<VisitCheck, string> = {
  housing: '住房情况属实',
  members: '家庭成员属实',
  income: '收入情况属实',
  enrolled: '学生在读属实',
}
/** Photos of one visit, at most. */
export const MAX_VISIT_PHOTOS = 6

export interface HomeVisit {
  /** YYYY-MM-DD, China time. */
  visitedOn: string
  visitors: string
  checks: Record<VisitCheck, boolean>
  note: string
  photos: string[]
  recordedBy: string
  recordedAt: string
}

/** One line for the timeline: the day and what was found. */
export function visitSummary(visit: Pick<HomeVisit, 'visitedOn' | 'checks'>): string {
  const failed = VISIT_CHECKS.filter((c) => !visit.checks[c])
  return `入户核查 ${visit.visitedOn}${failed.length ? `，${failed.length} 项存疑` : '，情况属实'}`
}
