import { useEffect } from 'react'
import * as v from 'valibot'
import type { AidApplicationView } from '@domain/contract'
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
export function usePrefill(correcting: AidApplicationView | undefined, params: Partial<Record<string, string>>) {
  useEffect(() => {
    if (!correcting) return
    useAidDraft.getState().patch({
      programmeId: correcting.programmeId,
      step: 1,
      child: { name: correcting.child.name, relation: correcting.child.relation as 'parent' | 'guardian', school: correcting.child.school, major: correcting.child.major, level: correcting.child.level },
      household: { size: String(correcting.household.size), annualIncomeYuan: String(correcting.household.annualIncomeFen / 100), category: correcting.household.category, description: correcting.household.description },
      documents: correcting.documents.map((d) => ({ ...d, name: '已上传' })),
      bank: correcting.payout.bank,
    })
  }, [correcting?.id]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (params.id) return
    const { child, household, patch } = useAidDraft.getState()
    const level = v.is(SchoolLevel, params.level) ? params.level : child.level
    const category = v.is(HardshipCategory, params.category) ? params.category : household.category
    patch({ child: { ...child, level }, household: { ...household, category } })
  }, [params.id, params.level, params.category])
}
