import { UNION_LEVEL_NAMES } from '../unionLevels'
import type { Role } from '../contract/member'
import { ERROR_MESSAGES } from '../errors'
import { AID_LEVEL_DUTIES, AID_LEVEL_NAMES } from './roles'

/**
 * Invitations (邀请): a one-time token that makes whoever opens it a holder of one role. The token
 * travels in a 小程序码's `scene` (at most 32 visible characters) and in the web link's `?token=`;
 * the cloud keeps only a keyed hash of it. It is a secret: never put it in storage or in a log line.
 */

/** Where an invitation stands, for the person holding its token. */
export const INVITATION_STATUSES = [
  /** Can be accepted. */
  'open',
  /** This person accepted it but the role was not written (an interrupted accept): accepting again finishes it. */
  'unfinished',
  /** This person accepted it; the role is theirs. */
  'accepted',
  /** Someone accepted it (who is not said). */
  'used',
  /** This person already holds the role it grants: it stays open for whom it was meant. */
  'held',
  /** This person made it: it is for someone else. */
  'own',
  /** Its inviter no longer holds a role that may grant it (revoked, stepped down): it cannot be accepted. */
  'lapsed',
  'expired',
  'cancelled',
  /** This person accepted it and the role has since been revoked, or they stepped down. */
  'ended',
] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

/** The page an invitation opens (a 小程序码's page has no leading slash). */
export const INVITE_PAGE = 'features/admin/pages/invite/index'

/** How long an invitation can be accepted. */
export const INVITE_TTL_MS = 24 * 3600 * 1000

/**
 * A token: base64url, 22 characters (128 bits) to 32 (192 bits, the 小程序码 scene's limit).
 * The cloud makes 32-character ones; anything else cannot be one of ours.
 */
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,32}$/

/** The web build's link to an invitation (hash router). */
export function inviteWebPath(token: string): string {
  return `/#/${INVITE_PAGE}?token=${token}`
}

/**
 * The token from the page's query: `scene` when a 小程序码 opened the page (URL-encoded by WeChat),
 * `token` from the web link. null when there is none, or it cannot be a token.
 */
export function inviteTokenFromQuery(query: Record<string, string | undefined>): string | null {
  const raw = query.scene ?? query.token
  if (!raw) return null
  const token = safeDecode(raw).trim()
  return INVITE_TOKEN_PATTERN.test(token) ? token : null
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** What a role means, in the words the invitation page uses. */
export function grantText(role: Role): { title: string; duties: string } {
  switch (role.kind) {
    case 'union_staff':
      return {
        title: `${role.union.name} 工作人员`,
        duties: '可审核本工会及下级工会的入会、转会和金秋助学申请，管理普惠福利、商户和驿站信息，邀请下级人员。',
      }
    case 'aid_reviewer':
      return {
        title: `${role.union.name} 金秋助学${AID_LEVEL_NAMES[role.level]}人（${AID_LEVEL_DUTIES[role.level]}）`,
        duties:
          role.level === 1
            ? '可核实或退回本工会所辖基层工会会员的金秋助学申请，不能审批，也不能办理其他业务。'
            : '可审批本工会所辖的金秋助学申请（批准或不予资助）、处理公示异议、登记发放，不能核实，也不能办理其他业务。',
      }
    case 'merchant_staff':
      return { title: `${role.merchantName} 核销员`, duties: '可为会员核销本店的普惠福利券。' }
  }
}

/** A role in one line, as 我的 and the staff lists show it: 新城区总工会（县级总工会）工作人员. */
export function roleTitle(role: Role): string {
  switch (role.kind) {
    case 'union_staff':
      return `${role.union.name}（${UNION_LEVEL_NAMES[role.union.level]}）工作人员`
    case 'aid_reviewer':
      return `${role.union.name} 金秋助学${AID_LEVEL_NAMES[role.level]}人（${AID_LEVEL_DUTIES[role.level]}）`
    case 'merchant_staff':
      return `${role.merchantName} 核销员`
  }
}

/** What the page says about an invitation that cannot be accepted as it is, or null when it can. */
export function invitationNotice(status: InvitationStatus): string | null {
  switch (status) {
    case 'open':
      return null
    case 'unfinished':
      return '你已接受过这份邀请，但角色还没有生效，请点“完成接受”。'
    case 'accepted':
      return '你已接受这份邀请，角色已生效。'
    case 'used':
      return ERROR_MESSAGES.INVITE_USED
    case 'held':
      return ERROR_MESSAGES.INVITE_ROLE_HELD
    case 'expired':
      return ERROR_MESSAGES.INVITE_EXPIRED
    case 'cancelled':
      return ERROR_MESSAGES.INVITE_CANCELLED
    case 'own':
      return ERROR_MESSAGES.INVITE_OWN
    case 'lapsed':
      return ERROR_MESSAGES.INVITE_LAPSED
    case 'ended':
      return ERROR_MESSAGES.INVITE_ENDED
  }
}

/**
 * Where an invitation stands for the staff who see it in their list (no token needed): open (can
 * still be accepted), lapsed (its inviter no longer holds a role that may grant it), expired unused,
 * accepted, cancelled, or ended (its role revoked or given up).
 */
export const STAFF_INVITATION_STATUSES = ['open', 'lapsed', 'expired', 'accepted', 'cancelled', 'ended'] as const
export type StaffInvitationStatus = (typeof STAFF_INVITATION_STATUSES)[number]

export const STAFF_INVITATION_STATUS_NAMES: Record<StaffInvitationStatus, string> = {
  open: '待接受',
  lapsed: '已失效（邀请人已不再任职）',
  expired: '已过期（未使用）',
  accepted: '已接受',
  cancelled: '已取消',
  ended: '角色已结束',
}
