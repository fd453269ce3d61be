import type { UnionLevel } from '../../src/domain/contract'
import type { CollectionIndexes, Doc, Store } from './store/port'

/** The documents each collection holds. One place, so actions and seeds agree on their shape. */
export interface UnionDoc extends Doc {
  name: string
  level: UnionLevel
  parentId: string | null
  /** Ids of every union above, top down: a subtree query is `{ ancestors: rootId }`. */
  ancestors: string[]
  /**
   * Search pieces of its name and its ancestors' names (src/domain/search.ts), so 新城区 finds the
   * unions under 新城区总工会. Derived with `ancestors` by cloud/features/unions/tree.ts, the one
   * function every writer of unions uses.
   */
  terms: string[]
  /** 行政区划代码 of the area the union serves, the prefix of its member numbers. */
  regionCode: string
  status: 'active' | 'disabled'
  /** Days this union has to release a member who transfers out (default DEFAULT_RELEASE_DAYS). */
  transferReleaseDays?: number
}

/** A person known to the cloud, keyed by their platform identity (OPENID). */
export interface PersonDoc extends Doc {
  displayName: string
  privacyAgreedVersion?: string
  privacyAgreedAt?: string
  /** When the person withdrew their agreement (我的 → 个人信息); privacyAgreedVersion is then unset. */
  privacyWithdrawnAt?: string
  createdAt: string
}

export interface MembershipDoc extends Doc {
  openid: string
  unionId: string
  memberNo: string
  joinedAt: string
  status: 'active'
  /** Set while a transfer (转会) is in flight: at most one at a time, taken by a conditional update. */
  transferId?: string
}

/** What a role lets its holder do, whoever holds it: also what an invitation grants. */
export type RoleGrant = { kind: 'union_staff'; unionId: string } | { kind: 'merchant_staff'; merchantId: string }

/**
 * A person's role. One granted by an invitation says by whom and when, and its `_id` is derived from
 * the invitation (cloud/features/admin/invitations.ts); the demo seed's roles have neither.
 */
export type RoleDoc = Doc & { openid: string; grantedBy?: string; grantedAt?: string; invitationId?: string } & RoleGrant

export interface MerchantDoc extends Doc {
  name: string
  unionId: string
}

export interface AuditDoc extends Doc {
  at: string
  actor: string
  action: string
  target: { collection: string; id: string }
  before: unknown
  after: unknown
}

/** What a person is told (a review result, a step of their application); shown in the app. */
export interface NotificationDoc extends Doc {
  openid: string
  title: string
  body: string
  /** An app page to open, e.g. '/features/transfer/pages/status/index'. */
  link: string | null
  createdAt: string
  readAt: string | null
  /** When it was also sent as a WeChat subscribe message. */
  pushedAt?: string
}

export const collections = (store: Store) => ({
  unions: store.collection<UnionDoc>('unions'),
  people: store.collection<PersonDoc>('people'),
  memberships: store.collection<MembershipDoc>('memberships'),
  roles: store.collection<RoleDoc>('roles'),
  merchants: store.collection<MerchantDoc>('merchants'),
  audit: store.collection<AuditDoc>('audit'),
  notifications: store.collection<NotificationDoc>('notifications'),
})

export type Collections = ReturnType<typeof collections>

/** The collections every feature shares, with their indexes (cloud/functions/schema.ts gathers all). */
export const CORE_COLLECTIONS: CollectionIndexes = {
  // A subtree in name order (the poster list, a page at a time), and a search by terms in name order
  // (join, transfer, poster): the database walks the index in the order asked and stops at the limit.
  unions: [{ fields: ['ancestors', 'name', '_id'] }, { fields: ['terms', 'name', '_id'] }],
  people: [],
  memberships: [{ fields: ['openid'], unique: true }, { fields: ['memberNo'], unique: true }],
  roles: [{ fields: ['openid'] }],
  merchants: [],
  audit: [{ fields: ['target.id'] }],
  notifications: [{ fields: ['openid'] }],
}
