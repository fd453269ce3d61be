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

/**
 * The unions at which someone reviews, per level. A clerk (union_staff) of a union reviews there at
 * both levels; a 金秋助学 reviewer (aid_reviewer) of a union at their one level, and does nothing
 * else. A plain list of union ids means clerks of those unions.
 */
export interface ReviewScope {
  levelOne: string[]
  levelTwo: string[]
}

/** What a person's roles make of them for 金秋助学 review (the role shapes of cloud/lib/collections.ts). */
export function reviewScopeOf(roles: ReadonlyArray<{ kind: string; unionId?: string; level?: number }>): ReviewScope {
  const scope: ReviewScope = { levelOne: [], levelTwo: [] }
  for (const role of roles) {
    if (!role.unionId) continue
    if (role.kind === 'union_staff' || (role.kind === 'aid_reviewer' && role.level === 1)) scope.levelOne.push(role.unionId)
    if (role.kind === 'union_staff' || (role.kind === 'aid_reviewer' && role.level === 2)) scope.levelTwo.push(role.unionId)
  }
  return scope
}

const asScope = (scope: ReviewScope | string[]): ReviewScope => (Array.isArray(scope) ? { levelOne: scope, levelTwo: scope } : scope)

/** Every union at which the scope reviews at some level: an application under none of them is not theirs. */
export function scopeUnions(scope: ReviewScope): string[] {
  return [...new Set([...scope.levelOne, ...scope.levelTwo])]
}

/** Whether someone with this scope (or clerks of these unions) acts at `level` on an application of `unionPath`. */
export function actsAt(level: ReviewLevel, unionPath: string[], scope: ReviewScope | string[]): boolean {
  const unions = reviewUnions(unionPath)
  const { levelOne, levelTwo } = asScope(scope)
  if (level === 1) return unions.levelOne.some((id) => levelOne.includes(id))
  return unions.levelTwo !== null && levelTwo.includes(unions.levelTwo)
}

/** Who may see an application: those who act on it at either level. */
export function mayView(unionPath: string[], scope: ReviewScope | string[]): boolean {
  return actsAt(1, unionPath, scope) || actsAt(2, unionPath, scope)
}
