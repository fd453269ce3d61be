/**
 * What a screen reader needs on a tappable view. The web build: real ARIA attributes (Taro's web View
 * writes `ariaRole` out as `aria-role`, which no screen reader reads) and a place in the tab order.
 * Spread onto a View: `<View {...tappable('button', '金秋助学')}>`.
 */
export function tappable(role: 'button' | 'link', label: string): Record<string, unknown> {
  return { role, tabIndex: 0, 'aria-label': label }
}
