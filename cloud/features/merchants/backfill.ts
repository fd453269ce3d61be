import { merchantNameKey } from '../../../domain/merchants/merchant'
import { collections, type MerchantDoc, type RoleDoc, type UnionDoc } from '../../lib/collections'
import { unionPathOf } from '../../lib/roles'
import type { Store } from '../../lib/store/port'

/** A merchant with the fields #16 gave merchants (its place in the tree, its unique name key, a status), from its union. */
export function placedMerchant(merchant: MerchantDoc, union: UnionDoc, at: string): MerchantDoc {
  return {
    ...merchant,
    nameKey: merchant.nameKey ?? merchantNameKey(merchant.unionId, merchant.name),
    unionPath: merchant.unionPath ?? unionPathOf(union),
    servesUnionIds: merchant.servesUnionIds ?? [merchant.unionId],
    status: merchant.status ?? 'active',
    createdAt: merchant.createdAt ?? at,
    updatedAt: merchant.updatedAt ?? at,
  }
}

/** The union a role belongs to (a cashier's: the merchant's), or null when it no longer exists. */
async function roleUnion(store: Store, role: RoleDoc): Promise<UnionDoc | null> {
  const db = collections(store)
  if (role.kind !== 'merchant_staff') return db.unions.get(role.unionId)
  const merchant = await db.merchants.get(role.merchantId)
  return merchant ? db.unions.get(merchant.unionId) : null
}

const PAGE = 200

/**
 * Merchants and roles stored before #16 (a DATA_DIR from an older version, the demo seed's) get
 * what the staff lists query by: merchants their union path, unique name key and status; roles
 * their union path and a grant time (the time of this run: when they were really granted is not
 * known). Run by the local server at start, before the indexes are made (the merchants' unique
 * index needs every merchant to have its key). In WeChat Cloud merchants and roles only ever come
 * from the actions, which write these fields.
 */
export async function placeStoredMerchantsAndRoles(store: Store, at: string): Promise<{ merchants: number; roles: number }> {
  const db = collections(store)
  let merchants = 0
  for (;;) {
    const page = await db.merchants.find({ nameKey: { $exists: false } }, { limit: PAGE })
    let now = 0
    for (const merchant of page) {
      const union = await db.unions.get(merchant.unionId)
      if (!union) continue
      const { _id, ...fields } = placedMerchant(merchant, union, at)
      now += await db.merchants.update({ _id, nameKey: { $exists: false } }, { set: fields })
    }
    merchants += now
    if (!now) break
  }
  let roles = 0
  for (;;) {
    const page = await db.roles.find({ unionPath: { $exists: false } }, { limit: PAGE })
    let now = 0
    for (const role of page) {
      const union = await roleUnion(store, role)
      if (!union) continue
      now += await db.roles.update({ _id: role._id, unionPath: { $exists: false } }, { set: { unionPath: unionPathOf(union), grantedAt: role.grantedAt ?? at } })
    }
    roles += now
    if (!now) break
  }
  return { merchants, roles }
}
