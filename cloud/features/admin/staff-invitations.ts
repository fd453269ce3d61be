import { INVITE_PAGE, inviteWebPath, type StaffInvitationStatus } from '../../../domain/admin/invite'
import { mayCancel, mayGrant } from '../../../domain/admin/roles'
import type { ActionOutput, ActionParsed, GrantInput, InvitationItem } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { merchantActive } from '../../../domain/merchants/merchant'
import { nameCursor } from '../../../domain/paging'
import { ACTIVE_ROLE, type RoleGrant } from '../../lib/collections'
import { signedIn, type ActionContext } from '../../lib/context'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { requireAnyStaff, unionPathOf } from '../../lib/roles'
import { keysetPage } from '../../lib/store/read'
import { POSTER_PAGE_SIZE, parsePosterCursor, subtreePage } from '../join/unions'
import { adminDb, type InvitationDoc } from './collections'
import { describeGrants } from './describe'
import { inviteCode } from './first-admin'
import { createInvitation } from './invitations'
import { displayNames } from './names'

/** Who may invite: clerks only (reviewers and cashiers hold no clerk union, members none at all). */
const INVITERS_ONLY = '只有工会工作人员可以邀请他人；金秋助学审核人和核销员不能邀请'

const outOfReach = () => new CloudError('INVITE_OUT_OF_REACH')

/**
 * Checks that the caller may grant this (its union in their subtree: a union not found and a union
 * out of reach answer alike, so nothing is learnt about other subtrees) and that it makes sense.
 */
async function checkGrant(ctx: ActionContext, clerkUnions: string[], grant: GrantInput): Promise<RoleGrant> {
  if (grant.kind === 'merchant_staff') {
    const merchant = await ctx.db.merchants.get(grant.merchantId)
    const union = merchant ? await ctx.db.unions.get(merchant.unionId) : null
    if (!merchant || !union || !mayGrant(clerkUnions, unionPathOf(union))) throw outOfReach()
    if (!merchantActive(merchant)) throw new CloudError(merchant.status === 'closed' ? 'MERCHANT_CLOSED' : 'MERCHANT_SUSPENDED', merchant.status === 'closed' ? undefined : '该商户已暂停合作，恢复后再邀请核销员')
    return { kind: 'merchant_staff', merchantId: merchant._id }
  }
  const union = await ctx.db.unions.get(grant.unionId)
  if (!union || !mayGrant(clerkUnions, unionPathOf(union))) throw outOfReach()
  if (union.status !== 'active') throw new CloudError('UNION_CLOSED', `「${union.name}」已停用，不能邀请人员`)
  if (grant.kind === 'union_staff') return { kind: 'union_staff', unionId: union._id }
  if (grant.level === 2 && union.level === 'grassroots') {
    const message = '基层工会是一级审核的工会，不能设二级审核人；请选一级，或在上级工会设二级审核人'
    throw new CloudError('INVALID_INPUT', message, { 'grant.level': message })
  }
  return { kind: 'aid_reviewer', unionId: union._id, level: grant.level }
}

/**
 * A clerk invites someone to a role in their subtree: a one-time invitation valid for a day, whose
 * token is shown once (its QR and link) and never stored. Audited by createInvitation.
 */
export async function inviteToRole(ctx: ActionContext, input: ActionParsed<'admin', 'invite'>): Promise<ActionOutput<'admin', 'invite'>> {
  const clerkUnions = requireAnyStaff(ctx, INVITERS_ONLY)
  const grant = await checkGrant(ctx, clerkUnions, input.grant)
  const { token, invitation } = await createInvitation(ctx, grant)
  const [item] = await describeInvitations(ctx, [invitation], clerkUnions)
  return {
    invitation: { expiresAt: invitation.expiresAt, scene: token, weappPage: INVITE_PAGE, webPath: inviteWebPath(token), codePng: await inviteCode(ctx, token) },
    item,
  }
}

const staffStatus = (doc: InvitationDoc, nowIso: string): StaffInvitationStatus => (doc.status === 'open' && doc.expiresAt <= nowIso ? 'expired' : doc.status)

/**
 * The open, unexpired invitations whose inviter can no longer grant them (inviterStillMay), with
 * one read of the inviters' clerk roles for the whole page.
 */
async function lapsedOf(ctx: ActionContext, docs: InvitationDoc[], nowIso: string): Promise<Set<string>> {
  const open = docs.filter((d) => staffStatus(d, nowIso) === 'open' && d.invitedBy !== 'system')
  if (!open.length) return new Set()
  // A page's inviters are a handful of clerks, each with a few roles.
  const held = await ctx.db.roles.find({ openid: { $in: [...new Set(open.map((d) => d.invitedBy))] }, kind: 'union_staff', ...ACTIVE_ROLE }, { limit: 1000 })
  const clerkOf = (openid: string) => held.flatMap((r) => (r.openid === openid && r.kind === 'union_staff' ? [r.unionId] : []))
  return new Set(open.filter((d) => !mayGrant(clerkOf(d.invitedBy), d.unionPath)).map((d) => d._id))
}

