/**
 * What a screen reader needs on a tappable view. The web build: real ARIA attributes (Taro's web View
 * writes `ariaRole` out as `aria-role`, which no screen reader reads) and a place in the tab order.
 * Spread onto a View: `<View {...tappable('button', '金秋助学')}>`.
 */
export function tappable(role: 'button' | 'link', label: string): Record<string, unknown> {
  return { role, tabIndex: 0, 'aria-label': label }
}

/**
 * One option of a choice: a radio in a group of several, a checkbox when it stands alone (a yes/no).
 * Its label is its own text. Spread onto the option's View or Text.
 */
export function choosable(role: 'radio' | 'checkbox', checked: boolean): Record<string, unknown> {
  return { role, 'aria-checked': checked, tabIndex: 0 }
}

/** The group around radio options. */
export const choiceGroup: Record<string, unknown> = { role: 'radiogroup' }

/** A picture or letter that only decorates (its meaning is in the text beside it): skipped by screen readers. */
export const decorative: Record<string, unknown> = { 'aria-hidden': true }
