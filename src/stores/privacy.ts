import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { PRIVACY_VERSION } from '@domain/privacy/version'
import { taroJSONStorage } from './taroStorage'

/**
 * Why the notice is up: a protected action the person tapped (location, chosen files, the clipboard,
 * sending personal data), or WeChat itself asked before a privacy API ('platform').
 */
export type PrivacyPurpose = 'location' | 'files' | 'clipboard' | 'personal'

interface PrivacyState {
  /** The version of the privacy guide the person agreed to on this device. */
  agreedVersion: string | null
  /** The version the cloud has recorded; behind agreedVersion until the record call succeeds. */
  recordedVersion: string | null
  /**
   * The version the person declined on this device. The notice then does not come back by itself:
   * the public pages stay usable and only a protected action asks again, when it is tapped.
   */
  declinedVersion: string | null
  /** A protected action (or WeChat) is waiting for an answer; null when nothing asks. Not persisted. */
  asking: PrivacyPurpose | 'platform' | null
  /** The guide's name as WeChat knows it (getPrivacySetting), e.g. 《工会会员服务小程序隐私保护指引》. */
  contractName: string | null
  agree(): void
  decline(): void
  ask(purpose: PrivacyPurpose | 'platform'): void
  markRecorded(version: string): void
  setContractName(name: string | null): void
  /** The person withdrew their agreement (我的 → 个人信息): as if they had declined. */
  withdraw(): void
}

export const usePrivacy = create<PrivacyState>()(
  persist(
    (set) => ({
      agreedVersion: null,
      recordedVersion: null,
      declinedVersion: null,
      asking: null,
      contractName: null,
      agree: () => set({ agreedVersion: PRIVACY_VERSION, declinedVersion: null, asking: null }),
      decline: () => set({ declinedVersion: PRIVACY_VERSION, asking: null }),
      ask: (asking) => set({ asking }),
      markRecorded: (version) => set({ recordedVersion: version }),
      setContractName: (contractName) => set({ contractName }),
      withdraw: () => set({ agreedVersion: null, recordedVersion: null, declinedVersion: PRIVACY_VERSION, asking: null }),
    }),
    {
      name: 'privacy',
      storage: taroJSONStorage,
      partialize: ({ agreedVersion, recordedVersion, declinedVersion }) => ({ agreedVersion, recordedVersion, declinedVersion }),
    },
  ),
)

type Decision = Pick<PrivacyState, 'agreedVersion' | 'declinedVersion' | 'asking'>

/** Agreed to the current guide, and WeChat is not asking again. */
export const hasAgreedCurrent = (state: Pick<PrivacyState, 'agreedVersion' | 'asking'>) => state.agreedVersion === PRIVACY_VERSION && state.asking !== 'platform'

/** The notice is up when something asks, or on first use (neither agreed nor declined yet). */
export const noticeVisible = (state: Decision) => state.asking !== null || (state.agreedVersion !== PRIVACY_VERSION && state.declinedVersion !== PRIVACY_VERSION)

/**
 * The privacy gate every protected action passes: reading the location, choosing a file, writing to
 * the clipboard (each inside its platform seam, src/platform/) and sending personal data (the client,
 * src/services/cloud.ts, for actions the contract marks `personal`). Agreed: it answers at once.
 * Otherwise it puts the notice up (PageShell draws it) for this purpose and answers when the person
 * decides; a refusal answers false and the action does not happen. Nothing asks before it is tapped.
 */
const waiting: Array<(agreed: boolean) => void> = []

export function askPrivacy(purpose: PrivacyPurpose): Promise<boolean> {
  const state = usePrivacy.getState()
  if (state.agreedVersion === PRIVACY_VERSION) return Promise.resolve(true)
  return new Promise((resolve) => {
    waiting.push(resolve)
    state.ask(purpose)
  })
}

/** The person decided in the notice: every action that asked goes on, or does not. */
export function settlePrivacy(agreed: boolean): void {
  for (const resolve of waiting.splice(0)) resolve(agreed)
}
