import { durationBucket, lastDayOf, quantileText, rateText, resolvePeriod, splitRange } from '@domain/staff/figures'

describe('splitRange: whole months from monthly counters, the ragged ends from daily ones', () => {
  it.each([
    [{ from: '2026-01-01', to: '2026-12-31' }, [], { from: '2026-01', to: '2026-12' }],
    [{ from: '2025-12-02', to: '2026-12-01' }, [{ from: '2025-12-02', to: '2025-12-31' }, { from: '2026-12-01', to: '2026-12-01' }], { from: '2026-01', to: '2026-11' }],
    [{ from: '2026-11-01', to: '2026-11-07' }, [{ from: '2026-11-01', to: '2026-11-07' }], null],
    [{ from: '2026-02-10', to: '2026-03-05' }, [{ from: '2026-02-10', to: '2026-03-05' }], null],
    [{ from: '2024-02-01', to: '2024-02-29' }, [], { from: '2024-02', to: '2024-02' }],
    [{ from: '2026-01-15', to: '2026-03-31' }, [{ from: '2026-01-15', to: '2026-01-31' }], { from: '2026-02', to: '2026-03' }],
  ])('%j', (range, days, months) => {
    expect(splitRange(range)).toEqual({ days, months })
  })

  it('knows month ends, leap years included', () => {
    expect([lastDayOf('2024-02'), lastDayOf('2026-02'), lastDayOf('2026-12')]).toEqual(['2024-02-29', '2026-02-28', '2026-12-31'])
  })
})

describe('periods, decision times and rates', () => {
  const now = new Date('2026-11-02T20:00:00.000Z') // 2026-11-03 in China
  it('this month and this year end on the China day of now', () => {
    expect(resolvePeriod('month', now)).toEqual({ from: '2026-11-01', to: '2026-11-03' })
    expect(resolvePeriod('year', now)).toEqual({ from: '2026-01-01', to: '2026-11-03' })
  })
  it('a custom range is checked, never guessed', () => {
    expect(resolvePeriod('custom', now, { from: '2025-11-03', to: '2026-11-03' })).toEqual({ from: '2025-11-03', to: '2026-11-03' })
    expect(resolvePeriod('custom', now, { from: '2025-11-02', to: '2026-11-03' })).toEqual({ error: '时段最长 366 天，请缩短后再查' })
    expect(resolvePeriod('custom', now, { from: '2026-11-04', to: '2026-11-03' })).toEqual({ error: '开始日期不能晚于结束日期' })
  })
  it('median and p90 are the buckets they fall in', () => {
    expect(durationBucket(30 * 60_000)).toBe(0)
    expect(durationBucket(31 * 24 * 3600_000)).toBe(10)
    expect(quantileText([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1], 0.5)).toBe('≤ 1 天')
    expect(quantileText([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1], 0.9)).toBe('超过 30 天')
    expect(quantileText([0, 0], 0.5)).toBe('—')
    expect([rateText(1, 3), rateText(0, 0)]).toEqual(['33.3%', '—'])
  })
})
