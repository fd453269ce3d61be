import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { JoinFormField } from '@/domain/join/form'
import { taroJSONStorage } from '@/stores/taroStorage'

/** Every field except the ID number, which is never kept on the phone. */
export type DraftField = Exclude<JoinFormField, 'idNumber'>
export type DraftValues = Partial<Record<DraftField, string | boolean>>

interface JoinDraftState {
  unionId: string | null
  values: DraftValues
  /**
   * The idempotency key of the submission being made: kept until the cloud answers, so a retry
   * after a lost answer (or a closed app) is the same submission, not a second application.
   */
  requestId: string | null
  setUnion(unionId: string | null): void
  setValue(field: DraftField, value: string | boolean): void
  /** The key for this submission: the pending one, or a new one. */
  requestIdForSubmit(): string
  /** The cloud answered (accepted or refused): the next submission is a new one. */
  submissionAnswered(): void
  /** Submitted and accepted: forget the draft. */
  clear(): void
}

function newRequestId(): string {
  const random = () => Math.random().toString(36).slice(2, 10)
  return `r-${Date.now().toString(36)}-${random()}${random()}`
}

export const useJoinDraft = create<JoinDraftState>()(
  persist(
    (set, get) => ({
      unionId: null,
      values: {},
      requestId: null,
      setUnion: (unionId) => set({ unionId }),
      setValue: (field, value) => set({ values: { ...get().values, [field]: value } }),
      requestIdForSubmit() {
        const existing = get().requestId
        if (existing) return existing
        const id = newRequestId()
        set({ requestId: id })
        return id
      },
      submissionAnswered: () => set({ requestId: null }),
      clear: () => set({ values: {}, requestId: null, unionId: null }),
    }),
    {
      name: 'join-draft',
      storage: taroJSONStorage,
      // Explicit: the ID number is not part of the state at all, and nothing else is added here.
      partialize: ({ unionId, values, requestId }) => ({ unionId, values, requestId }),
    },
  ),
)
