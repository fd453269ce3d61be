import { PRIVACY_VERSION } from '@/domain/contract'
import { usePrivacy, type PrivacyPurpose } from '@/stores/privacy'

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
