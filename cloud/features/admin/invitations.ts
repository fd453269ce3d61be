import { randomBytes } from 'node:crypto'
import { INVITE_TTL_MS } from '../../../domain/admin/invite'
import type { InvitationStatus, InvitationView, Role } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { ACTIVE_ROLE, type MerchantDoc, type RoleDoc, type RoleGrant, type UnionDoc } from '../../lib/collections'
import { mayGrant } from '../../../domain/admin/roles'
import { signedIn, type ActionContext } from '../../lib/context'
import { keyedHash } from '../../lib/crypto'
import type { Secrets } from '../../lib/secrets'
import { unionPathOf } from '../../lib/roles'
import { DuplicateKeyError } from '../../lib/store/port'
import { unionPathNames, unionSummary } from '../../lib/unions'
import { adminDb, type InvitationDoc } from './collections'

/**
 * One-time invitations to a role. The token is 24 random bytes in base64url: 32 characters (the
 * most a 小程序码 scene holds, all of them allowed there), 192 bits, so it cannot be guessed.
 */
export function newInviteToken(): string {
  return randomBytes(24).toString('base64url')
}

/**
 * The invitation's `_id`: a keyed hash of its token (HASH_KEY), prefixed so that it can never equal
 * the hash of some other value under the same key (ID numbers are hashed with it too).
 */
export function invitationId(secrets: Secrets, token: string): string {
  return keyedHash(secrets.hashKey, `invitation|${token}`)
}

/** The role an invitation becomes: one `_id` per invitation, so a retried accept cannot add a second. */
export function roleIdOf(invitation: string): string {
  return `inv-${invitation}`
}

function sameGrant(role: RoleDoc, grant: RoleGrant): boolean {
  if (role.kind === 'union_staff' && grant.kind === 'union_staff') return role.unionId === grant.unionId
  if (role.kind === 'aid_reviewer' && grant.kind === 'aid_reviewer') return role.unionId === grant.unionId && role.level === grant.level
  if (role.kind === 'merchant_staff' && grant.kind === 'merchant_staff') return role.merchantId === grant.merchantId
  return false
}

/** The union a grant belongs to (the union itself, or a merchant's union), with the role as the app shows it. */
export async function grantUnion(ctx: ActionContext, grant: RoleGrant): Promise<{ union: UnionDoc; role: Role; merchant: MerchantDoc | null }> {
  if (grant.kind === 'union_staff' || grant.kind === 'aid_reviewer') {
    const union = await ctx.db.unions.get(grant.unionId)
    if (!union) throw new CloudError('NOT_FOUND', '邀请中的工会已不存在')
    const role: Role = grant.kind === 'union_staff' ? { kind: 'union_staff', union: unionSummary(union) } : { kind: 'aid_reviewer', union: unionSummary(union), level: grant.level }
    return { union, role, merchant: null }
  }
  const merchant = await ctx.db.merchants.get(grant.merchantId)
  const union = merchant ? await ctx.db.unions.get(merchant.unionId) : null
  if (!merchant || !union) throw new CloudError('NOT_FOUND', '邀请中的商户已不存在')
  return { union, role: { kind: 'merchant_staff', merchantId: merchant._id, merchantName: merchant.name }, merchant }
}

/**
 * Makes an open invitation to `grant`, valid for a day; returns the token (shown once: only its
 * hash is kept). Audited, by the inviter ('system' when nobody is signed in: the deploy).
 */
export async function createInvitation(ctx: ActionContext, grant: RoleGrant): Promise<{ token: string; invitation: InvitationDoc }> {
  const { union } = await grantUnion(ctx, grant)
  const token = newInviteToken()
  const now = ctx.now()
  const invitation: InvitationDoc = {
    _id: invitationId(ctx.secrets, token),
    grant,
    unionPath: unionPathOf(union),
    invitedBy: ctx.caller?.openid ?? 'system',
    status: 'open',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITE_TTL_MS).toISOString(),
    acceptedBy: null,
    acceptedAt: null,
  }
  await adminDb(ctx.store).invitations.insert(invitation)
  await ctx.audit({ action: 'admin.invite', target: { collection: 'invitations', id: invitation._id }, before: null, after: invitation })
  return { token, invitation }
}

async function loadInvitation(ctx: ActionContext, token: string): Promise<InvitationDoc> {
  const invitation = await adminDb(ctx.store).invitations.get(invitationId(ctx.secrets, token))
  if (!invitation) throw new CloudError('INVITE_NOT_FOUND')
  return invitation
}

const isExpired = (invitation: InvitationDoc, nowIso: string) => invitation.expiresAt <= nowIso

/**
 * Why this person cannot take this invitation, or null when it is theirs already (accepted by
 * them). Someone else's acceptance is only "used", even once its role has ended: never who, nor when.
 */
function refusal(invitation: InvitationDoc, openid: string, nowIso: string): CloudError | null {
  if (invitation.status === 'cancelled') return new CloudError('INVITE_CANCELLED')
  if (invitation.status === 'accepted') return invitation.acceptedBy === openid ? null : new CloudError('INVITE_USED')
  if (invitation.status === 'ended') return new CloudError(invitation.acceptedBy === openid ? 'INVITE_ENDED' : 'INVITE_USED')
  if (isExpired(invitation, nowIso)) return new CloudError('INVITE_EXPIRED')
  // Open and in time, yet the conditional update did not take it: only a clock step back could do that.
  return new CloudError('CONFLICT')
}

