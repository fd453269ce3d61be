import { deadlineState, dueAt, serviceDays, DEFAULT_SERVICE_DAYS } from '../../domain/staff/deadline'

// China time is UTC+8: 2026-12-04 is a Friday.
const china = (wall: string) => new Date(`${wall}+08:00`)

describe('service deadlines in working days', () => {
  it('skips the weekend: a join on Friday morning with 3 days is due on Wednesday morning', () => {
    expect(dueAt(china('2026-12-04T09:30:00'), 3).toISOString()).toBe(china('2026-12-09T09:30:00').toISOString())
  })

  it('counts an item that arrives on a Saturday from Monday 00:00', () => {
    expect(dueAt(china('2026-12-05T22:00:00'), 1).toISOString()).toBe(china('2026-12-08T00:00:00').toISOString())
  })

  it('says soon within the last working day and overdue once passed', () => {
    const since = china('2026-12-01T10:00:00') // Tuesday
    expect(deadlineState(since, 3, china('2026-12-02T10:00:00'))).toBe('ok')
    expect(deadlineState(since, 3, china('2026-12-03T11:00:00'))).toBe('soon')
    expect(deadlineState(since, 3, china('2026-12-04T10:00:00'))).toBe('overdue')
  })

  it('takes a union\'s own days over the defaults and ignores values out of range', () => {
    expect(serviceDays({ join: 5, transferOut: 0, aidOne: 2.5 })).toEqual({ ...DEFAULT_SERVICE_DAYS, join: 5 })
    expect(serviceDays(null)).toEqual(DEFAULT_SERVICE_DAYS)
  })
})
