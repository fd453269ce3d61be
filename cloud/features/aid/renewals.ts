import type { RenewalView } from '../../../domain/contract'
import { signedIn, type ActionContext } from '../../lib/context'
import { readAll } from '../../lib/store/read'
import { aidDb } from './collections'
import { programmeFor } from './programmes'
import { activeMembership, unionPathOf } from '../../lib/roles'
import { readRules } from '../../../domain/aid/programme'

/**
 * aid.renewals: the caller's children funded in an earlier year who have no application this year,
 * each with their latest funded application to carry over, while this year's programme funds
 * students already enrolled. The ID and card numbers stay sealed in the cloud (the renewal names
 * the old application instead). How many years remain is the cloud's check at submit.
 */
export async function myRenewals(ctx: ActionContext): Promise<RenewalView[]> {
  const { openid } = signedIn(ctx)
  // Not a member (any more): nothing to renew, as aid.programme answers null.
  const membership = await activeMembership(ctx, openid)
  const union = membership ? await ctx.db.unions.get(membership.unionId) : null
  const stored = union ? await programmeFor(ctx, unionPathOf(union)) : null
  if (!stored || readRules(stored).funds !== 'enrolled_too') return []
  // One family's applications: one per child per year.
  const mine = await readAll(aidDb(ctx.store).applications, { owner: openid }, 1000)
  const appliedThisYear = new Set(mine.filter((a) => a.year === stored.year).map((a) => a.childKey))
  const latest = new Map<string, (typeof mine)[number]>()
  const fundedYears = new Map<string, number>()
  for (const a of mine) {
    if (a.status !== 'paid' || a.year >= stored.year || a.erasedAt || appliedThisYear.has(a.childKey)) continue
    fundedYears.set(a.childKey, (fundedYears.get(a.childKey) ?? 0) + 1)
    if ((latest.get(a.childKey)?.year ?? 0) < a.year) latest.set(a.childKey, a)
  }
  return [...latest.values()]
    .sort((a, b) => b.year - a.year || a._id.localeCompare(b._id))
    .map((a) => ({
      applicationId: a._id,
      year: a.year,
      fundedYears: fundedYears.get(a.childKey) ?? 1,
      child: { name: a.child.name, idMasked: a.child.idMasked, relation: a.child.relation, school: a.child.school, major: a.child.major, admissionYear: a.child.admissionYear, level: a.child.level },
      household: { size: a.household.size, annualIncomeFen: a.household.annualIncomeFen, category: a.household.category, description: a.household.description, migrantWorker: a.household.migrantWorker ?? null },
      payout: { bank: a.payout.bank, cardMasked: a.payout.cardMasked },
    }))
}
