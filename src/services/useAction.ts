import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { asCloudError, type CloudError } from '@domain/errors'

export interface ActionOptions {
  /** A form's own: per-field messages (INVALID_INPUT) go beside their fields, and nowhere else. */
  fields?(fields: Record<string, string>): void
  /** Shows the failure on the page (beside a field, under the button) instead of in a toast. */
  inline?(failure: CloudError): void
  /** Runs after the failure is shown, e.g. to leave a record someone else already decided. */
  onError?(failure: CloudError): void
}

export interface Action {
  /** A call is running: show the button as loading and disabled. */
  busy: boolean
  /**
   * Runs `task` unless one is still running (a double tap sends once), and answers its result, or
   * undefined when it failed or did not run. A failure is shown, never thrown.
   */
  run<R>(task: () => Promise<R>): Promise<R | undefined>
}

/** What a page shows when a call fails without the cloud's own message: what failed, and that nothing was lost. */
export const failedMessage = (what: string) => `${what}没有完成，已有的内容都还在，请稍后重试`

/**
 * A cloud call a person starts with a tap (提交, 撤回, 保存…): busy while it runs, one at a time, and
 * a failure in plain Chinese, the cloud's message when it has one. `what` names the step for the
 * fallback message (e.g. '提交').
 */
export function useAction(what: string, options: ActionOptions = {}): Action {
  const [busy, setBusy] = useState(false)
  // The state above reaches the button only after a render; a second tap in the same frame must see it now.
  const running = useRef(false)
  const latest = useRef(options)
  latest.current = options

  const run = useCallback(
    async <R>(task: () => Promise<R>): Promise<R | undefined> => {
      if (running.current) return undefined
      running.current = true
      setBusy(true)
      try {
        return await task()
      } catch (e) {
        const failure = asCloudError(e, failedMessage(what))
        const { fields, inline, onError } = latest.current
        if (fields && failure.fields) fields(failure.fields)
        else if (inline) inline(failure)
        else void Taro.showToast({ title: failure.message, icon: 'none', duration: 3000 })
        onError?.(failure)
        return undefined
      } finally {
        running.current = false
        setBusy(false)
      }
    },
    [what],
  )

  return { busy, run }
}
