import { countsOver } from '../../cloud/features/staff/counts'
import { storedCounts } from '../../cloud/features/staff/recompute'
import { addCounts, type Counts } from '../../cloud/features/staff/tally'
import type { DayRange } from '../../domain/staff/figures'
import { cloudHarness } from '../helpers/cloud'
import { recordingReads, servedByIndex, testStore, type RecordedRead } from '../helpers/store'

const PATHS = [['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'], ['nmg', 'hhht', 'hhht-hm'], ['nmg', 'hhht'], ['nmg', 'bt'], ['nmg']]
const DAY = 24 * 3600 * 1000

/** What the figures must say: every daily document of the scope inside the range, summed by row. */
async function daySums(store: Awaited<ReturnType<typeof testStore>>['store'], scope: string, range: DayRange): Promise<Map<string, Counts>> {
  const rows = new Map<string, Counts>()
  for (const doc of (await storedCounts(store)).values()) {
    if (doc.scope !== scope || doc.day.length !== 10 || doc.day < range.from || doc.day > range.to) continue
    const into = rows.get(doc.row) ?? {}
    for (const [k, n] of Object.entries(doc.counts)) into[k] = (into[k] ?? 0) + n
    rows.set(doc.row, into)
  }
  return rows
}

describe('countsOver: a range read as whole months, with the partial ones by their fewer days', () => {
  const { store: plain } = testStore()
  const { store, reads } = recordingReads(plain)

  beforeAll(async () => {
    // Events on scattered days from mid-November to early March, some rows quiet for whole months.
    const start = Date.parse('2025-11-15T00:00:00Z')
    for (let i = 0; i < 40; i += 1) {
      const day = new Date(start + ((i * 37) % 110) * DAY).toISOString().slice(0, 10)
      const path = PATHS[i % PATHS.length]
      await addCounts(plain, path, day, { join_ok: 1 + (i % 3), ...(i % 4 ? { cp_c: 2 } : { tin: 1 }) })
    }
    // On a day the year from the 2nd takes away: 乌海 had nothing else, so it must not show at all.
    await addCounts(plain, ['nmg', 'bt'], '2025-12-01', { join_ok: 1, tout: 1 })
    await addCounts(plain, ['nmg', 'wh'], '2025-12-01', { join_ok: 1 })
  }, 60_000)

  it.each([
    ['a ragged range across New Year', 'nmg', { from: '2025-11-20', to: '2026-02-03' }],
    ['most of a month, read as the month less its tail', 'nmg', { from: '2025-12-01', to: '2025-12-25' }],
    ['a few days inside one month', 'hhht', { from: '2026-01-05', to: '2026-01-14' }],
    ['whole months only', 'hhht', { from: '2025-12-01', to: '2026-02-28' }],
    ['one day', 'nmg', { from: '2026-01-08', to: '2026-01-08' }],
    ['a year from the 2nd', 'nmg', { from: '2025-12-02', to: '2026-12-01' }],
    ['nothing yet', 'hhht-hm', { from: '2025-10-01', to: '2025-10-31' }],
  ])('%s: the same sums as every day added up', async (_, scope, range) => {
    expect(await countsOver(store, scope, range)).toEqual(await daySums(plain, scope, range))
  })

  it('a year from the 2nd reads each row\'s 13 months and 2 days, the days by id', async () => {
    reads.length = 0
    const rows = await countsOver(store, 'nmg', { from: '2025-11-02', to: '2026-11-01' })
    const monthly = reads.filter((r) => r.collection === 'staffFiguresMonthly')
    const daily = reads.filter((r) => r.collection === 'staffFigures')
    expect(monthly.reduce((n, r) => n + r.returned, 0)).toBeLessThanOrEqual(rows.size * 13)
    // November 1st taken away, November 1st of the next year added: two ids a row, nothing ranged.
    expect(daily.every((r) => Object.keys(r.filter).join() === '_id')).toBe(true)
    expect(daily.reduce((n, r) => n + r.returned, 0)).toBeLessThanOrEqual(rows.size * 2)
  })
})

describe('review.figures reads counters, 金秋助学 and stations through declared indexes only', () => {
  it('呼和浩特 over a year: every one of those reads is served by an index', async () => {
    let reads: RecordedRead[] = []
    const h = await cloudHarness('2026-11-23T08:00:00.000Z', {
      wrapStore: (store) => {
        const recording = recordingReads(store)
        reads = recording.reads
        return recording.store
      },
    })
    reads.length = 0
    const answer = (await h.callAs('demo-city-clerk', 'review', 'figures', { period: 'custom', from: '2025-11-24', to: '2026-11-23' })) as { ok: boolean }
    expect(answer.ok).toBe(true)
    const own = reads.filter((r) => ['staffFigures', 'staffFiguresMonthly', 'aidApplications', 'stations'].includes(r.collection))
    expect([...new Set(own.map((r) => r.collection))]).toEqual(expect.arrayContaining(['staffFiguresMonthly', 'aidApplications', 'stations']))
    expect(own.filter((r) => !servedByIndex(r))).toEqual([])
  })
})
