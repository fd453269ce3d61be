import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@domain/contract'
import { asCloudError, type CloudError } from '@domain/errors'
import { request } from './request'
import { useMayCall } from './useMayCall'

export interface CloudQuery<T> {
  data: T | null
  error: CloudError | null
  loading: boolean
  reload(): Promise<void>
}

/**
 * Loads one action's result for a page. A first load that fails leaves `error` for PageShell to
 * show full screen; a refresh that fails keeps the data and says so in a toast. It waits for a
 * sign-in by itself when the action is not public (`enabled` is for what the page itself waits on).
 * It loads through `request`, without the schemas, as 我的 uses it: the cloud checks the input.
 */
export function useCloud<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, enabledByPage = true): CloudQuery<ActionOutput<F, A>> {
  const enabled = useMayCall(fn, action) && enabledByPage
  const [data, setData] = useState<ActionOutput<F, A> | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [loading, setLoading] = useState(enabled)
  const inputKey = JSON.stringify(input)
  const hasData = useRef(false)

  const reload = useCallback(async () => {
    // A retry shows 加载中, not the failure it is retrying.
    setError(null)
    setLoading(true)
    try {
      const result = await request(fn, action, JSON.parse(inputKey) as ActionInput<F, A>)
      hasData.current = true
      setData(result)
      setError(null)
    } catch (e) {
      const failure = asCloudError(e)
      if (hasData.current) Taro.showToast({ title: failure.message, icon: 'none' })
      else setError(failure)
    } finally {
      setLoading(false)
    }
  }, [fn, action, inputKey])

  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, reload])

  return { data, error, loading, reload }
}