/** Invitations as the list shows them, described with a fixed number of reads whatever their count. */
async function describeInvitations(ctx: ActionContext, docs: InvitationDoc[], clerkUnions: string[]): Promise<InvitationItem[]> {
  const me = signedIn(ctx).openid
  const nowIso = ctx.now().toISOString()
  const [placed, name, lapsed] = await Promise.all([describeGrants(ctx, docs.map((d) => d.grant)), displayNames(ctx, docs.flatMap((d) => [d.invitedBy, d.acceptedBy])), lapsedOf(ctx, docs, nowIso)])
  return docs.flatMap((doc) => {
    const grant = placed(doc.grant)
    if (!grant) return []
    const status = lapsed.has(doc._id) ? 'lapsed' : staffStatus(doc, nowIso)
    return [
      {
        id: doc._id,
        grants: grant.role,
        unionPath: grant.pathNames,
        status,
        invitedBy: name(doc.invitedBy),
        createdAt: doc.createdAt,
        expiresAt: doc.expiresAt,
        acceptedBy: doc.acceptedBy ? name(doc.acceptedBy) : null,
        acceptedAt: doc.acceptedAt,
        canCancel: (status === 'open' || status === 'lapsed') && mayCancel(clerkUnions, me, { kind: doc.grant.kind, unionPath: doc.unionPath, invitedBy: doc.invitedBy }),
      },
    ]
  })
}

/** The unions a clerk may invite people to: every open union of their subtree (a federation too), by name. */
export async function invitableUnions(ctx: ActionContext, keyword: string | undefined, cursor: string | undefined): Promise<ActionOutput<'admin', 'subtreeUnions'>> {
  const roots = requireAnyStaff(ctx)
  const open = (u: { status: string }) => u.status === 'active'
  const { unions, next } = await subtreePage(ctx, roots, { status: 'active' }, open, keyword ?? '', cursor ? parsePosterCursor(cursor) : null, POSTER_PAGE_SIZE)
  return { unions: unions.map((u) => u.view), nextCursor: next ? nameCursor(next) : null }
}

/** The invitations of the caller's subtree, newest first, a page at a time. */
export async function invitationsPage(ctx: ActionContext, cursor: string | undefined): Promise<ActionOutput<'admin', 'invitations'>> {
  const clerkUnions = requireAnyStaff(ctx)
  const rows = await keysetPage(adminDb(ctx.store).invitations, { unionPath: { $in: clerkUnions } }, 'createdAt', pageStart(cursor), LIST_PAGE_SIZE + 1, -1)
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'createdAt')
  return { items: await describeInvitations(ctx, page, clerkUnions), nextCursor }
}

/**
 * Cancels an open, unexpired invitation: one conditional update, so an invitation accepted at the
 * same moment is either cancelled or accepted, never both. Audited.
 */
export async function cancelInvitation(ctx: ActionContext, id: string): Promise<InvitationItem> {
  const clerkUnions = requireAnyStaff(ctx)
  const { openid } = signedIn(ctx)
  const { invitations } = adminDb(ctx.store)
  const doc = await invitations.get(id)
  if (!doc || !mayGrant(clerkUnions, doc.unionPath)) throw new CloudError('NOT_FOUND', '找不到这份邀请')
  if (!mayCancel(clerkUnions, openid, { kind: doc.grant.kind, unionPath: doc.unionPath, invitedBy: doc.invitedBy })) {
    throw new CloudError('FORBIDDEN', '只有邀请人，或能撤销这个角色的上级工会工作人员，可以取消这份邀请')
  }
  const nowIso = ctx.now().toISOString()
  const after = { status: 'cancelled' as const, cancelledBy: openid, cancelledAt: nowIso }
  const changed = await invitations.update({ _id: doc._id, status: 'open', expiresAt: { $gt: nowIso } }, { set: after })
  if (!changed) throw whyNotCancelled((await invitations.get(doc._id)) ?? doc, nowIso)
  await ctx.audit({ action: 'admin.cancelInvitation', target: { collection: 'invitations', id: doc._id }, before: { status: 'open' }, after })
  const [item] = await describeInvitations(ctx, [{ ...doc, ...after }], clerkUnions)
  return item
}

function whyNotCancelled(doc: InvitationDoc, nowIso: string): CloudError {
  switch (staffStatus(doc, nowIso)) {
    case 'accepted':
    case 'ended':
      return new CloudError('CONFLICT', '这份邀请已被接受，不能取消；如需收回角色，请在“人员”中撤销')
    case 'cancelled':
      return new CloudError('CONFLICT', '这份邀请已经取消了')
    case 'expired':
      return new CloudError('INVITE_EXPIRED', '这份邀请已过期，无需取消')
    case 'open':
    case 'lapsed':
      return new CloudError('CONFLICT')
  }
}
