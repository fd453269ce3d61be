import type { Clock } from '../../cloud/lib/clock'
import { collections, type MembershipDoc, type MerchantDoc, type PersonDoc, type RoleDoc, type UnionDoc } from '../../cloud/lib/collections'
import type { Store } from '../../cloud/lib/store/port'
import { chainsOf, derivedUnion, type UnionFields } from '../../cloud/features/unions/tree'
import { seedStations } from './stations'
import { seedAid } from './aid'
import { seedBenefits } from './benefits'
import { placedMerchant } from '../../cloud/features/merchants/backfill'

/**
 * Demo data for the local home: a slice of the Inner Mongolia union tree and four demo people.
 * Every person and company here is invented, and says so in its name.
 */
type UnionSeed = Omit<UnionFields, 'status'>

const UNIONS: UnionSeed[] = [
  { _id: 'nmg', name: '内蒙古自治区总工会', level: 'province', parentId: null, regionCode: '150000' },
  { _id: 'hhht', name: '呼和浩特市总工会', level: 'city', parentId: 'nmg', regionCode: '150100' },
  { _id: 'hhht-xc', name: '新城区总工会', level: 'county', parentId: 'hhht', regionCode: '150102' },
  { _id: 'hhht-xc-xyt', name: '新城区新业态工会联合会', level: 'newforms', parentId: 'hhht-xc', regionCode: '150102' },
  { _id: 'hhht-xc-kd', name: '示例速递（演示）有限公司工会', level: 'grassroots', parentId: 'hhht-xc', regionCode: '150102' },
  { _id: 'hhht-xc-hw', name: '新城区示例环卫服务中心（演示）工会', level: 'grassroots', parentId: 'hhht-xc', regionCode: '150102' },
  { _id: 'hhht-hm', name: '回民区总工会', level: 'county', parentId: 'hhht', regionCode: '150103' },
  { _id: 'hhht-hm-jz', name: '示例建筑（演示）有限公司工会', level: 'grassroots', parentId: 'hhht-hm', regionCode: '150103' },
]

export interface DemoPersonSeed {
  key: string
  openid: string
  displayName: string
  description: string
}

export const DEMO_PEOPLE: DemoPersonSeed[] = [
  { key: 'worker', openid: 'demo-worker', displayName: '王小骑（演示）', description: '外卖骑手，尚未入会' },
  { key: 'member', openid: 'demo-member', displayName: '李会员（演示）', description: '示例速递公司快递员，已是工会会员' },
  { key: 'clerk', openid: 'demo-clerk', displayName: '赵干事（演示）', description: '新城区总工会工作人员，审核入会与助学' },
  { key: 'merchant', openid: 'demo-merchant', displayName: '钱店员（演示）', description: '示例便民超市核销员' },
  { key: 'city-clerk', openid: 'demo-city-clerk', displayName: '孙干事（演示）', description: '呼和浩特市总工会工作人员，上级审批' },
  { key: 'hm-clerk', openid: 'demo-hm-clerk', displayName: '周干事（演示）', description: '回民区总工会工作人员（另一个区）' },
  // No role and no membership: whom the deploy's first invitation and a clerk's invitations are for in a demo.
  { key: 'chair', openid: 'demo-chair', displayName: '吴主席（演示）', description: '尚无角色，接受部署时的首位管理员邀请' },
  { key: 'newcomer', openid: 'demo-newcomer', displayName: '郑新人（演示）', description: '尚无角色，可受邀成为工作人员或核销员' },
]

// Registered by 新城区总工会: its clerk may name it in offers and invite its cashiers; the city's may too.
const MERCHANTS: MerchantDoc[] = [
  {
    _id: 'm-bianmin',
    name: '示例便民超市（演示）',
    unionId: 'hhht-xc',
    contactName: '孙店长（演示）',
    contactPhone: '13900000001',
    stores: [{ name: '示例便民超市（演示）新城店', address: '呼和浩特市新城区示例路1号（演示地址）', latitude: 40.8414, longitude: 111.7522 }],
  },
]

const ROLES: RoleDoc[] = [
  { _id: 'role-clerk-xc', openid: 'demo-clerk', kind: 'union_staff', unionId: 'hhht-xc' },
  { _id: 'role-merchant-bianmin', openid: 'demo-merchant', kind: 'merchant_staff', merchantId: 'm-bianmin' },
  { _id: 'role-city-clerk-hhht', openid: 'demo-city-clerk', kind: 'union_staff', unionId: 'hhht' },
  { _id: 'role-hm-clerk', openid: 'demo-hm-clerk', kind: 'union_staff', unionId: 'hhht-hm' },
]

const MEMBERSHIPS: MembershipDoc[] = [
  { _id: 'ms-demo-member', openid: 'demo-member', unionId: 'hhht-xc-kd', memberNo: '150102000001', joinedAt: '2024-03-15T02:00:00.000Z', status: 'active' },
]

/** The seed's unions as stored: ancestors and search terms derived as the importer derives them. */
function withDerived(seeds: UnionSeed[]): UnionDoc[] {
  const byId = new Map(seeds.map((u) => [u._id, u]))
  const chains = chainsOf(byId.keys(), (id) => byId.get(id))
  return seeds.map((u) => {
    const chain = chains.get(u._id)
    if (!chain?.ok) throw new Error(`demo seed: the union tree is broken at ${u._id}`)
    return derivedUnion({ ...u, status: 'active' }, chain.above)
  })
}

/** Seeds the demo data into an empty store; does nothing when the union tree is already there. */
export async function seedDemo(store: Store, clock: Clock): Promise<boolean> {
  const db = collections(store)
  if (await db.unions.get('nmg')) return false
  const createdAt = clock.now().toISOString()
  for (const union of withDerived(UNIONS)) await db.unions.insert(union)
  for (const person of DEMO_PEOPLE) {
    await db.people.insert({ _id: person.openid, displayName: person.displayName, createdAt } satisfies PersonDoc)
  }
  const unions = new Map(withDerived(UNIONS).map((u) => [u._id, u]))
  for (const merchant of MERCHANTS) await db.merchants.insert(placedMerchant(merchant, unions.get(merchant.unionId)!, createdAt))
  // The demo's roles were granted by nobody (no invitation): placed in the tree, dated the seed's start.
  for (const role of ROLES) {
    const union = unions.get(role.kind === 'merchant_staff' ? MERCHANTS.find((m) => m._id === role.merchantId)!.unionId : role.unionId)!
    await db.roles.insert({ ...role, unionPath: [...union.ancestors, union._id], grantedAt: createdAt })
  }
  for (const membership of MEMBERSHIPS) await db.memberships.insert(membership)
  await seedStations(store, clock)
  await seedAid(store, clock)
  await seedBenefits(store, clock)
  return true
}
