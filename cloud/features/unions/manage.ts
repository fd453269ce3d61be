import * as v from 'valibot'
import { NewUnionCode, type AddUnionInput, type EditUnionInput, type OrgUnion } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { UnionCode } from '../../../domain/join/form'
import { nameCursor } from '../../../domain/paging'
import { levelProblem, regionProblem } from '../../../domain/unions'
import type { UnionDoc } from '../../lib/collections'
import { signedIn, type ActionContext } from '../../lib/context'
import { isStaffOf, requireAnyStaff, requireStaffOf, staffUnionIds } from '../../lib/roles'
import { DuplicateKeyError, type Filter } from '../../lib/store/port'
import { findByIds } from '../../lib/store/read'
import { describeUnions, parsePosterCursor, subtreePage } from '../join/unions'
import { publicCode, takeCode, unionByCode } from './codes'
import { followRename, type WorkOptions } from './follow'
import { derivedUnion, unionTerms, type UnionAbove } from './tree'
import { storedKeyOf } from '../../lib/resume'

/**
 * 组织管理: a clerk adds unions below theirs, edits those in their subtree and (close.ts) closes
 * them. Every change is one conditional update or one insert under a unique key, and audited.
 */

/** A page of the 组织管理 list. */
export const ORG_PAGE_SIZE = 50

const pendingOf = (doc: UnionDoc): OrgUnion['pending'] => (doc.closing ? doc.closing.stage : doc.follow ? 'follow' : null)

/** Unions as 组织管理 shows them, their paths read in one query. */
export async function orgViews(ctx: ActionContext, docs: UnionDoc[]): Promise<OrgUnion[]> {
  const described = await describeUnions(ctx, docs)
  const roots = staffUnionIds(ctx.caller)
  return docs.map((doc, i) => ({
    ...described[i],
    parentId: doc.parentId,
    regionCode: doc.regionCode,
    status: doc.status,
    own: roots.includes(doc._id),
    pending: pendingOf(doc),
    membersNotified: doc.closing?.notified ?? doc.membersNotified ?? null,
    closedAt: doc.closedAt ?? null,
  }))
}

export async function orgView(ctx: ActionContext, doc: UnionDoc): Promise<OrgUnion> {
  return (await orgViews(ctx, [doc]))[0]
}

/** The union, reloaded (after a write), as 组织管理 shows it. */
export async function reloadView(ctx: ActionContext, unionId: string): Promise<OrgUnion> {
  const doc = await ctx.db.unions.get(unionId)
  if (!doc) throw new CloudError('NOT_FOUND', '找不到这个工会')
  return orgView(ctx, doc)
}

/**
 * Every union in the caller's subtrees (closed and paused ones too), by name, 50 a page: the poster
 * list's keyset paging and search (join/unions.ts subtreePage). A keyword that is a union's code
 * (today's or an earlier one) answers that union alone, when it is in the caller's subtree.
 */
export async function listUnions(ctx: ActionContext, keyword = '', cursor?: string): Promise<{ items: OrgUnion[]; nextCursor: string | null }> {
  const roots = requireAnyStaff(ctx)
  const code = keyword.trim().toLowerCase()
  if (!cursor && v.is(UnionCode, code)) {
    const named = await unionByCode(ctx.store, code)
    if (named && isStaffOf(ctx.caller, named)) return { items: await orgViews(ctx, [named]), nextCursor: null }
  }
  const { unions, next } = await subtreePage(ctx, roots, {}, () => true, keyword, cursor ? parsePosterCursor(cursor) : null, ORG_PAGE_SIZE)
  return { items: await orgViews(ctx, unions.map((u) => u.doc)), nextCursor: next ? nameCursor(next) : null }
}

/** The unions above this one, top down, as the tree derivation needs them. */
async function chainAbove(ctx: ActionContext, union: Pick<UnionDoc, 'ancestors'>): Promise<UnionAbove[]> {
  const names = new Map((await findByIds(ctx.db.unions, union.ancestors)).map((u) => [u._id, u.name]))
  return union.ancestors.map((id) => ({ _id: id, name: names.get(id) ?? '' }))
}

const codeTaken = (code: string) =>
  new CloudError('UNION_CODE_TAKEN', `工会编码 ${code} 已被使用，请换一个（编码不能重复，撤销或改码后的旧编码也不再分配）`, { code: `${code} 已被使用，请换一个` })

/** Field problems found in the cloud, as INVALID_INPUT with each beside its field. */
function fieldProblems(problems: Record<string, string | null>): void {
  const fields = Object.fromEntries(Object.entries(problems).filter((e): e is [string, string] => e[1] !== null))
  const first = Object.values(fields)[0]
  if (first) throw new CloudError('INVALID_INPUT', first, fields)
}

/**
 * A clerk adds a union below their own union or one in their subtree: a level that may sit there
 * (domain/unions.ts CHILD_LEVELS), a region inside the parent's, and a code nobody ever had.
 * The code is taken first in `unionCodes` (of ten clerks taking it at once, one succeeds), then the
 * union is inserted under it as its `_id`. A retry of the same form (its idempotencyKey) goes on where
 * the first try stopped. The new union takes applications and prints its poster at once.
 */
