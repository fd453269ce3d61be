/**
 * An application nobody decides lapses (失效) after this many days (#14): a stranger's application
 * with someone's ID number then stops standing beside the owner's, and the applicant hears of it.
 */
export const APPLICATION_LAPSE_DAYS = 30

export const LAPSE_REASON = `超过 ${APPLICATION_LAPSE_DAYS} 天未审核，申请已失效`

/** Why the other applications with an ID number are refused once one of them is approved. */
export const SAME_ID_APPROVED_REASON = '同一身份证号的另一份申请已通过'

/** The moment before which a pending application has lapsed. */
export const lapseCutoff = (now: Date): string => new Date(now.getTime() - APPLICATION_LAPSE_DAYS * 24 * 3600_000).toISOString()

/**
 * Puts the applications that share an ID number (the same `idGroup`) next to the first of them,
 * keeping the list's order otherwise: the clerk sees them side by side and decides.
 */
export function sideBySide<T extends { idGroup: string | null }>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>()
  const out: T[][] = []
  for (const item of items) {
    const group = item.idGroup ? groups.get(item.idGroup) : undefined
    if (group) {
      group.push(item)
      continue
    }
    const fresh = [item]
    if (item.idGroup) groups.set(item.idGroup, fresh)
    out.push(fresh)
  }
  return out.flat()
}
