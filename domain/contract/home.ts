import * as v from 'valibot'
import { defineAction } from './define'
import { EmptyInput } from './common'
import { QUEUE_KINDS, WAITING_KINDS } from '../home'

/** One thing of the member's own that waits (an application, a transfer, a coupon, an aid decision). */
export const WaitingItem = v.object({
  /** Stable for lists and tests: the kind and the record's id. */
  key: v.string(),
  kind: v.picklist(WAITING_KINDS),
  title: v.string(),
  detail: v.string(),
  /** The app page that opens it. */
  path: v.string(),
})
export type WaitingItem = v.InferOutput<typeof WaitingItem>

/** One of a clerk's queues: how many wait in the caller's own unions (and those below). */
export const QueueCount = v.object({
  kind: v.picklist(QUEUE_KINDS),
  title: v.string(),
  count: v.number(),
  /** Counted up to a cap: there are more than `count` (no queue has a cap now; kept for apps that read it). */
  more: v.boolean(),
  path: v.string(),
})
export type QueueCount = v.InferOutput<typeof QueueCount>

export const HomeSummary = v.object({
  /** An active member: 首页 offers 出示会员证. */
  member: v.boolean(),
  waiting: v.array(WaitingItem),
  /** Empty for someone who is neither a clerk nor a reviewer. */
  queues: v.array(QueueCount),
})
export type HomeSummary = v.InferOutput<typeof HomeSummary>

export const homeActions = {
  home: defineAction({
    access: 'user',
    summary: '首页：我自己的待办（入会申请、转会、快过期的券、助学结果，各附打开的页面）；工作人员另有本人工会范围内各待办队列的件数',
    input: EmptyInput,
    output: HomeSummary,
  }),
}
