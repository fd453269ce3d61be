import { tappable } from './a11y'

/** WeChat: a tap (its screen reader taps too); there is no keyboard to answer (see pressable.ts). */
export function pressable(role: 'button' | 'link', label: string, onPress: () => void): Record<string, unknown> {
  return { ...tappable(role, label), onClick: onPress }
}
