import { backfillStationTerms } from '../../cloud/features/stations/backfill'
import { stationsDb } from '../../cloud/features/stations/collections'
import { functions } from '../../cloud/functions'
import { dispatch } from '../../cloud/lib/dispatch'
import { queryTerms } from '../../domain/search'
import { STOP_PIECES, stationTerms } from '../../domain/stations/text-search'
import { cloudHarness } from '../helpers/cloud'

type Harness = Awaited<ReturnType<typeof cloudHarness>>

const UNIONS: Record<string, string> = { nmg: '内蒙古自治区总工会', 'hhht-xc': '新城区总工会', 'hhht-hm': '回民区总工会', 'hhht-xc-hw': '新城区示例环卫服务中心（演示）工会' }

/** Five stations as an older version left them: three without terms (before #18), two with every piece (before the stop list). */
async function agedStations(h: Harness) {
  const { stations } = stationsDb(h.store)
  // The last ones: their numbers (#396…) are pieces a search looks up.
  const some = await stations.find({ status: 'active' }, { sort: { _id: -1 }, limit: 5 })
  for (const s of some.slice(0, 3)) await stations.update({ _id: s._id }, { unset: ['terms'] })
  for (const s of some.slice(3)) await stations.update({ _id: s._id }, { set: { terms: [...new Set([s.name, s.address].flatMap((t) => queryTerms(t)))] } })
  return some
}

const searchFinds = async (h: Harness, q: string, code: string) => {
  const result = await h.callAs(null, 'stations', 'search', { q })
  if (!result.ok) throw new Error(result.error.message)
  return (result.data as { stations: Array<{ code: string }> }).stations.some((s) => s.code === code)
}

describe('backfilling station search terms', () => {
  it('gives stations without terms (or with stop pieces) today’s, changing nothing else; a second run does nothing', async () => {
    const h = await cloudHarness()
    const aged = await agedStations(h)
    const { stations } = stationsDb(h.store)
    // Before: a station without terms cannot be found by its own name.
    expect(await searchFinds(h, aged[0].name, aged[0]._id)).toBe(false)
    expect(await stations.count({ terms: { $in: [...STOP_PIECES] } })).toBe(2)

    expect(await backfillStationTerms(h.store)).toEqual({ fixed: 5, done: true })
    for (const before of aged) {
      const after = await stations.get(before._id)
      expect(after?.terms).toEqual(stationTerms(before.name, before.address, UNIONS[before.unionId], before.type))
      // Not an edit: the version an editor holds stays valid.
      expect(after?.updatedAt).toBe(before.updatedAt)
    }
    expect(await searchFinds(h, aged[0].name, aged[0]._id)).toBe(true)
    expect(await stations.count({ terms: { $exists: false } })).toBe(0)
    expect(await stations.count({ terms: { $in: [...STOP_PIECES] } })).toBe(0)
    expect(await backfillStationTerms(h.store)).toEqual({ fixed: 0, done: true })
  })

  it('the operator’s stations.backfillTerms does one batch a call and says when it is done; nobody else may call it', async () => {
    const h = await cloudHarness()
    await agedStations(h)
    const asOperator = () => dispatch('stations', functions.stations as never, { action: 'backfillTerms', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets })
    expect(await asOperator()).toEqual({ ok: true, data: { fixed: 3, done: false } })
    expect(await asOperator()).toEqual({ ok: true, data: { fixed: 2, done: false } })
    expect(await asOperator()).toEqual({ ok: true, data: { fixed: 0, done: true } })
    expect(await h.callAs('demo-clerk', 'stations', 'backfillTerms', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })
})
