import { tappable } from './a11y'

type KeyEvent = { key: string; preventDefault(): void }

/**
 * A view that works like a button (or link) on the web: named for a screen reader, in the tab
 * order (tappable), and opened by a tap, Enter or Space as a real button is. Spread onto a View:
 * `<View {...pressable('button', '金秋助学', open)}>`.
 */
export function pressable(role: 'button' | 'link', label: string, onPress: () => void): Record<string, unknown> {
  return {
    ...tappable(role, label),
    onClick: onPress,
    onKeyDown: (event: KeyEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      // Space would otherwise scroll the page.
      event.preventDefault()
      onPress()
    },
  }
}
