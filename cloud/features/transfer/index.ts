import type { FeatureHandlers } from '../../lib/dispatch'
import { accept, reject, release, withdraw } from './moves'
import { startTransfer } from './start'
import { mineView, previewView, queueView, toView } from './view'

/** 转会: the member starts or withdraws; the leaving union releases; the receiving union accepts or rejects. */
export { TRANSFER_COLLECTIONS as collections } from './collections'

export const transfer = {
  preview: ({ toUnionId }, ctx) => previewView(ctx, toUnionId),
  start: async (input, ctx) => toView(ctx, await startTransfer(ctx, input)),
  mine: (_input, ctx) => mineView(ctx),
  withdraw: async ({ transferId }, ctx) => toView(ctx, await withdraw(ctx, transferId)),
  queue: ({ side, cursor }, ctx) => queueView(ctx, side, cursor),
  release: async ({ transferId }, ctx) => toView(ctx, await release(ctx, transferId)),
  accept: async ({ transferId }, ctx) => toView(ctx, await accept(ctx, transferId)),
  reject: async ({ transferId, reason }, ctx) => toView(ctx, await reject(ctx, transferId, reason)),
} satisfies FeatureHandlers<'transfer'>
