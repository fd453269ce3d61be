import { durationBucket, lastDayOf, quantileText, rateText, resolvePeriod, counterPlan } from '@domain/staff/figures'

describe('counterPlan: every month the range touches, each partial month as the fewer days', () => {
  const days = (from: string, to: string) => {
    const out: string[] = []
    for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 24 * 3600 * 1000) out.push(new Date(at).toISOString().slice(0, 10))
    return out
  }
  it.each([
    [{ from: '2026-01-01', to: '2026-12-31' }, { months: { from: '2026-01', to: '2026-12' }, skip: [], plus: [], minus: [] }],
    // The bench's year: December less its 1st, and the 1st of the next December alone.
    [{ from: '2025-12-02', to: '2026-12-01' }, { months: { from: '2025-12', to: '2026-12' }, skip: ['2026-12'], plus: ['2026-12-01'], minus: ['2025-12-01'] }],
    [{ from: '2026-11-01', to: '2026-11-07' }, { months: { from: '2026-11', to: '2026-11' }, skip: ['2026-11'], plus: days('2026-11-01', '2026-11-07'), minus: [] }],
    [{ from: '2026-11-01', to: '2026-11-20' }, { months: { from: '2026-11', to: '2026-11' }, skip: [], plus: [], minus: days('2026-11-21', '2026-11-30') }],
    [{ from: '2026-02-10', to: '2026-03-05' }, { months: { from: '2026-02', to: '2026-03' }, skip: ['2026-03'], plus: days('2026-03-01', '2026-03-05'), minus: days('2026-02-01', '2026-02-09') }],
    [{ from: '2024-02-01', to: '2024-02-29' }, { months: { from: '2024-02', to: '2024-02' }, skip: [], plus: [], minus: [] }],
    [{ from: '2026-03-10', to: '2026-03-20' }, { months: { from: '2026-03', to: '2026-03' }, skip: ['2026-03'], plus: days('2026-03-10', '2026-03-20'), minus: [] }],
  ])('%j', (range, plan) => {
    expect(counterPlan(range)).toEqual(plan)
  })

  it('counts every day of any range exactly once, and never reads more than 15 days of a month', () => {
    // Every start over New Year and a leap-free February, each with ends a few days apart.
    for (const from of days('2025-12-25', '2026-03-05').filter((_, i) => i % 2 === 0)) {
      for (const to of days(from, '2026-04-03').filter((_, i) => i % 5 === 0 || i < 3)) {
        const plan = counterPlan({ from, to })
        const counted = new Map<string, number>()
        const add = (day: string, n: number) => counted.set(day, (counted.get(day) ?? 0) + n)
        for (let m = plan.months.from; m <= plan.months.to; m = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 1)).toISOString().slice(0, 7)) {
          if (!plan.skip.includes(m)) for (const day of days(`${m}-01`, lastDayOf(m))) add(day, 1)
        }
        plan.plus.forEach((day) => add(day, 1))
        plan.minus.forEach((day) => add(day, -1))
        const once = [...counted].filter(([, n]) => n !== 0)
        expect(once.every(([, n]) => n === 1)).toBe(true)
        expect(once.map(([day]) => day).sort()).toEqual(days(from, to))
        const perMonth = new Map<string, number>()
        for (const day of [...plan.plus, ...plan.minus]) perMonth.set(day.slice(0, 7), (perMonth.get(day.slice(0, 7)) ?? 0) + 1)
        expect(Math.max(0, ...perMonth.values())).toBeLessThanOrEqual(15)
      }
    }
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
