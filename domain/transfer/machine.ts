/**
 * 转会 (membership transfer) as a state machine: the leaving union releases (待转出 → 待转入), the
 * receiving union accepts (→ 已完成) or rejects (→ 已驳回); the member may withdraw until it is done.
 * While a transfer is in flight the member stays a member of the old union with every benefit.
 */
export const TRANSFER_STATUSES = ['pending_release', 'pending_accept', 'completed', 'rejected', 'withdrawn'] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]

export type TransferMove = 'release' | 'autoRelease' | 'accept' | 'reject' | 'withdraw'

/** Which status each move starts from and leads to. Anything not here is an illegal move. */
export const TRANSFER_MOVES: Record<TransferMove, { from: TransferStatus[]; to: TransferStatus }> = {
  release: { from: ['pending_release'], to: 'pending_accept' },
  autoRelease: { from: ['pending_release'], to: 'pending_accept' },
  accept: { from: ['pending_accept'], to: 'completed' },
  reject: { from: ['pending_accept'], to: 'rejected' },
  withdraw: { from: ['pending_release', 'pending_accept'], to: 'withdrawn' },
}

export const IN_FLIGHT: TransferStatus[] = ['pending_release', 'pending_accept']

export function canMove(status: TransferStatus, move: TransferMove): boolean {
  return TRANSFER_MOVES[move].from.includes(status)
}

export const TRANSFER_STATUS_NAMES: Record<TransferStatus, string> = {
  pending_release: '待转出',
  pending_accept: '待转入',
  completed: '已完成',
  rejected: '已驳回',
  withdrawn: '已撤回',
}

export const TRANSFER_REASONS = {
  job_change: '换工作',
  no_union_local: '单位未建会，转入属地工会',
  other: '其他',
} as const
export type TransferReason = keyof typeof TRANSFER_REASONS

/** Days the leaving union has to release before the transfer is released for it (typical: 15). */
export const DEFAULT_RELEASE_DAYS = 15

const DAY_MS = 24 * 3600 * 1000

/** When a transfer started at `createdAt` is released automatically (ISO in, ISO out). */
export function autoReleaseAt(createdAt: string, releaseDays: number): string {
  return new Date(Date.parse(createdAt) + releaseDays * DAY_MS).toISOString()
}

export function isAutoReleaseDue(createdAt: string, releaseDays: number, now: Date): boolean {
  return now.getTime() >= Date.parse(autoReleaseAt(createdAt, releaseDays))
}