/**
 * Whether the invitation's inviter may still grant what it grants: a clerk revoked or stepped down
 * since (or moved to a union elsewhere) leaves their open invitations lapsed, so nobody is granted
 * more than someone now holds. The deploy's ('system') never lapses.
 */
export async function inviterStillMay(ctx: ActionContext, invitation: Pick<InvitationDoc, 'invitedBy' | 'unionPath'>): Promise<boolean> {
  if (invitation.invitedBy === 'system') return true
  const held = await ctx.db.roles.find({ openid: invitation.invitedBy, kind: 'union_staff', ...ACTIVE_ROLE }, { limit: 100 })
  return mayGrant(held.flatMap((r) => (r.kind === 'union_staff' ? [r.unionId] : [])), invitation.unionPath)
}

/** What the token grants and whether this person can accept it; changes nothing. */
export async function viewInvitation(ctx: ActionContext, token: string): Promise<InvitationView> {
  const { openid, roles } = signedIn(ctx)
  const invitation = await loadInvitation(ctx, token)
  const { union, role } = await grantUnion(ctx, invitation.grant)
  const nowIso = ctx.now().toISOString()
  let status: InvitationStatus
  if (invitation.status === 'cancelled') status = 'cancelled'
  else if (invitation.status === 'ended') status = invitation.acceptedBy === openid ? 'ended' : 'used'
  else if (invitation.status === 'accepted') {
    if (invitation.acceptedBy !== openid) status = 'used'
    else status = (await ctx.db.roles.get(roleIdOf(invitation._id))) ? 'accepted' : 'unfinished'
  } else if (isExpired(invitation, nowIso)) status = 'expired'
  else if (invitation.invitedBy === openid) status = 'own'
  else if (!(await inviterStillMay(ctx, invitation))) status = 'lapsed'
  else status = roles.some((held) => sameGrant(held, invitation.grant)) ? 'held' : 'open'
  return {
    grants: role,
    unionPath: await unionPathNames(ctx, union),
    expiresAt: invitation.expiresAt,
    status,
    usable: status === 'open' || status === 'unfinished',
  }
}

/**
 * Accepts an invitation, in two writes without a transaction:
 * 1. one conditional update open → accepted, only while unexpired, recording who: of any number of
 *    people (or taps) racing, exactly one gets it;
 * 2. the role, under an `_id` derived from the invitation.
 * A crash between them leaves an accepted invitation without its role: the same person accepting
 * again finishes step 2 (the role's `_id` makes a double insert impossible); anyone else is told
 * it is used. A used, expired, cancelled, ended, lapsed or unknown token, or the inviter's own,
 * changes nothing. (An inviter revoked in the instant between the lapse check and the update is
 * not seen: the role can then be revoked like any other.)
 */
export async function acceptInvitation(ctx: ActionContext, token: string): Promise<{ role: Role }> {
  const { openid, roles } = signedIn(ctx)
  const { invitations } = adminDb(ctx.store)
  let invitation = await loadInvitation(ctx, token)
  const { role } = await grantUnion(ctx, invitation.grant)
  const nowIso = ctx.now().toISOString()
  const roleId = roleIdOf(invitation._id)

  let taken = false
  if (invitation.status === 'open' && !isExpired(invitation, nowIso)) {
    // The inviter, or someone holding the role already, leaves the invitation open for whom it was meant.
    if (invitation.invitedBy === openid) throw new CloudError('INVITE_OWN')
    if (!(await inviterStillMay(ctx, invitation))) throw new CloudError('INVITE_LAPSED')
    if (roles.some((held) => sameGrant(held, invitation.grant))) throw new CloudError('INVITE_ROLE_HELD')
    taken = (await invitations.update({ _id: invitation._id, status: 'open', expiresAt: { $gt: nowIso } }, { set: { status: 'accepted', acceptedBy: openid, acceptedAt: nowIso } })) === 1
    if (taken) invitation = { ...invitation, status: 'accepted', acceptedBy: openid, acceptedAt: nowIso }
    else invitation = (await invitations.get(invitation._id)) ?? invitation
  }
  if (!taken) {
    const refused = refusal(invitation, openid, nowIso)
    if (refused) throw refused
    // Accepted by this person before: finish an interrupted accept, refuse a repeated one.
    if (await ctx.db.roles.get(roleId)) throw new CloudError('INVITE_ACCEPTED')
  }

  const grantedAt = invitation.acceptedAt ?? nowIso
  // Keyed by the invitation: a finishing retry does not record the acceptance twice.
  await ctx.audit({
    key: `invitation-accepted-${invitation._id}`,
    action: 'admin.acceptInvitation',
    target: { collection: 'invitations', id: invitation._id },
    before: { status: 'open' },
    after: { status: 'accepted', acceptedAt: grantedAt, roleId, grant: invitation.grant },
  })
  const roleDoc = { _id: roleId, openid, ...invitation.grant, unionPath: invitation.unionPath, grantedBy: invitation.invitedBy, grantedAt, invitationId: invitation._id } as RoleDoc
  try {
    await ctx.db.roles.insert(roleDoc)
  } catch (error) {
    // The same person's other tap wrote it a moment ago: the role is there, as wanted.
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return { role }
}
