import { useEffect } from 'react'
import * as v from 'valibot'
import type { AidApplicationView, RenewalView } from '@domain/contract'
import { HardshipCategory, SchoolLevel } from '@domain/contract/aid'
import { useAidDraft } from './store'

/** The form's address from an eligible check: its answers go with it so the form does not ask them again. */
export const applyUrl = (answers: { level: string | null; category: string | null }) =>
  `/features/aid/pages/apply/index?level=${answers.level ?? ''}&category=${answers.category ?? ''}`

/**
 * Fills the draft from what is already known. A returned application starts from what was sent (the
 * ID and card numbers must be typed again); a new one takes 学段 and 困难类别 from the eligibility
 * check (still editable).
 */
export function usePrefill(correcting: AidApplicationView | undefined, params: Partial<Record<string, string>>, renewing?: RenewalView) {
  useEffect(() => {
    if (!correcting) return
    useAidDraft.getState().patch({
      programmeId: correcting.programmeId,
      step: 1,
      child: { name: correcting.child.name, relation: correcting.child.relation as 'parent' | 'guardian', school: correcting.child.school, major: correcting.child.major, level: correcting.child.level, admissionYear: correcting.child.admissionYear },
      household: { ...carried(correcting.household) },
      declarations: correcting.declarations ?? useAidDraft.getState().declarations,
      documents: correcting.documents.map((d) => ({ ...d, name: '已上传' })),
      bank: correcting.payout.bank,
    })
  }, [correcting?.id]) // eslint-disable-line react-hooks/exhaustive-deps

  // A renewal starts from last year's funded application: the child, school, major, household and
  // bank are carried over; the exclusions are asked again (a year changes them) and the documents are new.
  useEffect(() => {
    // A draft of this very renewal (the app was closed mid-way) is kept as it was.
    if (!renewing || useAidDraft.getState().renewalOf === renewing.applicationId) return
    const { reset, patch } = useAidDraft.getState()
    reset()
    patch({
      renewalOf: renewing.applicationId,
      step: 1,
      child: { name: renewing.child.name, relation: renewing.child.relation, school: renewing.child.school, major: renewing.child.major, level: renewing.child.level, admissionYear: renewing.child.admissionYear },
      household: carried(renewing.household),
      bank: renewing.payout.bank,
    })
  }, [renewing?.applicationId]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (params.id || params.renew) return
    // A draft left from a renewal is not this new application.
    if (useAidDraft.getState().renewalOf) useAidDraft.getState().reset()
    const { child, household, patch } = useAidDraft.getState()
    const level = v.is(SchoolLevel, params.level) ? params.level : child.level
    const category = v.is(HardshipCategory, params.category) ? params.category : household.category
    patch({ child: { ...child, level }, household: { ...household, category } })
  }, [params.id, params.renew, params.level, params.category])
}

/** The household as the form holds it (strings as typed). */
function carried(h: { size: number; annualIncomeFen: number; category: AidApplicationView['household']['category']; description: string; migrantWorker: boolean | null }) {
  return { size: String(h.size), annualIncomeYuan: String(h.annualIncomeFen / 100), category: h.category, description: h.description, migrantWorker: h.migrantWorker }
}
