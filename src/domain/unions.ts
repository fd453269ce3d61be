/** The union tree (工会组织): staff of a union act on it and on the unions below it, never others. */
export interface UnionNode {
  id: string
  /** Ids of every union above this one, from the top down. */
  ancestors: string[]
}

export function isWithin(union: UnionNode, rootId: string): boolean {
  return union.id === rootId || union.ancestors.includes(rootId)
}
