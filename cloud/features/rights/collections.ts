import type { CorrectableField, RightsRequestType, RightsStatus } from '../../../domain/rights'
import type { CollectionIndexes, Doc, Store } from '../../lib/store/port'

/**
 * A request about the person's own data (个人信息保护法 arts. 44–47): correct, delete, withdraw a
 * consent, leave the union. Every one is kept, with who answered, when and what; the person sees it
 * in 我的 → 个人信息, staff of `unionPath` see the ones waiting for them.
 */
export interface RightsRequestDoc extends Doc {
  openid: string
  type: RightsRequestType
  status: RightsStatus
  /** The record it is about: a join or aid application, a membership; null for the person as a whole. */
  targetId: string | null
  /** A correction: which field of the join record, and the value asked for (never an ID number). */
  field: CorrectableField | null
  value: string | null
  /** What the person wrote. */
  note: string | null
  /** The union that answers (the record's), and its ancestors then itself: `{ unionPath: staffUnionId }`. */
  unionId: string | null
  unionPath: string[]
  /**
   * One open request per person, kind and record: `open:<openid>:<type>:<target>` while it is pending
   * or being carried out, `closed:<_id>` once answered. Unique, so two at once cannot both be open;
   * always set, so the index never meets a missing value.
   */
  lockKey: string
  createdAt: string
  answeredAt: string | null
  /** Staff's openid, or 'self' for a request that takes effect at once. */
  answeredBy: string | null
  /** What the person is told: the effect, or why not. */
  answer: string | null
}

/** A membership that ended by leaving the union (退会): the record kept as history. `_id` is the membership's. */
export interface FormerMembershipDoc extends Doc {
  openid: string
  unionId: string
  memberNo: string
  joinedAt: string
  leftAt: string
  /** The request the union confirmed. */
  requestId: string
}

export const rightsDb = (store: Store) => ({
  requests: store.collection<RightsRequestDoc>('rightsRequests'),
  formerMemberships: store.collection<FormerMembershipDoc>('formerMemberships'),
})

export const RIGHTS_COLLECTIONS: CollectionIndexes = {
  // The staff queue reads `{ unionPath: {$in: roots}, status: 'pending' }` oldest first.
  rightsRequests: [{ fields: ['lockKey'], unique: true }, { fields: ['openid'] }, { fields: ['unionPath', 'status', 'createdAt'] }],
  formerMemberships: [{ fields: ['openid'] }],
}
