import type { OfferStore as OfferStoreFields, UnionLevel } from '../../domain/contract'
import type { UnionStatus } from '../../domain/unions'
import type { MerchantStatus } from '../../domain/merchants/merchant'
import type { NoticeTarget } from '../../domain/notices'
import type { ServiceDays } from '../../domain/staff/deadline'
import type { CollectionIndexes, Doc, Store } from './store/port'

/** The documents each collection holds. One place, so actions and seeds agree on their shape. */
export interface UnionDoc extends Doc {
  name: string
  level: UnionLevel
  parentId: string | null
  /** Ids of every union above, top down: a subtree query is `{ ancestors: rootId }`. */
  ancestors: string[]
  /**
   * Search pieces of its name and its ancestors' names (domain/search.ts), so 新城区 finds the
   * unions under 新城区总工会. Derived with `ancestors` by cloud/features/unions/tree.ts, the one
   * function every writer of unions uses.
   */
  terms: string[]
  /** 行政区划代码 of the area the union serves, the prefix of its member numbers. */
  regionCode: string
  /** 'closed' (已撤销) only through 组织管理's close, and for good: nothing is deleted. */
  status: UnionStatus
  /** Days this union has to release a member who transfers out (default DEFAULT_RELEASE_DAYS). */
  transferReleaseDays?: number
  /** Its own service days per queue over DEFAULT_SERVICE_DAYS (domain/staff/deadline.ts). */
  serviceDays?: Partial<ServiceDays>
  /**
   * Its code today, when a clerk changed it: what its poster and join link carry. Absent, the code is
   * `_id` (its first code), which never changes, so nothing that names the union (paths, roles,
   * memberships) is rewritten. Every code it ever had still finds it (cloud/features/unions/codes.ts).
   */
  code?: string
  /** Added in the app (组织管理): when and by whom, and the add's request id (a retry is the same add). */
  createdAt?: string
  createdBy?: string
  idempotencyKey?: string
  /** The same key as unions added before 2026-12 store it: read both with storedKeyOf (cloud/lib/resume.ts). */
  requestId?: string
  /**
   * After a rename: the unions below still to take on the new name in their search terms, from
   * after this id (cloud/features/unions/follow.ts). Absent when they all have.
   */
  follow?: { after: string }
  closedAt?: string
  closedBy?: string
  /** A close under way (cloud/features/unions/close.ts); absent once it is done. */
  closing?: UnionClosing
  /** How many members its close told. */
  membersNotified?: number
}

/**
 * A close in steps, each finished by the next try: 'check', closed already (so nothing new comes in)
 * while what would block it is counted (if anything does, the status goes back to `statusBefore`);
 * 'notify', members being told, from after membership `after`.
 */
export interface UnionClosing {
  stage: 'check' | 'notify'
  statusBefore: 'active' | 'disabled'
  after: string
  notified: number
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

/**
 * What a role lets its holder do, whoever holds it: also what an invitation grants. A clerk
 * (union_staff) acts on their union and everything below it; a 金秋助学 reviewer (aid_reviewer) acts
 * at one review level for applications under their union (domain/aid/review.ts) and nothing
 * else; a cashier (merchant_staff) redeems for one merchant.
 */
export type RoleGrant = { kind: 'union_staff'; unionId: string } | { kind: 'aid_reviewer'; unionId: string; level: 1 | 2 } | { kind: 'merchant_staff'; merchantId: string }

/**
 * A person's role. One granted by an invitation says by whom and when, and its `_id` is derived from
 * the invitation (cloud/features/admin/invitations.ts); the demo seed's roles have neither.
 *
 * `unionPath` is the role's union with its ancestors (a cashier's: the merchant's union), so
 * `{ unionPath: clerkUnionId }` finds a subtree's roles (人员). A role is never deleted: revoking it
 * or stepping down sets `endedAt` with one conditional update, and every reader of roles asks for
 * those without it (ACTIVE_ROLE).
 */
export type RoleDoc = Doc & {
  openid: string
  unionPath?: string[]
  grantedBy?: string
  grantedAt?: string
  invitationId?: string
  endedAt?: string
  /** Who ended it: the revoking clerk's openid, or the holder's own when they stepped down. */
  endedBy?: string
  endReason?: 'revoked' | 'stepped_down'
} & RoleGrant

/** The filter of roles still held (not revoked, not given up). */
export const ACTIVE_ROLE = { endedAt: { $exists: false } } as const

/**
 * A partner merchant (普惠商户), registered by union staff under a union (`unionPath` finds a
 * subtree's). `nameKey` (domain/merchants/merchant.ts) is unique: one merchant of a name per
 * union. The demo seed's merchants and those stored before #16 have only name and union; the
 * local server's start fills in the rest (cloud/features/merchants/backfill.ts).
 */
export interface MerchantDoc extends Doc {
  name: string
  unionId: string
  unionPath?: string[]
  nameKey?: string
  contactName?: string
  contactPhone?: string
  stores?: OfferStoreFields[]
  /** The unions whose members it serves (each with those below). */
  servesUnionIds?: string[]
  /** Missing means active (merchants stored before statuses). */
  status?: MerchantStatus
  createdAt?: string
  updatedAt?: string
}

export interface AuditDoc extends Doc {
  at: string
  actor: string
  action: string
  target: { collection: string; id: string }
  before: unknown
  after: unknown
  /**
   * The object's union and those above it (UNPLACED when it names none): the 台账 shows an entry to
   * the clerks of any union on it. Entries written before #17 have none: only the root's clerks see them.
   */
  unionPath?: string[]
}

/** What a person is told (a review result, a step of their application); shown in the app. */
export interface NotificationDoc extends Doc {
  openid: string
  title: string
  body: string
  /** An app page to open, e.g. '/features/transfer/pages/status/index'. */
  link: string | null
  /** What it is about (#15 item 8): the app opens that record's page. Absent on older notices. */
  target?: NoticeTarget
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
  // By parent: a close counts the unions directly below that are still open.
  unions: [{ fields: ['ancestors', 'name', '_id'] }, { fields: ['terms', 'name', '_id'] }, { fields: ['parentId'] }],
  // 台账's filter by person: the name staff type finds the openids behind it.
  people: [{ fields: ['displayName'] }],
  // By union: a close tells a union's members, a page at a time in id order.
  memberships: [{ fields: ['openid'], unique: true }, { fields: ['memberNo'], unique: true }, { fields: ['unionId', '_id'] }],
  // A person's roles; a subtree's roles newest first (人员, a page at a time).
  roles: [{ fields: ['openid'] }, { fields: ['unionPath', 'grantedAt', '_id'] }],
  // One merchant of a name per union (a taken key is MERCHANT_DUPLICATE); a subtree's in name order.
  merchants: [{ fields: ['nameKey'], unique: true }, { fields: ['unionPath', 'name', '_id'] }],
  // An object's own history; the 台账: a subtree's entries newest first, narrowed by person, action or
  // object (each filter an equality before the time, so the index walks the page in order); the
  // root's clerks read the whole log by time.
  audit: [
    { fields: ['target.id'] },
    { fields: ['at', '_id'] },
    { fields: ['unionPath', 'at', '_id'] },
    { fields: ['unionPath', 'actor', 'at', '_id'] },
    { fields: ['unionPath', 'action', 'at', '_id'] },
  ],
  notifications: [{ fields: ['openid'] }],
}
