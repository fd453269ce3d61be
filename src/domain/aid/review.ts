/**
 * Who reviews an application, derived from the applicant's union path (top down, the grassroots
 * union last). Level one: the grassroots union or its direct parent. Level two: the union above
 * the direct parent. Staff role ids are compared exactly: a union higher up is not level one.
 */
export interface ReviewUnions {
  levelOne: string[]
  levelTwo: string | null
}

export function reviewUnions(unionPath: string[]): ReviewUnions {
  const n = unionPath.length
  const grassroots = unionPath[n - 1]
  const parent = n >= 2 ? unionPath[n - 2] : undefined
  const above = n >= 3 ? unionPath[n - 3] : null
  return { levelOne: [grassroots, parent].filter((id): id is string => Boolean(id)), levelTwo: above }
}

export type ReviewLevel = 1 | 2

/** Whether staff of `staffUnionIds` act at `level` on an application of `unionPath`. */
export function actsAt(level: ReviewLevel, unionPath: string[], staffUnionIds: string[]): boolean {
  const unions = reviewUnions(unionPath)
  if (level === 1) return unions.levelOne.some((id) => staffUnionIds.includes(id))
  return unions.levelTwo !== null && staffUnionIds.includes(unions.levelTwo)
}

/** Staff who may see an application: those who act at either level. */
export function mayView(unionPath: string[], staffUnionIds: string[]): boolean {
  return actsAt(1, unionPath, staffUnionIds) || actsAt(2, unionPath, staffUnionIds)
}
