import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { DocumentKind, HardshipCategory, SchoolLevel } from '@/domain/aid/programme'
import { taroJSONStorage } from '@/stores/taroStorage'

/**
 * The application draft, saved on the phone as the parent types so a long form survives a closed
 * app. The child's ID number and the bank card number are NOT in here: they live only in the
 * page's memory and are asked again after a restart.
 */
export interface AidDraft {
  programmeId: string | null
  step: number
  child: { name: string; relation: 'parent' | 'guardian'; school: string; major: string; level: SchoolLevel | null }
  household: { size: string; annualIncomeYuan: string; category: HardshipCategory | null; description: string }
  documents: Array<{ kind: DocumentKind; fileId: string; name: string }>
  consents: { sensitive: boolean; guardian: boolean }
  bank: string
  /** One key per submission, so a retried submit (a weak signal) is recognised as the same one. */
  idempotencyKey: string
}

const emptyDraft = (): AidDraft => ({
  programmeId: null,
  step: 0,
  child: { name: '', relation: 'parent', school: '', major: '', level: null },
  household: { size: '', annualIncomeYuan: '', category: null, description: '' },
  documents: [],
  consents: { sensitive: false, guardian: false },
  bank: '',
  idempotencyKey: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
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
      partialize: ({ programmeId, step, child, household, documents, consents, bank, idempotencyKey }) => ({ programmeId, step, child, household, documents, consents, bank, idempotencyKey }),
    },
  ),
)
