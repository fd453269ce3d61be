import { mayGrant } from '../../../domain/admin/roles'
import type { ActionOutput, MerchantForm, MerchantView } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { maskPhone, mayMoveMerchant, merchantNameKey, type MerchantStatus } from '../../../domain/merchants/merchant'
import { nameCursor, parseNameCursor } from '../../../domain/paging'
import { ACTIVE_ROLE, type MerchantDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { requireAnyStaff, requireStaffOf, unionPathOf } from '../../lib/roles'
import { DuplicateKeyError, type Filter } from '../../lib/store/port'
import { findByIds, keysetOf, keysetPage } from '../../lib/store/read'

/**
 * 商户管理: union staff register partner merchants under a union of their subtree, edit their
 * contact, stores and the unions they serve, and pause, resume or close them. A merchant's name and
 * union are fixed once registered (they are what makes it unique); closing is final.
 */

export const MERCHANT_PAGE_SIZE = 50

const status = (m: MerchantDoc): MerchantStatus => m.status ?? 'active'

/** Merchants as their staff see them, described with a fixed number of reads (unions, cashier counts). */
async function describeMerchants(ctx: ActionContext, docs: MerchantDoc[]): Promise<MerchantView[]> {
  const unionIds = docs.flatMap((m) => [m.unionId, ...(m.servesUnionIds ?? [])])
  const [unions, cashiers] = await Promise.all([
    findByIds(ctx.db.unions, unionIds),
    // A merchant has a few cashiers; a page of 50 merchants, far fewer than 1,000.
    docs.length ? ctx.db.roles.find({ kind: 'merchant_staff', merchantId: { $in: docs.map((m) => m._id) }, ...ACTIVE_ROLE }, { limit: 1000 }) : Promise.resolve([]),
  ])
  const names = new Map(unions.map((u) => [u._id, u.name]))
  const counts = new Map<string, number>()
  for (const role of cashiers) if (role.kind === 'merchant_staff') counts.set(role.merchantId, (counts.get(role.merchantId) ?? 0) + 1)
  return docs.map((m) => ({
    id: m._id,
    name: m.name,
    union: { id: m.unionId, name: names.get(m.unionId) ?? '' },
    contactName: m.contactName ?? '',
    contactPhone: m.contactPhone ?? '',
    stores: m.stores ?? [],
    serves: (m.servesUnionIds ?? [m.unionId]).map((id) => ({ id, name: names.get(id) ?? '' })),
    status: status(m),
    cashiers: counts.get(m._id) ?? 0,
    createdAt: m.createdAt ?? null,
    updatedAt: m.updatedAt ?? null,
  }))
}

/** What an audit entry keeps of a merchant: everything but the phone in full. */
const audited = (m: Partial<MerchantDoc>) => ({ ...m, ...(m.contactPhone ? { contactPhone: maskPhone(m.contactPhone) } : {}) })

/** The merchants of the caller's subtree by name, a page at a time (closed ones only when asked). */
export async function merchantsPage(ctx: ActionContext, includeClosed: boolean, cursor: string | undefined): Promise<ActionOutput<'admin', 'merchants'>> {
  const clerkUnions = requireAnyStaff(ctx)
  const after = cursor ? parseNameCursor(cursor) : null
  if (cursor && !after) throw new CloudError('INVALID_INPUT', '列表位置不正确，请刷新后重试', { cursor: '列表位置不正确' })
  const filter: Filter<MerchantDoc> = { unionPath: { $in: clerkUnions }, ...(includeClosed ? {} : { status: { $ne: 'closed' } }) }
  const rows = await keysetPage(ctx.db.merchants, filter, 'name', after, MERCHANT_PAGE_SIZE + 1)
  const page = rows.slice(0, MERCHANT_PAGE_SIZE)
  const next = rows.length > MERCHANT_PAGE_SIZE ? nameCursor(keysetOf(page[page.length - 1], 'name')) : null
  return { items: await describeMerchants(ctx, page), nextCursor: next }
}

/** A merchant of the caller's subtree; one out of reach answers as one that does not exist. */
async function manageable(ctx: ActionContext, id: string): Promise<MerchantDoc> {
  const clerkUnions = requireAnyStaff(ctx)
  const merchant = await ctx.db.merchants.get(id)
  const union = merchant ? await ctx.db.unions.get(merchant.unionId) : null
  if (!merchant || !union || !mayGrant(clerkUnions, unionPathOf(union))) throw new CloudError('NOT_FOUND', '找不到这个商户')
  return merchant
}

function invalid(field: string, message: string): CloudError {
  return new CloudError('INVALID_INPUT', message, { [field]: message })
}

/**
 * Registers a merchant (no id) or edits one. A duplicate (same name, as merchantNameKey folds it,
 * under the same union) is refused by the unique `nameKey`, so two clerks registering the same shop
 * at once make one. An edit is one conditional update on the version read. Audited.
 */
export async function saveMerchant(ctx: ActionContext, form: MerchantForm): Promise<MerchantView> {
  const clerkUnions = requireAnyStaff(ctx)
  const serves = await findByIds(ctx.db.unions, form.servesUnionIds)
  if (serves.length !== new Set(form.servesUnionIds).size || !serves.every((u) => mayGrant(clerkUnions, unionPathOf(u)))) {
    throw invalid('servesUnionIds', '服务的工会只能选本工会或下级工会')
  }
  const now = ctx.now().toISOString()
  const fields = { contactName: form.contactName, contactPhone: form.contactPhone, stores: form.stores, servesUnionIds: [...new Set(form.servesUnionIds)], updatedAt: now }

  if (form.id) {
    const existing = await manageable(ctx, form.id)
    if (status(existing) === 'closed') throw new CloudError('MERCHANT_CLOSED')
    if (form.unionId !== existing.unionId) throw invalid('unionId', '商户的登记工会不能修改')
    if (merchantNameKey(existing.unionId, form.name) !== merchantNameKey(existing.unionId, existing.name)) throw invalid('name', '商户名称登记后不能修改；如需更名，请关闭后重新登记')
    const changed = await ctx.db.merchants.update({ _id: existing._id, updatedAt: existing.updatedAt ?? { $exists: false } }, { set: fields })
    if (!changed) throw new CloudError('CONFLICT')
    const after = { ...existing, ...fields }
    await ctx.audit({ action: 'admin.merchant.update', target: { collection: 'merchants', id: existing._id }, before: audited(existing), after: audited(after) })
    return (await describeMerchants(ctx, [after]))[0]
  }

  const union = await requireStaffOf(ctx, form.unionId).catch(() => {
    throw invalid('unionId', '只能在本工会或下级工会登记商户')
  })
  if (union.status !== 'active') throw invalid('unionId', `「${union.name}」已停用，不能登记商户`)
  const merchant: MerchantDoc = {
    _id: ctx.newId(),
    name: form.name,
    nameKey: merchantNameKey(union._id, form.name),
    unionId: union._id,
    unionPath: unionPathOf(union),
    ...fields,
    status: 'active',
    createdAt: now,
  }
  try {
    await ctx.db.merchants.insert(merchant)
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new CloudError('MERCHANT_DUPLICATE', `「${union.name}」下已有名为“${form.name}”的商户，请勿重复登记`, { name: '同一工会下已有同名商户' })
    throw error
  }
  await ctx.audit({ action: 'admin.merchant.create', target: { collection: 'merchants', id: merchant._id }, before: null, after: audited(merchant) })
  return (await describeMerchants(ctx, [merchant]))[0]
}

const STATUS_ACTIONS: Record<MerchantStatus, string> = { active: 'admin.merchant.resume', paused: 'admin.merchant.pause', closed: 'admin.merchant.close' }

/**
 * Pauses, resumes or closes a merchant: one conditional update on the status read. While it is not
 * active its cashiers cannot redeem and its offers cannot be claimed (benefits checks the merchant).
 */
export async function setMerchantStatus(ctx: ActionContext, id: string, to: MerchantStatus): Promise<MerchantView> {
  const merchant = await manageable(ctx, id)
  const from = status(merchant)
  if (!mayMoveMerchant(from, to)) {
    throw new CloudError('CONFLICT', from === 'closed' ? '该商户已关闭，不能恢复或暂停' : from === to ? '商户已是这个状态' : undefined)
  }
  const updatedAt = ctx.now().toISOString()
  const changed = await ctx.db.merchants.update({ _id: merchant._id, status: merchant.status === undefined ? { $exists: false } : from }, { set: { status: to, updatedAt } })
  if (!changed) throw new CloudError('CONFLICT')
  await ctx.audit({ action: STATUS_ACTIONS[to], target: { collection: 'merchants', id: merchant._id }, before: { status: from }, after: { status: to } })
  return (await describeMerchants(ctx, [{ ...merchant, status: to, updatedAt }]))[0]
}

