import { counterPlan, type DayRange } from '../../../domain/staff/figures'
import type { Store } from '../../lib/store/port'
import { findByIds, forEachPage } from '../../lib/store/read'
import { staffDb, type FigureDoc } from './collections'
import type { Counts } from './tally'

/** Adds (sign 1) or takes away (-1) a counter document's counters into its row. */
function addDoc(rows: Map<string, Counts>, doc: FigureDoc, sign: 1 | -1): void {
  const into = rows.get(doc.row) ?? {}
  for (const key in doc) {
    const n = doc[key]
    if (typeof n === 'number' && n !== 0) into[key] = (into[key] ?? 0) + sign * n
  }
  rows.set(doc.row, into)
}

/**
 * A scope union's counters over a range of China days, by row (the union directly below, or the
 * scope itself): the sums tally.ts's increments make, read in as few documents as counterPlan
 * allows. First every month the range touches, in one ranged read on the (scope, day) index;
 * those documents also say which rows had anything that month, so the days a partial month needs
 * are then read by id (`scope|row|day`), the cheapest read either store has, instead of a range
 * over every day of the scope. A year at the root is about children × 15 documents.
 *
 * A month's counters are the sum of its days' (both are incremented by the same write), so a month
 * less its days outside the range is exactly the days inside. A counter that nets to 0 is left out,
 * and so is a row that had something only on the days taken away, as if those days had been read.
 */
export async function countsOver(store: Store, scope: string, range: DayRange): Promise<Map<string, Counts>> {
  const plan = counterPlan(range)
  const { figures: daily, months } = staffDb(store)
  const skip = new Set(plan.skip)
  const rows = new Map<string, Counts>()
  const rowsIn = new Map<string, string[]>()
  await forEachPage(months, { scope, day: { $gte: plan.months.from, $lte: plan.months.to } }, (page) => {
    for (const doc of page) {
      const inMonth = rowsIn.get(doc.day) ?? []
      inMonth.push(doc.row)
      rowsIn.set(doc.day, inMonth)
      if (!skip.has(doc.day)) addDoc(rows, doc, 1)
    }
  })
  const ids = (days: string[]) => days.flatMap((day) => (rowsIn.get(day.slice(0, 7)) ?? []).map((row) => `${scope}|${row}|${day}`))
  const [plus, minus] = await Promise.all([findByIds(daily, ids(plan.plus)), findByIds(daily, ids(plan.minus))])
  for (const doc of plus) addDoc(rows, doc, 1)
  for (const doc of minus) addDoc(rows, doc, -1)
  const netted = new Set(minus.map((doc) => doc.row))
  for (const [row, counts] of rows) {
    for (const key of Object.keys(counts)) if (counts[key] === 0) delete counts[key]
    if (netted.has(row) && !Object.keys(counts).length) rows.delete(row)
  }
  return rows
}
