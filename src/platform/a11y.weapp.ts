/** WeChat: its own accessibility attributes, which the mini-program's screen reader reads (see a11y.ts). */
export function tappable(role: 'button' | 'link', label: string): Record<string, unknown> {
  return { ariaRole: role, ariaLabel: label }
}
