/** WeChat: its own accessibility attributes, which the mini-program's screen reader reads (see a11y.ts). */
export function tappable(role: 'button' | 'link', label: string): Record<string, unknown> {
  return { ariaRole: role, ariaLabel: label }
}

/** WeChat's names for a choice's role and state (see a11y.ts). */
export function choosable(role: 'radio' | 'checkbox', checked: boolean, onChoose: () => void): Record<string, unknown> {
  return { ariaRole: role, ariaChecked: checked, onClick: onChoose }
}

/** WeChat has no keyboard to answer (see a11y.ts). */
export function clickableByKeys(): Record<string, unknown> {
  return {}
}

export const choiceGroup: Record<string, unknown> = { ariaRole: 'radiogroup' }

/** A picture or letter that only decorates (its meaning is in the text beside it): skipped by screen readers. */
export const decorative: Record<string, unknown> = { ariaHidden: true }

/** A picture that carries meaning (a chart), in WeChat's attribute names (see a11y.ts). */
export function namedImage(label: string): Record<string, unknown> {
  return { ariaRole: 'img', ariaLabel: label }
}
