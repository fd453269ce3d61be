import * as v from 'valibot'
import { EMPLOYMENT_KEYS } from '../join/options'
import { TRANSFER_REASONS, TRANSFER_STATUSES, type TransferReason } from '../transfer/machine'
import { EmptyInput, IdempotencyKey, IsoTime, PageInput, pageOf, UnionSummary } from './common'
import { defineAction } from './define'

const Id = (what: string) => v.pipe(v.string(`请提供${what}`), v.trim(), v.minLength(1, `请提供${what}`), v.maxLength(64, `${what}格式不正确`))

export const TransferView = v.object({
  id: v.string(),
  status: v.picklist(TRANSFER_STATUSES),
  memberName: v.string(),
  memberNo: v.string(),
  fromUnion: UnionSummary,
  toUnion: UnionSummary,
  reason: v.picklist(Object.keys(TRANSFER_REASONS) as TransferReason[]),
  reasonText: v.nullable(v.string()),
  newEmployer: v.string(),
  jobType: v.picklist(EMPLOYMENT_KEYS),
  createdAt: IsoTime,
  /** When the leaving union's silence releases it, for a transfer still waiting to be released. */
  autoReleaseAt: v.nullable(IsoTime),
  releasedAt: v.nullable(IsoTime),
  releasedBy: v.nullable(v.picklist(['staff', 'auto'])),
  closedAt: v.nullable(IsoTime),
  rejectReason: v.nullable(v.string()),
})
export type TransferView = v.InferOutput<typeof TransferView>

export const MembershipPeriod = v.object({ union: UnionSummary, from: IsoTime, to: v.nullable(IsoTime) })

const TransferId = v.strictObject({ transferId: Id('转会申请编号') })

/** What the member says about a transfer: the start form's fields, checked by the app before sending (domain/transfer/start.ts) and by `start`. */
const transferDetailsEntries = {
  reason: v.picklist(Object.keys(TRANSFER_REASONS) as TransferReason[], '请选择转会原因'),
  reasonText: v.optional(v.pipe(v.string('请填写具体原因'), v.trim(), v.maxLength(200, '具体原因不超过 200 字'))),
  newEmployer: v.pipe(v.string('请填写新工作单位'), v.trim(), v.minLength(2, '请填写新工作单位'), v.maxLength(60, '工作单位不超过 60 字')),
  jobType: v.picklist(EMPLOYMENT_KEYS, '请选择就业形态'),
}

/** 其他 needs words: a rule across two fields, reported on the text field. */
const reasonExplained = (input: { reason: TransferReason; reasonText?: string }) => input.reason !== 'other' || Boolean(input.reasonText)
const REASON_TEXT_NEEDED = '选择“其他”时请填写具体原因'

export const TransferDetails = v.pipe(v.strictObject(transferDetailsEntries), v.forward(v.check((input) => reasonExplained(input), REASON_TEXT_NEEDED), ['reasonText']))

export const transfer = {
  preview: defineAction({
    access: 'user',
    summary: '发起转会前查看转入工会（扫码或输入工会编码），并检查能否转会',
    input: v.strictObject({ toUnionId: Id('工会编码') }),
    output: v.object({ fromUnion: UnionSummary, toUnion: UnionSummary, toUnionPath: v.array(v.string()) }),
  }),
  start: defineAction({
    personal: true,
    access: 'user',
    summary: '会员发起转会：选择转入工会，说明原因、新单位和岗位',
    input: v.pipe(
      v.strictObject({
        toUnionId: Id('转入工会'),
        ...transferDetailsEntries,
        /** A retried submission is not a second transfer. */
        idempotencyKey: IdempotencyKey,
      }),
      v.forward(v.check((input) => reasonExplained(input), REASON_TEXT_NEEDED), ['reasonText']),
    ),
    output: TransferView,
  }),
  mine: defineAction({
    access: 'user',
    summary: '我的转会：进行中的申请、最近一次结果和会籍记录',
    input: EmptyInput,
    output: v.object({ current: v.nullable(TransferView), last: v.nullable(TransferView), history: v.array(MembershipPeriod) }),
  }),
  withdraw: defineAction({ access: 'user', summary: '会员在完成前撤回转会', input: TransferId, output: TransferView }),
  queue: defineAction({
    access: 'user',
    summary: '工作人员的转会待办：转出（待本会放行）或转入（待本会接收），最早的在前；每页 50 件，total 为这一侧的全部件数',
    input: v.strictObject({ side: v.picklist(['outgoing', 'incoming'], '请选择转出或转入'), ...PageInput }),
    output: v.object({ ...pageOf(TransferView), total: v.number() }),
  }),
  release: defineAction({ access: 'user', summary: '转出工会放行', input: TransferId, output: TransferView }),
  accept: defineAction({ access: 'user', summary: '转入工会接收，会籍转入本会', input: TransferId, output: TransferView }),
  reject: defineAction({
    access: 'user',
    summary: '转入工会驳回，需说明原因',
    input: v.strictObject({
      transferId: Id('转会申请编号'),
      reason: v.pipe(v.string('请填写驳回原因'), v.trim(), v.minLength(2, '请填写驳回原因'), v.maxLength(200, '驳回原因不超过 200 字')),
    }),
    output: TransferView,
  }),
}
