import Taro from '@tarojs/taro'

/** Room above the problem for its field and label, which sit just above it. */
const ABOVE = -120

/** The control the problem is about: in the message's own field, or the nearest one before it. */
function fieldOf(message: Element): HTMLElement | null {
  const controls = 'input, textarea, [tabindex]'
  for (let el: Element | null = message; el; el = el.previousElementSibling) {
    const control = el.matches(controls) ? el : el.querySelector(controls)
    if (control) return control as HTMLElement
  }
  return null
}

/**
 * After a form's check failed: brings the first problem shown (in page order) into view with its
 * field, and on the web puts the cursor in that field. `selector` names the form's problem messages
 * (e.g. '.aid-error'). Call it where the check fails; it waits for the problems to render.
 */
export function revealFirstError(selector: string): void {
  setTimeout(() => {
    const message = document.querySelector(selector)
    if (!message) return
    Taro.pageScrollTo({ selector, offsetTop: ABOVE, duration: 200 }).catch(() => undefined)
    fieldOf(message)?.focus({ preventScroll: true })
  }, 0)
}
