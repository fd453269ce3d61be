import * as v from 'valibot'
import { defineAction } from './define'
import { pageOf, PageInput } from './common'
import { UnionCode } from '../join/form'
import { QUEUE_KINDS } from '../home'
import { SERVICE_DAYS_RANGE } from '../staff/deadline'

const Day = (what: string) => v.pipe(v.string(`请选择${what}`), v.regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`))

/** A date range in China days, both ends included; either end may be left open. */
const DateRange = { from: v.optional(Day('开始日期')), to: v.optional(Day('结束日期')) }

const AuditItem = v.object({
  id: v.string(),
  at: v.string(),
  /** The actor's display name (系统 for a timer job), never an openid. */
  actorName: v.string(),
  action: v.string(),
  actionName: v.string(),
  object: v.object({ kind: v.string(), kindName: v.string(), id: v.string() }),
  changes: v.array(v.object({ field: v.string(), before: v.string(), after: v.string() })),
})

const Days = v.pipe(
  v.number('办理时限应为数字'),
  v.integer('办理时限应为整数个工作日'),
  v.minValue(SERVICE_DAYS_RANGE.min, `办理时限至少 ${SERVICE_DAYS_RANGE.min} 个工作日`),
  v.maxValue(SERVICE_DAYS_RANGE.max, `办理时限最多 ${SERVICE_DAYS_RANGE.max} 个工作日`),
)
const ServiceDaysSchema = v.object(Object.fromEntries(QUEUE_KINDS.map((kind) => [kind, v.number()])) as Record<(typeof QUEUE_KINDS)[number], v.NumberSchema<undefined>>)
const OwnDays = v.strictObject(Object.fromEntries(QUEUE_KINDS.map((kind) => [kind, v.optional(Days)])) as Record<(typeof QUEUE_KINDS)[number], v.OptionalSchema<typeof Days, undefined>>)

export const LEDGER_KINDS = ['joins', 'transfers', 'members'] as const

/** 台账 (#17 items 3–5): the audit trail, service deadlines, the daily digest and the exports, all in `review`. */
export const ledgerActions = {
  auditLog: defineAction({
    access: 'user',
    summary: '操作记录（台账）：本级及下级工会的操作，最新的在前，每页 50 条；可按操作人姓名、操作、对象和日期筛选',
    input: v.strictObject({
      ...PageInput,
      ...DateRange,
      actorName: v.optional(v.pipe(v.string('操作人姓名不正确'), v.trim(), v.minLength(1, '请填写操作人姓名'), v.maxLength(40, '操作人姓名不超过 40 个字'))),
      action: v.optional(v.pipe(v.string('操作不正确'), v.regex(/^[a-zA-Z_.]{2,60}$/, '操作不正确'))),
      objectKind: v.optional(v.pipe(v.string('对象类型不正确'), v.regex(/^[a-zA-Z]{2,40}$/, '对象类型不正确'))),
      objectId: v.optional(v.pipe(v.string('对象编号不正确'), v.trim(), v.minLength(1, '对象编号不正确'), v.maxLength(100, '对象编号不正确'))),
    }),
    output: v.object(pageOf(AuditItem)),
  }),
  serviceDays: defineAction({
    access: 'user',
    summary: '工会各类事项的办理时限（工作日）：本会设定的与默认的；不指定工会时为本人所在的工会',
    input: v.strictObject({ unionId: v.optional(UnionCode) }),
    output: v.object({ unionId: v.string(), unionName: v.string(), days: ServiceDaysSchema, own: v.record(v.string(), v.number()) }),
  }),
  setServiceDays: defineAction({
    access: 'user',
    summary: `设置工会的办理时限，每类 ${SERVICE_DAYS_RANGE.min}–${SERVICE_DAYS_RANGE.max} 个工作日；未填的用默认值`,
    input: v.strictObject({ unionId: UnionCode, days: OwnDays }),
    output: v.object({ unionId: v.string(), unionName: v.string(), days: ServiceDaysSchema, own: v.record(v.string(), v.number()) }),
  }),
  sendDigest: defineAction({
    access: 'system',
    summary: '每日一次：给有待办的工作人员发一条待办摘要（新收到的、即将超时的、已超时的）',
    input: v.strictObject({}),
    output: v.object({ sent: v.number() }),
  }),
  exportLedger: defineAction({
    access: 'user',
    summary: '导出台账（入会、转会或会员名册）为 CSV，本级及下级工会，按日期范围；身份证号已遮蔽',
    input: v.strictObject({ kind: v.picklist(LEDGER_KINDS, '请选择台账'), ...DateRange }),
    output: v.object({ filename: v.string(), rows: v.number(), csv: v.nullable(v.string()), url: v.nullable(v.string()) }),
  }),
}
