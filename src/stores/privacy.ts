import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { PRIVACY_VERSION } from '@/domain/contract'
import { taroJSONStorage } from './taroStorage'

interface PrivacyState {
  /** The version of the privacy notice the user agreed to on this device. */
  agreedVersion: string | null
  /** The version the cloud has recorded; behind agreedVersion until the record call succeeds. */
  recordedVersion: string | null
  /** WeChat asked for agreement before a protected API (weapp only). */
  noticeRequested: boolean
  agree(): void
  markRecorded(version: string): void
  requireNotice(): void
}

export const usePrivacy = create<PrivacyState>()(
  persist(
    (set) => ({
      agreedVersion: null,
      recordedVersion: null,
      noticeRequested: false,
      agree: () => set({ agreedVersion: PRIVACY_VERSION, noticeRequested: false }),
      markRecorded: (version) => set({ recordedVersion: version }),
      requireNotice: () => set({ noticeRequested: true }),
    }),
    {
      name: 'privacy',
      storage: taroJSONStorage,
      partialize: ({ agreedVersion, recordedVersion }) => ({ agreedVersion, recordedVersion }),
    },
  ),
)

export const hasAgreedCurrent = (state: Pick<PrivacyState, 'agreedVersion' | 'noticeRequested'>) =>
  state.agreedVersion === PRIVACY_VERSION && !state.noticeRequested
