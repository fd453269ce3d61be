import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { maskName } from '../../../domain/names'
import type { ActionContext } from '../../lib/context'
import { keyedHash } from '../../lib/crypto'
import { DuplicateKeyError } from '../../lib/store/port'
import { aidDb } from './collections'
import { reviewLevels } from './levels'
import { cutPage, LIST_PAGE_SIZE, pageStart } from '../../lib/paging'
import { findByIds, keysetPage } from '../../lib/store/read'

/**
 * Approved recipients whose notice is running now, a page at a time by (noticeStartsAt, _id): masked
 * names only, nothing that identifies a family further. Public: no sign-in. An entry whose notice
 * ends while someone pages simply leaves; the cursor is a position, so the others stay in place.
 */
export async function publicNotice(ctx: ActionContext, input: ActionParsed<'aid', 'notice'>): Promise<ActionOutput<'aid', 'notice'>> {
  const now = ctx.now().toISOString()
  const rows = await keysetPage(aidDb(ctx.store).applications, { status: 'approved', noticeEndsAt: { $gt: now } }, 'noticeStartsAt', pageStart(input.cursor), LIST_PAGE_SIZE + 1)
  const { page, nextCursor } = cutPage(rows, LIST_PAGE_SIZE, 'noticeStartsAt')
  const unions = await findByIds(ctx.db.unions, page.map((a) => a.unionId))
  const names = new Map(unions.map((u) => [u._id, u.name]))
  return {
    items: page.map((a) => ({
      id: a._id,
      maskedName: maskName(a.child.name),
      school: a.child.school,
      level: a.child.level,
      amountFen: a.amountFen ?? 0,
      unionName: names.get(a.unionId) ?? '',
      noticeEndsAt: a.noticeEndsAt ?? now,
    })),
    nextCursor,
  }
}

/**
 * An objection to an entry still on notice, from a signed-in person; recorded for the level-two
 * staff. Its `_id` is a keyed hash of the entry and the person, so a second one from the same person
 * is a duplicate key (one per person per entry, also under a race) and the id tells staff nothing.
 */
export async function objectToNotice(ctx: ActionContext, input: ActionParsed<'aid', 'object'>) {
  const now = ctx.now().toISOString()
  const openid = ctx.caller?.openid
  if (!openid) throw new CloudError('UNAUTHENTICATED', '请先登录，再提出异议')
  const doc = await aidDb(ctx.store).applications.get(input.noticeId)
  if (!doc || doc.status !== 'approved' || !doc.noticeEndsAt || doc.noticeEndsAt <= now) throw new CloudError('NOT_FOUND', '该条目不在公示期内')
  const inserted = await aidDb(ctx.store).objections.insert({
    _id: `ob-${keyedHash(ctx.secrets.hashKey, `objection:${doc._id}:${openid}`).slice(0, 40)}`,
    applicationId: doc._id,
    unionPath: doc.unionPath,
    levelTwoUnionId: reviewLevels(doc.unionPath).levelTwoUnionId,
    text: input.text,
    contact: input.contact ?? '',
    by: openid,
    createdAt: now,
    status: 'open',
    note: null,
  }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof DuplicateKeyError) return false
      throw error
    },
  )
  if (!inserted) throw new CloudError('CONFLICT', '你已对这条公示提出过异议，工会正在核实')
  return { received: true }
}
