/**
 * Who may grant and who may end a role (邀请、撤销). Pure rules over union paths, shared by the cloud
 * (authoritative) and the app (which offers only what the cloud would allow).
 *
 * A role belongs to a union: a clerk's (union_staff) or a 金秋助学 reviewer's (aid_reviewer) to
 * their union, a cashier's (merchant_staff) to the union its merchant is registered under. Only
 * clerks grant or end roles, and only within their own subtree (their union and those below it).
 */
export type RoleKind = 'union_staff' | 'aid_reviewer' | 'merchant_staff'

/** A role placed in the tree: its kind and the path (top down) of the union it belongs to. */
export interface PlacedRole {
  kind: RoleKind
  unionPath: readonly string[]
}

/**
 * Clerks of `clerkUnions` may grant a role on a union of their subtree, any kind: a clerk may
 * invite another clerk of their own union. Nobody else grants anything (reviewers and cashiers
 * hold no clerk union, so the list is empty).
 */
export function mayGrant(clerkUnions: readonly string[], unionPath: readonly string[]): boolean {
  return clerkUnions.some((id) => unionPath.includes(id))
}

/**
 * The revocation rule: a clerk may end
 * - a clerk's role on a union strictly below one of theirs, and
 * - a reviewer's or a cashier's role on one of their unions or below it;
 * never a clerk of their own union (a peer, perhaps the one who invited them) and never anyone on
 * a union above theirs. So nobody can remove their own superiors: the clerks of a union are ended
 * only from above (or by themselves stepping down), and the root union's clerks only step down.
 */
export function mayRevoke(clerkUnions: readonly string[], role: PlacedRole): boolean {
  const last = role.unionPath.length - 1
  return clerkUnions.some((id) => {
    const at = role.unionPath.indexOf(id)
    if (at < 0) return false
    return role.kind !== 'union_staff' || at < last
  })
}

/**
 * Who may cancel an open invitation: whoever made it (while still a clerk of that subtree), and
 * any clerk who could end the role it grants once accepted.
 */
export function mayCancel(clerkUnions: readonly string[], me: string, invitation: PlacedRole & { invitedBy: string }): boolean {
  return (invitation.invitedBy === me && mayGrant(clerkUnions, invitation.unionPath)) || mayRevoke(clerkUnions, invitation)
}

/** The two 金秋助学 review levels (domain/aid/review.ts), as staff pages name them, and what each does. */
export const AID_LEVEL_NAMES: Record<1 | 2, string> = { 1: '一级审核', 2: '二级审核' }
export const AID_LEVEL_DUTIES: Record<1 | 2, string> = { 1: '基层核实', 2: '上级审批' }
