import type { FeatureHandlers } from '../../lib/dispatch'
import { closeCheck, closeUnion, finishWork } from './close'
import { addUnion, editUnion, getUnion, listUnions } from './manage'

/** 组织管理: union staff add unions below theirs, edit and close those in their subtree. */
export { UNION_COLLECTIONS as collections } from './collections'

export const org = {
  list: ({ keyword, cursor }, ctx) => listUnions(ctx, keyword, cursor),
  get: ({ unionId }, ctx) => getUnion(ctx, unionId),
  add: (input, ctx) => addUnion(ctx, input),
  edit: (input, ctx) => editUnion(ctx, input),
  closeCheck: ({ unionId }, ctx) => closeCheck(ctx, unionId),
  close: ({ unionId }, ctx) => closeUnion(ctx, unionId),
  finish: ({ unionId }, ctx) => finishWork(ctx, unionId),
} satisfies FeatureHandlers<'org'>
