import type { FeatureHandlers } from '../../lib/dispatch'
import { desk } from './desk'
import { figures } from './figures'
import { rebuildFiguresIfEmpty } from './rebuild'

/**
 * The union staff console (#17 items 1–2): 工作台, what waits for a clerk or reviewer now, and the
 * figures of their subtree over a period. The counters the figures read are kept by tally.ts,
 * called from the join, transfer and benefits writes.
 */
export { STAFF_COLLECTIONS as collections } from './collections'

export const review = {
  desk: (input, ctx) => desk(ctx, input),
  figures: (input, ctx) => figures(ctx, input),
  rebuildFigures: (_input, ctx) => rebuildFiguresIfEmpty(ctx.store),
} satisfies FeatureHandlers<'review'>
