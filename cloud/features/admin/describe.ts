import type { Role } from '../../../domain/contract'
import type { MerchantDoc, RoleGrant, UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { unionPathOf } from '../../lib/roles'
import { findByIds } from '../../lib/store/read'
import { unionSummary } from '../../lib/unions'

/** A grant as staff pages show it: the role, its union (a cashier's: the merchant's union) and where that sits. */
export interface PlacedGrant {
  role: Role
  union: UnionDoc
  merchant: MerchantDoc | null
  /** Ids, top down, ending with the union. */
  unionPath: string[]
  /** Names, top down, ending with the union's. */
  pathNames: string[]
}

/**
 * Describes many grants (invitations, roles) with a fixed number of reads: their unions and
 * merchants, the merchants' unions, then every union above them. A grant whose union or merchant no
 * longer exists is described as null (unions and merchants are never deleted, so: never).
 */
export async function describeGrants(ctx: ActionContext, grants: readonly RoleGrant[]): Promise<(grant: RoleGrant) => PlacedGrant | null> {
  const merchants = new Map((await findByIds(ctx.db.merchants, grants.flatMap((g) => (g.kind === 'merchant_staff' ? [g.merchantId] : [])))).map((m) => [m._id, m]))
  const direct = grants.flatMap((g) => (g.kind === 'merchant_staff' ? [] : [g.unionId]))
  const unions = new Map((await findByIds(ctx.db.unions, [...direct, ...[...merchants.values()].map((m) => m.unionId)])).map((u) => [u._id, u]))
  const above = await findByIds(ctx.db.unions, [...unions.values()].flatMap((u) => u.ancestors).filter((id) => !unions.has(id)))
  for (const union of above) unions.set(union._id, union)

  return (grant) => {
    const merchant = grant.kind === 'merchant_staff' ? (merchants.get(grant.merchantId) ?? null) : null
    const union = unions.get(grant.kind === 'merchant_staff' ? (merchant?.unionId ?? '') : grant.unionId)
    if (!union || (grant.kind === 'merchant_staff' && !merchant)) return null
    let role: Role
    if (grant.kind === 'union_staff') role = { kind: 'union_staff', union: unionSummary(union) }
    else if (grant.kind === 'aid_reviewer') role = { kind: 'aid_reviewer', union: unionSummary(union), level: grant.level }
    else role = { kind: 'merchant_staff', merchantId: merchant!._id, merchantName: merchant!.name }
    const unionPath = unionPathOf(union)
    return { role, union, merchant, unionPath, pathNames: unionPath.map((id) => unions.get(id)?.name ?? '').filter(Boolean) }
  }
}

/** The grant a role document holds (its kind and what it names), without whose it is. */
export function grantOf(role: RoleGrant): RoleGrant {
  if (role.kind === 'union_staff') return { kind: 'union_staff', unionId: role.unionId }
  if (role.kind === 'aid_reviewer') return { kind: 'aid_reviewer', unionId: role.unionId, level: role.level }
  return { kind: 'merchant_staff', merchantId: role.merchantId }
}
