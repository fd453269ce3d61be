import * as v from 'valibot'
import { defineAction } from './define'
import { IsoTime } from './common'
import { Role } from './member'
import { INVITATION_STATUSES, INVITE_TOKEN_PATTERN } from '../admin/invite'
import { merchantActions } from './merchants'
import { InvitationLink, roleActions } from './roles'

/** The secret of an invitation, as its link or 小程序码 carries it. */
export const InviteToken = v.pipe(v.string('请提供邀请码'), v.regex(INVITE_TOKEN_PATTERN, '邀请码不完整或格式不对，请重新扫码或打开完整的链接'))

/** Where an invitation stands, for the person holding its token (domain/admin/invite.ts). */
export const InvitationStatus = v.picklist(INVITATION_STATUSES)
export type InvitationStatus = v.InferOutput<typeof InvitationStatus>

export const InvitationView = v.object({
  /** What accepting makes the person: the role as 我的 lists it. */
  grants: Role,
  /** The union's place in the tree, top down, ending with the union of the grant. */
  unionPath: v.array(v.string()),
  expiresAt: IsoTime,
  status: InvitationStatus,
  /** Whether this person can accept it now ('open' or 'unfinished'). */
  usable: v.boolean(),
})
export type InvitationView = v.InferOutput<typeof InvitationView>

/**
 * Administration (管理): the first administrator's invitation from the deploy, accepting any
 * invitation, clerks inviting and revoking (./roles.ts), and merchants (./merchants.ts).
 */
export const admin = {
  firstAdminInvite: defineAction({
    access: 'system',
    summary: '首次部署：生成一次性邀请（24 小时内有效），接受者成为顶级工会的工作人员；已有工作人员或有效邀请时不再生成（force 除外）',
    input: v.strictObject({ force: v.optional(v.boolean('force 应为 true 或 false'), false) }),
    output: v.object({ invitation: v.nullable(InvitationLink) }),
  }),
  invitation: defineAction({
    access: 'user',
    summary: '查看邀请：授予什么角色、哪个工会、有效期、是否还能接受（不改变任何数据）',
    input: v.strictObject({ token: InviteToken }),
    output: InvitationView,
  }),
  acceptInvitation: defineAction({
    access: 'user',
    summary: '接受邀请：邀请只能用一次，接受者获得邀请中的角色',
    input: v.strictObject({ token: InviteToken }),
    output: v.object({ role: Role }),
  }),
  ...roleActions,
  ...merchantActions,
}
