import * as v from 'valibot'
import { defineAction } from './define'
import { PageInput, pageOf } from './common'
import { UnionCode } from '../join/form'
import { QUEUE_KINDS } from '../home'
import { FIGURE_PERIODS } from '../staff/figures'

const Day = v.pipe(v.string('请填写日期'), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-01-01'))

/** One thing waiting for the caller on 工作台, with its wait against the union's service days. */
export const DeskItem = v.object({
  id: v.string(),
  kind: v.picklist(QUEUE_KINDS),
  title: v.string(),
  detail: v.string(),
  /** When it started waiting for the caller's union (submitted, released, objected…). */
  since: v.string(),
  waited: v.string(),
  dueAt: v.string(),
  state: v.picklist(['ok', 'soon', 'overdue']),
  /** The existing review page that decides it. */
  path: v.string(),
})
export type DeskItem = v.InferOutput<typeof DeskItem>

const FigureTable = v.object({
  key: v.string(),
  title: v.string(),
  columns: v.array(v.string()),
  rows: v.array(v.object({ label: v.string(), values: v.array(v.union([v.number(), v.string()])) })),
  bar: v.nullable(v.number()),
})

/** 工作台 and the figures of #17: the staff's own view of what waits and how their unions do. */
export const staffReviewActions = {
  desk: defineAction({
    access: 'user',
    summary: '工作台：本人可处理的入会、转会、个人信息请求、金秋助学审核与异议，最早的在前，附已等待时长与办理时限状态；每页 30 条',
    input: v.strictObject(PageInput),
    output: v.object({ ...pageOf(DeskItem) }),
  }),
  figures: defineAction({
    access: 'user',
    summary: '本级及下级工会的统计：会员增减、入会与转会办理、普惠券、金秋助学、职工驿站，按直属下级工会分列；本月、本年或自选时段（最长 366 天）',
    input: v.strictObject({
      period: v.picklist(FIGURE_PERIODS, '请选择统计时段'),
      from: v.optional(Day),
      to: v.optional(Day),
      unionId: v.optional(UnionCode),
    }),
    output: v.object({ union: v.object({ id: v.string(), name: v.string() }), from: v.string(), to: v.string(), tables: v.array(FigureTable) }),
  }),
  rebuildFigures: defineAction({
    access: 'system',
    summary: '部署时：统计计数为空而已有记录时，从记录重算计数（已有计数则不动，可重复运行）',
    input: v.strictObject({}),
    output: v.object({ rebuilt: v.boolean(), documents: v.number() }),
  }),
}
