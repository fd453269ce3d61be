import * as v from 'valibot'
import { defineAction } from './define'
import { EmptyInput, IdempotencyKey, IsoTime, PageInput, pageOf, UnionSummary } from './common'
import { APPLICATION_STATES } from '../aid/machine'
import { EDUCATIONS, EMPLOYMENT_KEYS, ETHNICITIES, HUKOU_TYPES, POLITICAL_STATUSES } from '../join/options'
import { CORRECTABLE_FIELD_KEYS, RIGHTS_REQUEST_TYPES, RIGHTS_STATUSES } from '../rights'

const RecordId = (what: string) => v.pipe(v.string(`请指定${what}`), v.minLength(1, `请指定${what}`), v.maxLength(64, `${what}编号不正确`))
const Note = v.optional(v.pipe(v.string('说明应为文字'), v.trim(), v.maxLength(200, '说明最多 200 个字')))
const Required = (what: string, max: number) => v.pipe(v.string(`请填写${what}`), v.trim(), v.minLength(1, `请填写${what}`), v.maxLength(max, `${what}最多 ${max} 个字`))

/**
 * What a person may ask about their own data, one shape per kind. A correction's value is checked
 * again in the cloud with the join form's rule for that field (domain/join/form.ts).
 */
export const RightsRequestInput = v.variant('type', [
  v.strictObject({
    type: v.literal('correct_join'),
    idempotencyKey: IdempotencyKey,
    applicationId: RecordId('入会申请'),
    field: v.picklist(CORRECTABLE_FIELD_KEYS, '请选择要更正的项目'),
    value: Required('更正后的内容', 60),
    note: Note,
  }),
  v.strictObject({ type: v.literal('correct_aid'), idempotencyKey: IdempotencyKey, applicationId: RecordId('助学申请'), note: Required('需要更正的内容', 200) }),
  v.strictObject({ type: v.literal('delete_join'), idempotencyKey: IdempotencyKey, applicationId: RecordId('入会申请'), note: Note }),
  v.strictObject({ type: v.literal('delete_aid'), idempotencyKey: IdempotencyKey, applicationId: RecordId('助学申请'), note: Note }),
  v.strictObject({ type: v.literal('delete_messages'), idempotencyKey: IdempotencyKey }),
  v.strictObject({ type: v.literal('withdraw_join'), idempotencyKey: IdempotencyKey, applicationId: RecordId('入会申请') }),
  v.strictObject({ type: v.literal('withdraw_aid'), idempotencyKey: IdempotencyKey, applicationId: RecordId('助学申请') }),
  v.strictObject({ type: v.literal('withdraw_privacy'), idempotencyKey: IdempotencyKey }),
  v.strictObject({ type: v.literal('withdraw_location'), idempotencyKey: IdempotencyKey }),
  v.strictObject({ type: v.literal('leave'), idempotencyKey: IdempotencyKey, note: Note }),
], '请选择请求类型')
export type RightsRequestInput = v.InferInput<typeof RightsRequestInput>

export const RightsRequestView = v.object({
  id: v.string(),
  type: v.picklist(RIGHTS_REQUEST_TYPES),
  typeName: v.string(),
  status: v.picklist(RIGHTS_STATUSES),
  statusName: v.string(),
  targetId: v.nullable(v.string()),
  field: v.nullable(v.picklist(CORRECTABLE_FIELD_KEYS)),
  fieldName: v.nullable(v.string()),
  /** The value asked for (a phone number masked). */
  value: v.nullable(v.string()),
  note: v.nullable(v.string()),
  createdAt: IsoTime,
  answeredAt: v.nullable(IsoTime),
  answer: v.nullable(v.string()),
})
export type RightsRequestView = v.InferOutput<typeof RightsRequestView>

const Deletion = v.variant('deletable', [v.object({ deletable: v.literal(true) }), v.object({ deletable: v.literal(false), why: v.string() })])