export async function addUnion(ctx: ActionContext, input: AddUnionInput): Promise<OrgUnion> {
  const { openid } = signedIn(ctx)
  const { unions } = ctx.db
  const parent = await requireStaffOf(ctx, input.parentId)
  if (parent.status !== 'active') throw new CloudError('UNION_CLOSED', `上级「${parent.name}」${parent.status === 'closed' ? '已撤销' : '已停用'}，不能在其下新增工会`)
  fieldProblems({ level: levelProblem(input.level, parent), regionCode: regionProblem(input.regionCode, parent) })

  const at = ctx.now().toISOString()
  const code = input.code
  const mine = (doc: UnionDoc | null) => doc !== null && doc.createdBy === openid && storedKeyOf(doc) === input.idempotencyKey
  if ((await takeCode(ctx.store, { code, unionId: code, by: openid, at, forNewUnion: true, idempotencyKey: input.idempotencyKey })) === 'taken') throw codeTaken(code)
  const already = await unions.get(code)
  if (already) {
    if (mine(already)) return orgView(ctx, already)
    throw codeTaken(code)
  }
  const doc = derivedUnion(
    { _id: code, name: input.name, level: input.level, parentId: parent._id, regionCode: input.regionCode, status: 'active', createdAt: at, createdBy: openid, idempotencyKey: input.idempotencyKey },
    [...(await chainAbove(ctx, parent)), parent],
  )
  try {
    await unions.insert(doc)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    // The same add sent twice at once: the first insert stands.
    const first = await unions.get(code)
    if (mine(first)) return orgView(ctx, first as UnionDoc)
    throw codeTaken(code)
  }
  // A close of the parent that began meanwhile counts open unions below it only once it is closed:
  // either it sees this one (and is refused), or this read sees the parent closed, and the new
  // union is closed too rather than left open below a closed one. Its code stays taken.
  const parentNow = await unions.get(parent._id)
  if (parentNow?.status !== 'active') {
    await unions.update({ _id: code, status: 'active' }, { set: { status: 'closed', closedAt: at, closedBy: 'system' } })
    await ctx.audit({
      key: `org.add:${code}`,
      action: 'org.add',
      target: { collection: 'unions', id: code },
      before: null,
      after: { name: doc.name, level: doc.level, parentId: doc.parentId, regionCode: doc.regionCode, code, status: 'closed', why: '上级工会同时被撤销或停用' },
      unionPath: [...doc.ancestors, doc._id],
    })
    throw new CloudError('UNION_CLOSED', `上级「${parent.name}」刚刚被撤销或停用，不能在其下新增工会`)
  }
  await ctx.audit({
    key: `org.add:${code}`,
    action: 'org.add',
    target: { collection: 'unions', id: code },
    before: null,
    after: { name: doc.name, level: doc.level, parentId: doc.parentId, regionCode: doc.regionCode, code, status: doc.status },
    unionPath: [...doc.ancestors, doc._id],
  })
  return orgView(ctx, doc)
}

/**
 * A clerk edits a union in their subtree (their own included): its name, region code and code.
 *
 * - A new name changes the union's search terms, and those of every union below (follow.ts,
 *   continued by org.finish when there are more than one call can write).
 * - A new code is taken for good (codes.ts) and becomes what the poster, the 小程序码 and the join
 *   link carry. The union's id does not change, so nothing that names it is rewritten; its earlier
 *   codes keep finding it (printed posters keep working) and are never given to another union.
 *
 * One conditional update on the fields as they were read: of two clerks editing at once, the second
 * is told to refresh.
 */
export async function editUnion(ctx: ActionContext, input: EditUnionInput, work: WorkOptions = {}): Promise<OrgUnion> {
  const { openid } = signedIn(ctx)
  const { unions } = ctx.db
  const union = await requireStaffOf(ctx, input.unionId)
  if (union.status === 'closed') throw new CloudError('UNION_CLOSED', `「${union.name}」已撤销，不能再修改`)
  const oldCode = publicCode(union)
  const parent = union.parentId ? await unions.get(union.parentId) : null
  const codeChanged = input.code !== oldCode
  const codeRule = codeChanged ? v.safeParse(NewUnionCode, input.code, { abortPipeEarly: true }) : null
  fieldProblems({
    regionCode: parent && input.regionCode !== union.regionCode ? regionProblem(input.regionCode, parent) : null,
    code: codeRule && !codeRule.success ? codeRule.issues[0].message : null,
  })

  const set: Partial<UnionDoc> = {}
  const unset: Array<'code'> = []
  const renamed = input.name !== union.name
  if (renamed) {
    set.name = input.name
    set.terms = unionTerms(input.name, (await chainAbove(ctx, union)).map((u) => u.name))
    // The unions below follow from the top (a rename meanwhile restarts them too).
    set.follow = { after: '' }
  }
  if (input.regionCode !== union.regionCode) set.regionCode = input.regionCode
  if (codeChanged) {
    if ((await takeCode(ctx.store, { code: input.code, unionId: union._id, by: openid, at: ctx.now().toISOString(), forNewUnion: false })) === 'taken') throw codeTaken(input.code)
    if (input.code === union._id) unset.push('code')
    else set.code = input.code
  }
  if (!Object.keys(set).length && !unset.length) return orgView(ctx, union)

  const asRead: Filter<UnionDoc> = {
    _id: union._id,
    status: union.status,
    name: union.name,
    regionCode: union.regionCode,
    code: union.code === undefined ? { $exists: false } : union.code,
  }
  if ((await unions.update(asRead, { set, unset })) === 0) throw new CloudError('CONFLICT', '这个工会刚被别人修改过，请刷新后再改')
  await ctx.audit({
    action: 'org.edit',
    target: { collection: 'unions', id: union._id },
    before: { name: union.name, regionCode: union.regionCode, code: oldCode },
    after: { name: input.name, regionCode: input.regionCode, code: input.code },
    unionPath: [...union.ancestors, union._id],
  })
  if (renamed) await followRename(ctx, union._id, work)
  return reloadView(ctx, union._id)
}

/** One union of the caller's subtree, as 组织管理 shows it. */
export async function getUnion(ctx: ActionContext, unionId: string): Promise<OrgUnion> {
  return orgView(ctx, await requireStaffOf(ctx, unionId))
}
