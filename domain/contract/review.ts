import * as v from 'valibot'
import { defineAction } from './define'
import { PageInput, pageOf } from './common'
import { ApplicationView, JoinUnion, UnionKeyword } from './join'
import { UnionCode } from '../join/form'
import { rightsReviewActions } from './rights'
import { staffReviewActions } from './staff'
import { ledgerActions } from './ledger'

const ApplicationId = v.pipe(v.string('请指定申请'), v.minLength(1, '请指定申请'), v.maxLength(64, '申请编号不正确'))

/** Union staff review join applications (入会审核) of their union and the unions below it. */
export const review = {
  queue: defineAction({
    access: 'user',
    summary: '待审核的入会申请，最早提交的在前，附已等待时长和同一身份证号的待审份数；每页 50 份（nextCursor 为下一页的位置，null 表示没有更多），total 为可审核的全部份数',
    input: v.strictObject(PageInput),
    output: v.object({
      ...pageOf(
        v.object({
          ...ApplicationView.entries,
          waitedMinutes: v.number(),
          waited: v.string(),
          /** The same for every pending application with this ID number (an opaque key, never the number or its hash); null when it is the only one. */
          idGroup: v.nullable(v.string()),
          /** How many pending applications carry this ID number, this one included (#14: the clerk decides which stands). */
          sameIdCount: v.number(),
        }),
      ),
      total: v.number(),
    }),
  }),
  posterUnions: defineAction({
    access: 'user',
    summary: '工作人员可打印入会二维码的工会（本级及下级中可接收会员的工会），可按名称或地区查找；按名称排序，每页 50 个（nextCursor 为下一页的位置，null 表示没有更多）；给出 unionId 时只答这一个工会',
    input: v.strictObject({
      keyword: v.optional(UnionKeyword),
      unionId: v.optional(UnionCode),
      cursor: v.optional(v.pipe(v.string('列表位置不正确'), v.minLength(1, '列表位置不正确'), v.maxLength(200, '列表位置不正确'))),
    }),
    output: v.object({ unions: v.array(v.object({ ...JoinUnion.entries, autoApprove: v.boolean() })), nextCursor: v.nullable(v.string()) }),
  }),
  joinCode: defineAction({
    access: 'user',
    summary: '本工会的入会小程序码（微信云端生成并缓存；网页版返回 null，改用网页链接二维码）',
    input: v.strictObject({ unionId: UnionCode }),
    output: v.object({ fileId: v.nullable(v.string()) }),
  }),
  setAutoApprove: defineAction({
    access: 'user',
    summary: '设置工会的入会申请是否自动通过',
    input: v.strictObject({ unionId: UnionCode, autoApprove: v.boolean('请选择是否自动通过') }),
    output: v.object({ unionId: v.string(), autoApprove: v.boolean() }),
  }),
  approve: defineAction({
    access: 'user',
    summary: '通过入会申请：分配会员编号、建立会籍',
    input: v.strictObject({ applicationId: ApplicationId }),
    output: ApplicationView,
  }),
  reject: defineAction({
    access: 'user',
    summary: '不通过入会申请，须写明原因（申请人可见，修改后可重新提交）',
    input: v.strictObject({
      applicationId: ApplicationId,
      reason: v.pipe(v.string('请填写不通过的原因'), v.trim(), v.minLength(2, '请填写不通过的原因（至少 2 个字）'), v.maxLength(200, '原因不超过 200 个字')),
    }),
    output: ApplicationView,
  }),
  ...rightsReviewActions,
  ...staffReviewActions,
  ...ledgerActions,
}
