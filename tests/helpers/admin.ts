import { adminDb } from '../../cloud/features/admin/collections'
import { invitationId } from '../../cloud/features/admin/invitations'
import { collections } from '../../cloud/lib/collections'
import type { GrantInput, InvitationItem, InvitationLink } from '../../domain/contract'
import { cloudHarness } from './cloud'
import { ok, type CloudAnswer } from './aid'

/**
 * The demo store (tests/helpers/cloud.ts) with people to invite, and the calls of roles by
 * invitation as someone: invite, accept, cancel, revoke, step down. Everything these can touch is in
 * `snapshot()`, so a refused call can be shown to change nothing.
 */
export const NEWCOMERS = [
  { _id: 'p-zhang', displayName: '张新人（演示）' },
  { _id: 'p-li', displayName: '李新人（演示）' },
  { _id: 'p-wu', displayName: '吴新人（演示）' },
]

export async function adminHarness(start?: string) {
  const h = await cloudHarness(start)
  const db = collections(h.store)
  for (const person of NEWCOMERS) await db.people.insert({ ...person, createdAt: '2026-01-01T00:00:00.000Z' })
  const { invitations } = adminDb(h.store)

  const call = (who: string | null, action: string, data?: unknown) => h.callAs(who, 'admin', action, data) as Promise<CloudAnswer>
  /** `who` invites; the answer as the dispatcher gives it. */
  const invite = (who: string, grant: GrantInput | Record<string, unknown>) => call(who, 'invite', { grant })
  /** `who` invites and it must work: the link (token as `scene`) and the list item. */
  const invited = async (who: string, grant: GrantInput) => ok<{ invitation: InvitationLink; item: InvitationItem }>(await invite(who, grant))
  const accept = (who: string, token: string) => call(who, 'acceptInvitation', { token })
  const view = (who: string, token: string) => call(who, 'invitation', { token })
  /** `inviter` invites `grant`, `who` accepts: the token, the invitation's id and the new role's id. */
  const grantTo = async (inviter: string, who: string, grant: GrantInput) => {
    const { invitation } = await invited(inviter, grant)
    ok(await accept(who, invitation.scene))
    const id = invitationId(h.secrets, invitation.scene)
    return { token: invitation.scene, invitationId: id, roleId: `inv-${id}` }
  }
  const snapshot = async () => ({
    invitations: await invitations.find({}, { limit: 1000, sort: { _id: 1 } }),
    roles: await db.roles.find({}, { limit: 1000, sort: { _id: 1 } }),
    merchants: await db.merchants.find({}, { limit: 1000, sort: { _id: 1 } }),
    audit: await db.audit.find({}, { limit: 1000, sort: { _id: 1 } }),
  })
  const auditOf = (action: string) => db.audit.find({ action }, { limit: 1000, sort: { at: 1 } })
  const profile = async (who: string) => ok<{ roles: Array<Record<string, unknown>>; held: Array<Record<string, any>> }>(await h.callAs(who, 'member', 'profile', {}))
  /** Any function's action, answered as the tests read answers (ok / error). */
  const callAs = (who: string | null, fn: Parameters<typeof h.callAs>[1], action: string, data?: unknown) => h.callAs(who, fn, action, data) as Promise<CloudAnswer>
  return { ...h, callAs, db, invitations, call, invite, invited, accept, view, grantTo, snapshot, auditOf, profile }
}

export type AdminHarness = Awaited<ReturnType<typeof adminHarness>>
