import type { EmploymentType } from '../../../src/domain/join/options'
import type { TransferReason, TransferStatus } from '../../../src/domain/transfer/machine'
import type { Doc, Store } from '../../lib/store/port'

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

export async function ensureTransferIndexes(store: Store): Promise<void> {
  await store.ensureIndex('transfers', { fields: ['idempotency'], unique: true })
  await store.ensureIndex('transfers', { fields: ['openid'] })
  await store.ensureIndex('transfers', { fields: ['fromUnionPath'] })
  await store.ensureIndex('transfers', { fields: ['toUnionPath'] })
}
