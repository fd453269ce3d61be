import * as v from 'valibot'
import { INVITE_PAGE, STAFF_INVITATION_STATUSES } from '../admin/invite'
import { defineAction } from './define'
import { IsoTime, PageInput, pageOf } from './common'
import { JoinUnion, UnionKeyword } from './join'
import { AidLevel, Role } from './member'

const Id = (what: string) => v.pipe(v.string(`请选择${what}`), v.trim(), v.minLength(1, `请选择${what}`), v.maxLength(64, `${what}编号不正确`))

/** A fresh invitation as the deploy prints it, or as a clerk gets it: the token is `scene`, shown once and never stored. */
export const InvitationLink = v.object({
  expiresAt: IsoTime,
  /** The token itself: the 小程序码's scene, the web link's `token`. */
  scene: v.string(),
  weappPage: v.literal(INVITE_PAGE),
  /** `/#/features/admin/pages/invite/index?token=<scene>` on the web build's address. */
  webPath: v.string(),
  /** The 小程序码 (PNG, base64) in WeChat; null on the embedded home, or when WeChat could not make one. */
  codePng: v.nullable(v.string()),
})
export type InvitationLink = v.InferOutput<typeof InvitationLink>

/** What an invitation grants, as a clerk asks for it (domain/admin/roles.ts says who may). */
export const GrantInput = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('union_staff'), unionId: Id('工会') }),
    v.strictObject({ kind: v.literal('aid_reviewer'), unionId: Id('工会'), level: AidLevel }),
    v.strictObject({ kind: v.literal('merchant_staff'), merchantId: Id('商户') }),
  ],
  '请选择邀请的角色',
)
export type GrantInput = v.InferOutput<typeof GrantInput>

/** An invitation as the staff of its subtree see it in their list: never its token, never an openid. */
export const InvitationItem = v.object({
  id: v.string(),
  grants: Role,
  /** The union's place in the tree, top down (a cashier's: the merchant's union). */
  unionPath: v.array(v.string()),
  status: v.picklist(STAFF_INVITATION_STATUSES),
  /** The inviter's display name ('首次部署' for the deploy's). */
  invitedBy: v.string(),
  createdAt: IsoTime,
  expiresAt: IsoTime,
  /** Who accepted, by display name; null while nobody has. */
  acceptedBy: v.nullable(v.string()),
  acceptedAt: v.nullable(IsoTime),
  canCancel: v.boolean(),
})
export type InvitationItem = v.InferOutput<typeof InvitationItem>

/** A role held in the caller's subtree, for 人员 (who holds what, since when, whether the caller may revoke it). */
export const StaffRoleItem = v.object({
  id: v.string(),
  role: Role,
  unionPath: v.array(v.string()),
  /** The holder's display name. */
  holder: v.string(),
  grantedBy: v.nullable(v.string()),
  grantedAt: v.nullable(IsoTime),
  /** Whether this is the caller's own role (given up with 卸任 in 我的, never revoked). */
  mine: v.boolean(),
  canRevoke: v.boolean(),
})
export type StaffRoleItem = v.InferOutput<typeof StaffRoleItem>

const RoleId = v.pipe(v.string('请指定角色'), v.minLength(1, '请指定角色'), v.maxLength(100, '角色编号不正确'))
const InvitationId = v.pipe(v.string('请指定邀请'), v.regex(/^[0-9a-f]{64}$/, '邀请编号不正确'))

/** The end of a role: revoked by a clerk above, or given up by its holder. */
const Ended = v.object({ roleId: v.string(), endedAt: IsoTime })

/**
 * Roles by invitation (#16): clerks invite to their subtree, see and cancel invitations, revoke
 * roles below them; anyone steps down from a role of their own. Part of the `admin` function.
 */
export const roleActions = {
  invite: defineAction({
    access: 'user',
    summary: '工会工作人员邀请：本工会或下级工会的工作人员、金秋助学审核人（一级或二级），或本工会及下级所属商户的核销员；一次性，24 小时内有效',
    input: v.strictObject({ grant: GrantInput }),
    output: v.object({ invitation: InvitationLink, item: InvitationItem }),
  }),
  invitations: defineAction({
    access: 'user',
    summary: '本工会及下级的邀请记录：授予什么、谁邀请、状态、谁接受（显示名）；最新在前，每页 50 条',
    input: v.strictObject(PageInput),
    output: v.object(pageOf(InvitationItem)),
  }),
  cancelInvitation: defineAction({
    access: 'user',
    summary: '取消一份尚未接受、未过期的邀请（邀请人，或可撤销其角色的上级工作人员）',
    input: v.strictObject({ id: InvitationId }),
    output: InvitationItem,
  }),
  staffRoles: defineAction({
    access: 'user',
    summary: '本工会及下级的人员：工作人员、助学审核人、核销员，谁授予、何时，能否撤销；最新授予在前，每页 50 条',
    input: v.strictObject(PageInput),
    output: v.object(pageOf(StaffRoleItem)),
  }),
  revokeRole: defineAction({
    access: 'user',
    summary: '撤销下级的角色（工作人员只能撤销下级工会的工作人员，以及本工会及下级的审核人和核销员）；其邀请随之失效',
    input: v.strictObject({ roleId: RoleId }),
    output: Ended,
  }),
  stepDown: defineAction({
    access: 'user',
    summary: '本人卸任自己的一个角色；其邀请随之失效',
    input: v.strictObject({ roleId: RoleId }),
    output: Ended,
  }),
  subtreeUnions: defineAction({
    access: 'user',
    summary: '工作人员可邀请人员的工会（本级及下级，启用中），可按名称或地区查找；按名称排序，每页 50 个',
    input: v.strictObject({
      keyword: v.optional(UnionKeyword),
      cursor: v.optional(v.pipe(v.string('列表位置不正确'), v.minLength(1, '列表位置不正确'), v.maxLength(200, '列表位置不正确'))),
    }),
    output: v.object({ unions: v.array(JoinUnion), nextCursor: v.nullable(v.string()) }),
  }),
}
