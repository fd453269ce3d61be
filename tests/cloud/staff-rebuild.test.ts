import { staffDb } from '../../cloud/features/staff/collections'
import { countsFromRecords, storedCounts } from '../../cloud/features/staff/recompute'
import { functions } from '../../cloud/functions'
import { dispatch } from '../../cloud/lib/dispatch'
import type { ActionOutput } from '../../domain/contract'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { ok } from '../helpers/aid'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'

type Harness = Awaited<ReturnType<typeof cloudHarness>>
const NOVEMBER = { period: 'custom', from: '2026-11-01', to: '2026-11-30' }

/** What the deploy asks of the review function (cloud/entry/wx.ts: an operator's call, no person). */
const rebuild = (h: Harness) =>
  dispatch('review', functions.review, { action: 'rebuildFigures', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat: h.wx?.wechat ?? null })

/** 新城区's joins approved in November, as the city's clerk reads them. */
async function joined(h: Harness): Promise<number> {
  const f = ok<ActionOutput<'review', 'figures'>>(await h.callAs('demo-city-clerk', 'review', 'figures', NOVEMBER))
  const members = f.tables.find((t) => t.key === 'members')!
  return members.rows.find((r) => r.label === '合计')!.values[0] as number
}

/** Throws the counters away: the store as it was before they existed. */
async function forgetCounters(h: Harness): Promise<void> {
  const { figures, months } = staffDb(h.store)
  await figures.remove({})
  await months.remove({})
}

describe('review.rebuildFigures (counters made from the records when there are none)', () => {
  it('records stored before the counters existed appear in the figures after it runs; a second run changes nothing', async () => {
    const h = await cloudHarness()
    for (const [seq, openid] of ['o-xc-1', 'o-xc-2'].entries()) {
      const app = ok(await h.callAs(openid, 'member', 'join', joinForm({ unionId: 'hhht-xc-kd', idNumber: fictionalIdNumber('150102', '19900101', 300 + seq) })))
      ok(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: app.id }))
    }
    expect(await joined(h)).toBe(2)
    await forgetCounters(h)
    expect(await joined(h)).toBe(0)

    const first = ok(await rebuild(h))
    expect(first.rebuilt).toBe(true)
    expect(first.documents).toBeGreaterThan(0)
    expect(await joined(h)).toBe(2)
    expect(await storedCounts(h.store)).toEqual(await countsFromRecords(h.store))
    // Counters exist now: the deploy's next run (or the next start) leaves them alone, nothing doubles.
    expect(ok(await rebuild(h))).toEqual({ rebuilt: false, documents: 0 })
    expect(await joined(h)).toBe(2)
  })

  it('does nothing on a store with no records to count, and no person may run it', async () => {
    const h = await cloudHarness()
    await forgetCounters(h)
    expect(await countsFromRecords(h.store)).toEqual(new Map())
    expect(ok(await rebuild(h))).toEqual({ rebuilt: false, documents: 0 })
    expect((await h.callAs('demo-city-clerk', 'review', 'rebuildFigures', {})).ok).toBe(false)
  })
})
