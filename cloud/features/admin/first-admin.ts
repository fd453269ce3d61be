import { INVITE_PAGE, inviteWebPath } from '../../../domain/admin/invite'
import type { InvitationLink } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { ACTIVE_ROLE, type UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { adminDb } from './collections'
import { createInvitation } from './invitations'

/** The top of the union tree: the one union without a parent. None, or several, is the operator's to fix. */
export async function rootUnion(ctx: ActionContext): Promise<UnionDoc> {
  const roots = await ctx.db.unions.find({ parentId: null }, { limit: 3 })
  if (!roots.length) throw new CloudError('INVITE_ROOT_UNCLEAR', '还没有顶级工会：请先导入工会组织（需要恰好一个没有上级的工会）')
  if (roots.length > 1) {
    const names = roots.slice(0, 2).map((u) => `${u.name}（${u._id}）`).join('、')
    throw new CloudError('INVITE_ROOT_UNCLEAR', `没有上级的工会不止一个（${names}${roots.length > 2 ? '等' : ''}）：只能有一个顶级工会`)
  }
  return roots[0]
}

/**
 * After a first deploy nobody holds a role: the deploy asks for an invitation that makes its
 * acceptor a clerk (union_staff) of the root union. Asked again, it answers null while the root
 * union has a clerk or an unexpired open invitation, so re-running the deploy prints nothing new;
 * `force` makes another (the first one stays valid until used or expired).
 */
export async function firstAdminInvite(ctx: ActionContext, force: boolean): Promise<{ invitation: InvitationLink | null }> {
  const root = await rootUnion(ctx)
  if (!force) {
    const [clerk] = await ctx.db.roles.find({ kind: 'union_staff', unionId: root._id, ...ACTIVE_ROLE }, { limit: 1 })
    if (clerk) return { invitation: null }
    const open = await adminDb(ctx.store).invitations.find(
      { 'grant.kind': 'union_staff', 'grant.unionId': root._id, status: 'open', expiresAt: { $gt: ctx.now().toISOString() } },
      { limit: 1 },
    )
    if (open.length) return { invitation: null }
  }
  const { token, invitation } = await createInvitation(ctx, { kind: 'union_staff', unionId: root._id })
  return {
    invitation: {
      expiresAt: invitation.expiresAt,
      scene: token,
      weappPage: INVITE_PAGE,
      webPath: inviteWebPath(token),
      codePng: await inviteCode(ctx, token),
    },
  }
}

/**
 * The invitation's 小程序码 (base64 PNG), in WeChat. WeChat may refuse (before the app's first
 * release, or rate-limited): the invitation stands anyway, and the operator still has the page and
 * scene (and the web path) to open it, so a refusal is logged and answered as null rather than
 * failing a deploy whose invitation now exists (a clerk's page says so and offers to cancel it).
 * Never kept in cloud storage: the code is the token, and storage rules cannot limit who reads it.
 */
export async function inviteCode(ctx: ActionContext, token: string): Promise<string | null> {
  if (!ctx.wechat) return null
  try {
    return (await ctx.wechat.unlimitedCode(INVITE_PAGE, token)).toString('base64')
  } catch (error) {
    ctx.logError('wxacode.getUnlimited failed for the first-administrator invitation', error)
    return null
  }
}
