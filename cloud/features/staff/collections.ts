import type { CollectionIndexes, Doc, Store } from '../../lib/store/port'

/**
 * The staff figures' counters (#17 item 2): one document per (scope union, row union, China day).
 * `scope` is a union on the event's path; `row` is the union directly below it on that path (or the
 * scope itself, 本级, when the event happened there). So a union's figures over a year are the
 * documents `{ scope: id, day: from..to }` — its direct children times the days with activity — and
 * never a read of the applications or coupons themselves. Every other field is a counter
 * (cloud/features/staff/tally.ts names them), only ever changed by an atomic increment.
 */
export interface FigureDoc extends Doc {
  scope: string
  row: string
  /** A China day (YYYY-MM-DD) in staffFigures, a China month (YYYY-MM) in staffFiguresMonthly. */
  day: string
  [counter: string]: string | number
}

/**
 * The same counters twice: per day, and per month. A range reads whole months from the monthly
 * documents and only its ragged ends from the daily ones, so a year at the root is about
 * children × (12 + 31) documents, not children × 365.
 */
export const staffDb = (store: Store) => ({
  figures: store.collection<FigureDoc>('staffFigures'),
  months: store.collection<FigureDoc>('staffFiguresMonthly'),
})

export const STAFF_COLLECTIONS: CollectionIndexes = {
  // A union's days (or months) in a range, a page at a time in id order.
  staffFigures: [{ fields: ['scope', 'day'] }],
  staffFiguresMonthly: [{ fields: ['scope', 'day'] }],
}
