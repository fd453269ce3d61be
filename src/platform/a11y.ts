/**
 * What a screen reader needs on a tappable view. The web build: real ARIA attributes (Taro's web View
 * writes `ariaRole` out as `aria-role`, which no screen reader reads) and a place in the tab order.
 * Spread onto a View: `<View {...tappable('button', '金秋助学')}>`.
 */
export function tappable(role: 'button' | 'link', label: string): Record<string, unknown> {
  return { role, tabIndex: 0, 'aria-label': label }
}

type KeyEvent = { key: string; preventDefault(): void }

/**
 * One option of a choice: a radio in a group of several, a checkbox when it stands alone (a yes/no).
 * Its label is its own text. Chosen by a tap, or by Enter or Space once focused, as a real radio or
 * checkbox is. Spread onto the option's View or Text (it brings its own onClick).
 */
export function choosable(role: 'radio' | 'checkbox', checked: boolean, onChoose: () => void): Record<string, unknown> {
  return {
    role,
    'aria-checked': checked,
    tabIndex: 0,
    onClick: onChoose,
    onKeyDown: (event: KeyEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      // Space would otherwise scroll the page.
      event.preventDefault()
      onChoose()
    },
  }
}

/**
 * A view that another component opens on a click (Taro's Picker around it): on the web it is put in
 * the tab order and Enter or Space clicks it, so the picker opens from the keyboard too.
 */
export function clickableByKeys(): Record<string, unknown> {
  return {
    tabIndex: 0,
    onKeyDown: (event: KeyEvent & { currentTarget?: { click?: () => void } }) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      event.currentTarget?.click?.()
    },
  }
}

/** The group around radio options. */
export const choiceGroup: Record<string, unknown> = { role: 'radiogroup' }

/** A picture or letter that only decorates (its meaning is in the text beside it): skipped by screen readers. */
export const decorative: Record<string, unknown> = { 'aria-hidden': true }

/** A picture that carries meaning (a chart): an image named by what it shows. */
export function namedImage(label: string): Record<string, unknown> {
  return { role: 'img', 'aria-label': label }
}
