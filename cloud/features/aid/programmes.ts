import { windowState } from '../../../src/domain/aid/programme'
import type { Programme } from '../../../src/domain/contract'
import { CloudError } from '../../../src/domain/errors'
import type { ActionContext } from '../../lib/context'
import { aidDb, type ProgrammeDoc } from './collections'
import { chinaYear } from '../../../src/domain/aid/dates'

export async function programmeView(ctx: ActionContext, doc: ProgrammeDoc): Promise<Programme> {
  const union = await ctx.db.unions.get(doc.unionId)
  return {
    id: doc._id,
    unionId: doc.unionId,
    unionName: union?.name ?? '',
    year: doc.year,
    name: doc.name,
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    amounts: doc.amounts,
    categories: doc.categories,
    requiredDocuments: doc.requiredDocuments,
    noticeDays: doc.noticeDays,
    exclusions: doc.exclusions,
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
