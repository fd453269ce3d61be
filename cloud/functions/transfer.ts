import type { Handlers } from '../lib/dispatch'
import { checkTarget, startTransfer } from '../features/transfer/start'
import { unionPathNames, unionSummary } from '../lib/unions'
import { accept, reject, release, withdraw } from '../features/transfer/moves'
import { mine, queue } from '../features/transfer/queries'
import { toView, toViews } from '../features/transfer/view'

/** 转会: the member starts or withdraws; the leaving union releases; the receiving union accepts or rejects. */
export const transferHandlers: Handlers<'transfer'> = {
  async preview({ toUnionId }, ctx) {
    const { from, to } = await checkTarget(ctx, toUnionId)
    return { fromUnion: unionSummary(from), toUnion: unionSummary(to), toUnionPath: await unionPathNames(ctx, to) }
  },
  async start(input, ctx) {
    return toView(ctx, await startTransfer(ctx, input))
  },
  async mine(_input, ctx) {
    const { current, last, history } = await mine(ctx)
    return { current: current && (await toView(ctx, current)), last: last && (await toView(ctx, last)), history }
  },
  async withdraw({ transferId }, ctx) {
    return toView(ctx, await withdraw(ctx, transferId))
  },
  async queue({ side, cursor }, ctx) {
    const { items, nextCursor, total } = await queue(ctx, side, cursor)
    return { items: await toViews(ctx, items), nextCursor, total }
  },
  async release({ transferId }, ctx) {
    return toView(ctx, await release(ctx, transferId))
  },
  async accept({ transferId }, ctx) {
    return toView(ctx, await accept(ctx, transferId))
  },
  async reject({ transferId, reason }, ctx) {
    return toView(ctx, await reject(ctx, transferId, reason))
  },
}
