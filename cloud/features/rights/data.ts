import type { MyData } from '../../../domain/contract'
import { aidApplicationDeletion, aidWithdrawalEffect, joinApplicationDeletion, maskPhone } from '../../../domain/rights'
import { signedIn, type ActionContext } from '../../lib/context'
import { activeMembership } from '../../lib/roles'
import { findByIds, readAll } from '../../lib/store/read'
import { unionPathNames, unionSummary } from '../../lib/unions'
import { aidDb } from '../aid/collections'
import { joinDb } from '../join/collections'
import { rightsDb } from './collections'
import { requestView } from './requests'

/**
 * member.myData: everything the union holds about the caller (个人信息保护法 art. 45, 查阅), as they may
 * see it: ID and card numbers and the phone masked, each record with whether it may be deleted and
 * why not. A person has a few records of each kind; the reads are bounded all the same.
 */
export async function myData(ctx: ActionContext): Promise<MyData> {
  const { openid } = signedIn(ctx)
  const { applications } = joinDb(ctx.store)
  const aid = aidDb(ctx.store)
  const rights = rightsDb(ctx.store)
  const [person, membership, joinApps, aidApps, former, messages, requests] = await Promise.all([
    ctx.db.people.get(openid),
    activeMembership(ctx, openid),
    applications.find({ openid }, { sort: { submittedAt: -1 }, limit: 50 }),
    readAll(aid.applications, { owner: openid }, 1000),
    rights.formerMemberships.find({ openid }, { sort: { leftAt: -1 }, limit: 50 }),
    ctx.db.notifications.count({ openid }),
    rights.requests.find({ openid }, { sort: { createdAt: -1 }, limit: 100 }),
  ])
  const unionIds = [...new Set([...joinApps.map((a) => a.unionId), ...former.map((f) => f.unionId), ...(membership ? [membership.unionId] : [])])]
  const unions = new Map((await findByIds(ctx.db.unions, unionIds)).map((u) => [u._id, u]))
  const programmes = new Map((await findByIds(aid.programmes, [...new Set(aidApps.map((a) => a.programmeId))])).map((p) => [p._id, p]))
  const memberUnion = membership ? unions.get(membership.unionId) : undefined
  // Corrections apply to the member's file, or to the application still under review.
  const correctable = joinApps.find((a) => (membership ? a.membershipId === membership._id : a.status === 'pending'))?._id ?? null

  return {
    person: {
      displayName: person?.displayName ?? '微信用户',
      privacyAgreedVersion: person?.privacyAgreedVersion ?? null,
      privacyAgreedAt: person?.privacyAgreedAt ?? null,
      privacyWithdrawnAt: person?.privacyWithdrawnAt ?? null,
    },
    membership:
      membership && memberUnion
        ? {
            id: membership._id,
            union: unionSummary(memberUnion),
            unionPath: await unionPathNames(ctx, memberUnion),
            memberNo: membership.memberNo,
            joinedAt: membership.joinedAt,
            transferring: Boolean(membership.transferId),
          }
        : null,
    formerMemberships: former.flatMap((f) => {
      const union = unions.get(f.unionId)
      return union ? [{ union: unionSummary(union), memberNo: f.memberNo, joinedAt: f.joinedAt, leftAt: f.leftAt }] : []
    }),
    joinApplications: joinApps.flatMap((a) => {
      const union = unions.get(a.unionId)
      if (!union) return []
      return [
        {
          id: a._id,
          status: a.status,
          union: unionSummary(union),
          submittedAt: a.submittedAt,
          name: a.name,
          idMasked: a.idMasked,
          gender: a.gender,
          birthDate: a.birthDate,
          phoneMasked: maskPhone(a.phone),
          ethnicity: a.ethnicity,
          education: a.education,
          politicalStatus: a.politicalStatus,
          hukou: a.hukou,
          employer: a.employer,
          employment: a.employment,
          consents: { personalAt: a.consents.personalAt, sensitiveAt: a.consents.sensitiveAt, withdrawnAt: a.consents.withdrawnAt ?? null },
          correctable: a._id === correctable,
          deletion: joinApplicationDeletion(a.status),
        },
      ]
    }),
    aidApplications: aidApps
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
      .map((a) => ({
        id: a._id,
        programmeName: programmes.get(a.programmeId)?.name ?? '',
        year: a.year,
        status: a.status,
        childName: a.child.name,
        childIdMasked: a.child.idMasked,
        school: a.child.school,
        householdSize: a.household.size,
        documents: a.documents.length,
        bank: a.payout.bank,
        cardMasked: a.payout.cardMasked,
        consentAt: a.consents.at,
        consentWithdrawnAt: a.consents.withdrawnAt ?? null,
        erased: Boolean(a.erasedAt),
        deletion: aidApplicationDeletion(a.status, Boolean(a.erasedAt)),
        withdrawalEffect: aidWithdrawalEffect(a.status),
      })),
    messages,
    requests: requests.map(requestView),
  }
}
