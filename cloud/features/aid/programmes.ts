import { readRules, windowState } from '../../../domain/aid/programme'
import type { ActionParsed, Programme } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { signedIn, type ActionContext } from '../../lib/context'
import { activeMembership, requireAnyStaff, requireStaffOf, unionPathOf } from '../../lib/roles'
import { readAll } from '../../lib/store/read'
import { aidDb, type ProgrammeDoc } from './collections'
import { chinaYear } from '../../../domain/aid/dates'

export async function programmeView(ctx: ActionContext, doc: ProgrammeDoc): Promise<Programme> {
  const union = await ctx.db.unions.get(doc.unionId)
  const rules = readRules(doc)
  return {
    id: doc._id,
    unionId: doc.unionId,
    unionName: union?.name ?? '',
    year: doc.year,
    name: doc.name,
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    amounts: rules.amounts,
    categories: doc.categories,
    requiredDocuments: doc.requiredDocuments,
    noticeDays: doc.noticeDays,
    exclusions: doc.exclusions,
    excludes: rules.excludes,
    funds: rules.funds,
    maxYears: rules.maxYears,
    homeVisit: rules.homeVisit,
    window: windowState(doc, ctx.now()),
  }
}

/**
 * The programme that covers a member's union this year: the one set by the nearest union on the
 * path (a county's own programme wins over the city's).
 */
export async function programmeFor(ctx: ActionContext, unionPath: string[]): Promise<ProgrammeDoc | null> {
  // At most one programme per union per year (unique index): one per union on the path.
  const found = await aidDb(ctx.store).programmes.find({ unionId: { $in: unionPath }, year: chinaYear(ctx.now()) }, { limit: unionPath.length })
  found.sort((a, b) => unionPath.indexOf(b.unionId) - unionPath.indexOf(a.unionId))
  return found[0] ?? null
}

export async function requireProgramme(ctx: ActionContext, id: string): Promise<ProgrammeDoc> {
  const doc = await aidDb(ctx.store).programmes.get(id)
  if (!doc) throw new CloudError('AID_NO_PROGRAMME')
  return doc
}

/** aid.programme: the programme that covers the caller's union this year, if they are a member and there is one. */
export async function myProgramme(ctx: ActionContext): Promise<Programme | null> {
  const membership = await activeMembership(ctx, signedIn(ctx).openid)
  if (!membership) return null
  const union = await ctx.db.unions.get(membership.unionId)
  const doc = union ? await programmeFor(ctx, unionPathOf(union)) : null
  return doc ? programmeView(ctx, doc) : null
}

/** aid.myProgrammes: a staff member's own unions' programmes over the years, newest first. */
export async function staffProgrammes(ctx: ActionContext): Promise<Programme[]> {
  const roots = requireAnyStaff(ctx)
  // One per union and year: a staff member's own unions' programmes over the years.
  const docs = (await readAll(aidDb(ctx.store).programmes, { unionId: { $in: roots } }, 5000)).sort((a, b) => b.year - a.year || a._id.localeCompare(b._id))
  return Promise.all(docs.map((d) => programmeView(ctx, d)))
}

/** aid.saveProgramme: staff of a union set its programme for a year (one per union and year). Audited. */
export async function saveProgramme(ctx: ActionContext, input: ActionParsed<'aid', 'saveProgramme'>): Promise<Programme> {
  await requireStaffOf(ctx, input.unionId)
  if (Date.parse(input.closesAt) <= Date.parse(input.opensAt)) throw new CloudError('INVALID_INPUT', '截止时间应晚于开始时间', { closesAt: '截止时间应晚于开始时间' })
  const programmes = aidDb(ctx.store).programmes
  const [existing] = await programmes.find({ unionId: input.unionId, year: input.year }, { limit: 1 })
  const fields = { ...input, updatedAt: ctx.now().toISOString() }
  const id = existing?._id ?? ctx.newId()
  if (existing) await programmes.update({ _id: id }, { set: fields })
  else await programmes.insert({ _id: id, ...fields })
  await ctx.audit({ action: 'aid.programme.save', target: { collection: 'aidProgrammes', id }, before: existing ?? null, after: fields })
  return programmeView(ctx, (await programmes.get(id))!)
}
