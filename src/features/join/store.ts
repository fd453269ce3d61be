import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { JoinFormField } from '@domain/join/form'
import { keyAfter, keyFor, type HeldKey } from '@/services/ids'
import { taroJSONStorage } from '@/stores/taroStorage'

/** Every field except the ID number, which is never kept on the phone. */
export type DraftField = Exclude<JoinFormField, 'idNumber'>
export type DraftValues = Partial<Record<DraftField, string | boolean>>

interface JoinDraftState {
  unionId: string | null
  values: DraftValues
  /**
   * The retry key of the submission being made (src/services/ids.ts): kept while its answer is
   * lost, so a retry (after a closed app too) is the same submission, not a second application.
   */
  retryKey: HeldKey | null
  setUnion(unionId: string | null): void
  setValue(field: DraftField, value: string | boolean): void
  /** The key to send this submission with. */
  keyForSubmit(submission: unknown): string
  /** The try ended (no error: accepted): the key stays only if its answer was lost. */
  submissionAnswered(error?: unknown): void
  /** Submitted and accepted: forget the draft. */
  clear(): void
}

export const useJoinDraft = create<JoinDraftState>()(
  persist(
    (set, get) => ({
      unionId: null,
      values: {},
      retryKey: null,
      setUnion: (unionId) => set({ unionId }),
      setValue: (field, value) => set({ values: { ...get().values, [field]: value } }),
      keyForSubmit(submission) {
        const retryKey = keyFor(get().retryKey, submission)
        set({ retryKey })
        return retryKey.key
      },
      submissionAnswered: (error) => set({ retryKey: keyAfter(get().retryKey, error) }),
      clear: () => set({ values: {}, retryKey: null, unionId: null }),
    }),
    {
      name: 'join-draft',
      storage: taroJSONStorage,
      // Explicit: the ID number is not part of the state at all, and nothing else is added here;
      // the key without its fingerprint (which covers the ID number).
      partialize: ({ unionId, values, retryKey }) => ({ unionId, values, retryKey: retryKey && { key: retryKey.key, of: '' } }),
      // Version 0 saved the key as `requestId`: a draft saved then keeps its key.
      version: 1,
      migrate: (saved, version) => {
        const { requestId, ...rest } = (saved ?? {}) as { requestId?: string | null }
        return (version < 1 && requestId ? { ...rest, retryKey: { key: requestId, of: '' } } : rest) as JoinDraftState
      },
    },
  ),
)
