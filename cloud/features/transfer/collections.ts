import type { EmploymentType } from '../../../domain/join/options'
import type { TransferReason, TransferStatus } from '../../../domain/transfer/machine'
import type { CollectionIndexes, Doc, Store } from '../../lib/store/port'

export interface TransferDoc extends Doc {
  openid: string
  membershipId: string
  fromUnionId: string
  /** unionPathOf(from): staff of any union on it see the transfer in their outgoing queue. */
  fromUnionPath: string[]
  toUnionId: string
  toUnionPath: string[]
  reason: TransferReason
  reasonText: string | null
  newEmployer: string
  jobType: EmploymentType
  status: TransferStatus
  createdAt: string
  /** When the leaving union's silence releases the transfer (its configured days after createdAt). */
  autoReleaseAt: string
  releasedAt: string | null
  releasedBy: string | null
  closedAt: string | null
  closedBy: string | null
  rejectReason: string | null
  /** openid + the app's idempotency key: a retried submission finds the first one. */
  idempotency: string
}

export const transferDb = (store: Store) => ({
  transfers: store.collection<TransferDoc>('transfers'),
})

export const TRANSFER_COLLECTIONS: CollectionIndexes = {
  transfers: [{ fields: ['idempotency'], unique: true }, { fields: ['openid'] }, { fields: ['fromUnionPath'] }, { fields: ['toUnionPath'] }],
}
