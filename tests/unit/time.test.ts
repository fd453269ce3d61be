import { chinaClock, chinaDayBegins, chinaDayBound, chinaDayStart, chinaToday, chinaWeekMinute, msUntilChinaHour } from '../../domain/time'

const HOUR = 3600 * 1000

/** China midnight is 16:00 UTC the day before: the edges every China-time rule turns on. */
describe('China time (UTC+8, whatever the zone of the machine)', () => {
  it('the day turns at 00:00 in China, 16:00 UTC', () => {
    expect(chinaToday(new Date('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22')
    expect(chinaToday(new Date('2026-11-22T16:00:00.000Z'))).toBe('2026-11-23')
    expect(chinaClock(new Date('2026-11-22T15:59:59.999Z'))).toBe('23:59')
    expect(chinaClock(new Date('2026-11-22T16:00:00.000Z'))).toBe('00:00')
  })

  it('the year and a leap day turn at China midnight too', () => {
    expect(chinaToday(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31')
    expect(chinaToday(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01')
    expect(chinaToday(new Date('2028-02-28T16:00:00.000Z'))).toBe('2028-02-29')
  })

  it('weekday (Monday 0) and minute of the day are China’s', () => {
    // Sunday 23:59 in China, then Monday 00:00.
    expect(chinaWeekMinute(new Date('2026-11-22T15:59:00.000Z'))).toEqual({ day: 6, minute: 1439 })
    expect(chinaWeekMinute(new Date('2026-11-22T16:00:00.000Z'))).toEqual({ day: 0, minute: 0 })
  })

  it('the start of a China day is an instant at 16:00 UTC', () => {
    expect(chinaDayStart(new Date('2026-11-23T15:59:59.999Z')).toISOString()).toBe('2026-11-22T16:00:00.000Z')
    expect(chinaDayStart(new Date('2026-11-22T16:00:00.000Z')).toISOString()).toBe('2026-11-22T16:00:00.000Z')
    expect(chinaDayStart(new Date('2026-11-22T15:59:59.999Z')).toISOString()).toBe('2026-11-21T16:00:00.000Z')
  })

  it('a typed China date begins at its midnight; a date that does not exist is refused', () => {
    expect(chinaDayBegins('2026-11-01')?.toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect(chinaDayBegins('2028-02-29')?.toISOString()).toBe('2028-02-28T16:00:00.000Z')
    for (const day of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-01', '2026-11-01T00:00', '']) expect(chinaDayBegins(day)).toBeNull()
  })

  it('the next China hour: later today, or tomorrow when it has come', () => {
    expect(msUntilChinaHour(new Date('2026-11-22T16:00:00.000Z'), 0)).toBe(24 * HOUR)
    expect(msUntilChinaHour(new Date('2026-11-22T15:59:59.000Z'), 0)).toBe(1000)
    expect(msUntilChinaHour(new Date('2026-11-23T00:59:59.000Z'), 9)).toBe(1000)
  })
})

describe('an offer window typed as China days', () => {
  it('is sent as the first and last second of those days at +08:00; anything else as typed', () => {
    expect(chinaDayBound('2026-12-01', 'first')).toBe('2026-12-01T00:00:00+08:00')
    expect(chinaDayBound('2026-12-31', 'last')).toBe('2026-12-31T23:59:59+08:00')
    expect(chinaDayBound('12/31', 'last')).toBe('12/31')
  })
})
