import { randomUUID } from 'node:crypto'
import type { MembershipDoc } from '../../cloud/lib/collections'
import type { Store } from '../../cloud/lib/store/port'

/** Adds `n` fictional active members of the given union: openids `${prefix}-0` … */
export async function addMembers(store: Store, n: number, unionId = 'hhht-xc-kd', prefix = 'm'): Promise<string[]> {
  const memberships = store.collection<MembershipDoc>('memberships')
  const openids: string[] = []
  for (let i = 0; i < n; i++) {
    const openid = `${prefix}-${i}`
    await memberships.insert({ _id: `ms-${openid}`, openid, unionId, memberNo: `T${prefix}${String(i).padStart(6, '0')}`, joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
    openids.push(openid)
  }
  return openids
}

export const requestId = () => randomUUID()