/** What the union holds about the caller, as 我的 → 个人信息 shows it: numbers masked, each record with what may be done to it. */
export const MyData = v.object({
  person: v.object({
    displayName: v.string(),
    privacyAgreedVersion: v.nullable(v.string()),
    privacyAgreedAt: v.nullable(IsoTime),
    privacyWithdrawnAt: v.nullable(IsoTime),
  }),
  membership: v.nullable(
    v.object({ id: v.string(), union: UnionSummary, unionPath: v.array(v.string()), memberNo: v.string(), joinedAt: IsoTime, transferring: v.boolean() }),
  ),
  formerMemberships: v.array(v.object({ union: UnionSummary, memberNo: v.string(), joinedAt: IsoTime, leftAt: IsoTime })),
  joinApplications: v.array(
    v.object({
      id: v.string(),
      status: v.picklist(['pending', 'approved', 'rejected', 'withdrawn', 'lapsed']),
      union: UnionSummary,
      submittedAt: IsoTime,
      name: v.string(),
      idMasked: v.string(),
      gender: v.picklist(['male', 'female']),
      birthDate: v.string(),
      phoneMasked: v.string(),
      ethnicity: v.picklist(ETHNICITIES),
      education: v.picklist(EDUCATIONS),
      politicalStatus: v.picklist(POLITICAL_STATUSES),
      hukou: v.picklist(HUKOU_TYPES),
      employer: v.string(),
      employment: v.picklist(EMPLOYMENT_KEYS),
      consents: v.object({ personalAt: IsoTime, sensitiveAt: IsoTime, withdrawnAt: v.nullable(IsoTime) }),
      /** The record corrections apply to: the member's file, or the application under review. */
      correctable: v.boolean(),
      deletion: Deletion,
    }),
  ),
  aidApplications: v.array(
    v.object({
      id: v.string(),
      programmeName: v.string(),
      year: v.number(),
      status: v.picklist(APPLICATION_STATES),
      childName: v.string(),
      childIdMasked: v.string(),
      school: v.string(),
      householdSize: v.number(),
      documents: v.number(),
      bank: v.string(),
      cardMasked: v.string(),
      consentAt: IsoTime,
      consentWithdrawnAt: v.nullable(IsoTime),
      erased: v.boolean(),
      deletion: Deletion,
      /** What withdrawing the consent would do to it now. */
      withdrawalEffect: v.string(),
    }),
  ),
  messages: v.number(),
  requests: v.array(RightsRequestView),
})
export type MyData = v.InferOutput<typeof MyData>

/** A request as the answering staff see it: whose, which union, what is on file now. */
export const StaffRightsItem = v.object({
  ...RightsRequestView.entries,
  person: v.object({ name: v.string(), memberNo: v.nullable(v.string()), idMasked: v.nullable(v.string()) }),
  union: v.nullable(UnionSummary),
  /** For a correction, the value on file now. */
  current: v.nullable(v.string()),
  waited: v.string(),
})
export type StaffRightsItem = v.InferOutput<typeof StaffRightsItem>

/** Actions of the `member` function for a person's rights over their data; spread into `member`. */
export const rightsActions = {
  myData: defineAction({
    access: 'user',
    summary: '我的个人信息：工会保存的资料、会籍、入会和助学申请（号码打码）、消息数和我提出的请求',
    input: EmptyInput,
    output: MyData,
  }),
  // Not `personal`: withdrawing or deleting must never wait for an agreement; 我的 → 个人信息 asks
  // for it before a correction, which does carry a new value.
  requestRights: defineAction({
    access: 'user',
    summary: '个人信息请求：更正、删除、撤回同意、退会；撤回同意、删除消息和更正手机号立即生效，其余由所在工会答复',
    input: RightsRequestInput,
    output: RightsRequestView,
  }),
}

/** Actions of the `review` function: staff answer the requests of their union's subtree. */
export const rightsReviewActions = {
  rightsQueue: defineAction({
    access: 'user',
    summary: '工作人员：本级及下级工会待答复的个人信息请求，最早的在前；每页 50 条，total 为全部条数',
    input: v.strictObject(PageInput),
    output: v.object({ ...pageOf(StaffRightsItem), total: v.number() }),
  }),
  answerRights: defineAction({
    access: 'user',
    summary: '工作人员答复个人信息请求：同意并办理（更正、删除、退会），或说明理由不予办理',
    input: v.strictObject({
      requestId: RecordId('请求'),
      decision: v.picklist(['confirm', 'refuse'], '请选择是否同意'),
      answer: v.optional(v.pipe(v.string('答复应为文字'), v.trim(), v.maxLength(200, '答复最多 200 个字'))),
    }),
    output: StaffRightsItem,
  }),
}
