import * as v from 'valibot'
import { defineAction } from './define'
import { EmptyInput, IdempotencyKey, IsoTime, UnionLevel, UnionSummary } from './common'
import { joinFormEntries, UnionCode } from '../join/form'
import { NOTICE_TARGET_KINDS } from '../notices'
import { EMPLOYMENT_KEYS, EDUCATIONS, ETHNICITIES, HUKOU_TYPES, POLITICAL_STATUSES } from '../join/options'

/** A union as the join page shows it before the form: which union, what level, under whom. */
export const JoinUnion = v.object({
  /** The union's id: what actions name it by. Its first code, which never changes. */
  id: v.string(),
  /** Its code today: what its poster, 小程序码 and join link carry (an earlier code still finds it). */
  code: v.string(),
  name: v.string(),
  level: UnionLevel,
  parentName: v.nullable(v.string()),
  /** Names from the top of the tree down to this union. */
  path: v.array(v.string()),
})
export type JoinUnion = v.InferOutput<typeof JoinUnion>

/** A union search's keyword: part of a union's name or of a name above it (a region: 新城区). */
export const UnionKeyword = v.pipe(v.string('请输入工会名称或地区'), v.trim(), v.maxLength(30, '关键词不超过 30 个字'))

/** An application as its applicant and reviewers see it: the ID number only masked. */
export const ApplicationView = v.object({
  id: v.string(),
  /** 'lapsed': nobody decided it within APPLICATION_LAPSE_DAYS (domain/join/lapse.ts). */
  status: v.picklist(['pending', 'approved', 'rejected', 'withdrawn', 'lapsed']),
  union: UnionSummary,
  name: v.string(),
  idMasked: v.string(),
  gender: v.picklist(['male', 'female']),
  birthDate: v.string(),
  phone: v.string(),
  ethnicity: v.picklist(ETHNICITIES),
  education: v.picklist(EDUCATIONS),
  politicalStatus: v.picklist(POLITICAL_STATUSES),
  hukou: v.picklist(HUKOU_TYPES),
  employer: v.string(),
  employment: v.picklist(EMPLOYMENT_KEYS),
  submittedAt: IsoTime,
  decidedAt: v.nullable(IsoTime),
  rejectReason: v.nullable(v.string()),
  memberNo: v.nullable(v.string()),
})
export type ApplicationView = v.InferOutput<typeof ApplicationView>

export const NotificationView = v.object({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  link: v.nullable(v.string()),
  /** What it is about, for notices written since #15: the page to open follows from it (domain/notices.ts). */
  target: v.nullable(v.object({ kind: v.picklist(NOTICE_TARGET_KINDS), id: v.string() })),
  createdAt: IsoTime,
})

export const MemberCard = v.object({
  name: v.string(),
  union: UnionSummary,
  memberNo: v.string(),
  joinedAt: IsoTime,
  /** null for memberships recorded before online joining (no ID number on file). */
  idMasked: v.nullable(v.string()),
  /** Signed (Ed25519), expiring: what the card's QR code carries (domain/card/token.ts). */
  token: v.string(),
  tokenExpiresAt: IsoTime,
})
export type MemberCard = v.InferOutput<typeof MemberCard>

/** Actions of the `member` function for joining (入会); spread into `member` in member.ts. */
export const joinActions = {
  unionByCode: defineAction({
    access: 'user',
    summary: '按工会编码（二维码 scene、链接或手输）找到要加入的工会',
    input: v.strictObject({ code: UnionCode }),
    output: JoinUnion,
  }),
  searchUnions: defineAction({
    access: 'user',
    summary: '按名称或地区查找可加入的工会；另给出新业态工会联合会',
    input: v.strictObject({ keyword: UnionKeyword }),
    output: v.object({ unions: v.array(JoinUnion), newForms: v.array(JoinUnion) }),
  }),
  join: defineAction({
    personal: true,
    access: 'user',
    summary: '提交入会申请（同一身份证号至多一个会籍；每个账号至多一份待审申请；别人用同一身份证号的待审申请不妨碍本人申请，由工会审核时并排裁定；idempotencyKey 使重复提交只算一次）',
    input: v.strictObject({
      unionId: UnionCode,
      idempotencyKey: IdempotencyKey,
      ...joinFormEntries,
    }),
    output: ApplicationView,
  }),
  myApplication: defineAction({
    access: 'user',
    summary: '我最近一次入会申请的状态（审核中 / 已通过 / 未通过及原因）',
    input: EmptyInput,
    output: v.object({ application: v.nullable(ApplicationView) }),
  }),
  card: defineAction({
    access: 'user',
    summary: '电子会员证：姓名、工会、会员编号、入会日期、脱敏身份证号和会员码令牌',
    input: EmptyInput,
    output: MemberCard,
  }),
  lapseApplications: defineAction({
    access: 'system',
    // WeChat allows one timer trigger per function: this daily job also deletes old joinIdProbes.
    summary: '定时任务：超过期限无人审核的入会申请失效（通知申请人、记入审计），并删除已过窗口期的身份证号尝试记录',
    input: EmptyInput,
    output: v.object({ lapsed: v.number(), probesRemoved: v.number() }),
  }),
  notifications: defineAction({
    access: 'user',
    summary: '我的消息（审核结果等），最新在前',
    input: EmptyInput,
    output: v.object({ items: v.array(NotificationView) }),
  }),
}
