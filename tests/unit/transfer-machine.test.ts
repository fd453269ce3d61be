import { autoReleaseAt, canMove, isAutoReleaseDue, TRANSFER_MOVES, TRANSFER_STATUSES } from '../../domain/transfer/machine'

describe('transfer state machine', () => {
  it('allows exactly the moves of 待转出 → 待转入 → 已完成, with 驳回 and 撤回', () => {
    const allowed = TRANSFER_STATUSES.flatMap((status) => (Object.keys(TRANSFER_MOVES) as Array<keyof typeof TRANSFER_MOVES>).filter((m) => canMove(status, m)).map((m) => `${status}:${m}`))
    expect(allowed.sort()).toEqual(
      ['pending_accept:accept', 'pending_accept:reject', 'pending_accept:withdraw', 'pending_release:autoRelease', 'pending_release:release', 'pending_release:withdraw'].sort(),
    )
  })

  it('closed transfers accept no move at all', () => {
    for (const status of ['completed', 'rejected', 'withdrawn'] as const) {
      for (const move of Object.keys(TRANSFER_MOVES) as Array<keyof typeof TRANSFER_MOVES>) expect(canMove(status, move)).toBe(false)
    }
  })

  it('auto-release falls due exactly when the days have passed', () => {
    expect(autoReleaseAt('2026-11-01T00:00:00.000Z', 15)).toBe('2026-11-16T00:00:00.000Z')
    expect(isAutoReleaseDue('2026-11-01T00:00:00.000Z', 15, new Date('2026-11-15T23:59:59.999Z'))).toBe(false)
    expect(isAutoReleaseDue('2026-11-01T00:00:00.000Z', 15, new Date('2026-11-16T00:00:00.000Z'))).toBe(true)
  })
})
