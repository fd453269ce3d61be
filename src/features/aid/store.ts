import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { DocumentKind, Exclusion, HardshipCategory, SchoolLevel } from '@domain/aid/programme'
import type { HeldKey } from '@/services/ids'
import { taroJSONStorage } from '@/stores/taroStorage'

/**
 * The application draft, saved on the phone as the parent types so a long form survives a closed
 * app. The child's ID number and the bank card number are NOT in here: they live only in the
 * page's memory and are asked again after a restart.
 */
export interface AidDraft {
  programmeId: string | null
  step: number
  /** admissionYear: null means the programme's year (newly admitted). */
  child: { name: string; relation: 'parent' | 'guardian'; school: string; major: string; level: SchoolLevel | null; admissionYear: number | null }
  household: { size: string; annualIncomeYuan: string; category: HardshipCategory | null; description: string; migrantWorker: boolean | null }
  declarations: Record<Exclusion, boolean | null>
  /** Last year's funded application this one renews (its ID and card numbers are kept in the cloud). */
  renewalOf: string | null
  documents: Array<{ kind: DocumentKind; fileId: string; name: string }>
  consents: { sensitive: boolean; guardian: boolean }
  bank: string
  /** The retry key of the submission being made (src/services/ids.ts): a retried submit (a weak signal) is the same one. */
  retryKey: HeldKey | null
}

const emptyDraft = (): AidDraft => ({
  programmeId: null,
  step: 0,
  child: { name: '', relation: 'parent', school: '', major: '', level: null, admissionYear: null },
  household: { size: '', annualIncomeYuan: '', category: null, description: '', migrantWorker: null },
  declarations: { military: null, free_teacher: null, directed: null, government_aid: null },
  renewalOf: null,
  documents: [],
  consents: { sensitive: false, guardian: false },
  bank: '',
  retryKey: null,
})

interface DraftState extends AidDraft {
  patch(change: Partial<AidDraft>): void
  reset(): void
}

export const useAidDraft = create<DraftState>()(
  persist(
    (set) => ({
      ...emptyDraft(),
      patch: (change) => set(change),
      reset: () => set(emptyDraft()),
    }),
    {
      name: 'aid-draft',
      storage: taroJSONStorage,
      // The key without its fingerprint, which covers the child's ID number and the card number.
      partialize: ({ programmeId, step, child, household, declarations, renewalOf, documents, consents, bank, retryKey }) => ({ programmeId, step, child, household, declarations, renewalOf, documents, consents, bank, retryKey: retryKey && { key: retryKey.key, of: '' } }),
      // Version 0 saved one key per draft as `idempotencyKey`: a draft saved then keeps it. Before
      // version 2 there were no exclusions, 农民工 or renewal: those start unanswered.
      version: 2,
      migrate: (saved, version) => {
        const { idempotencyKey, ...rest } = (saved ?? {}) as Partial<AidDraft> & { idempotencyKey?: string }
        const empty = emptyDraft()
        const filled = { ...empty, ...rest, child: { ...empty.child, ...rest.child }, household: { ...empty.household, ...rest.household } }
        return (version < 1 && idempotencyKey ? { ...filled, retryKey: { key: idempotencyKey, of: '' } } : filled) as DraftState
      },
    },
  ),
)
