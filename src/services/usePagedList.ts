import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@domain/contract'
import { asCloudError, type CloudError } from '@domain/errors'
import { call } from './cloud'
import { useMayCall } from './useMayCall'

/** What a paged action answers (domain/contract/common.ts pageOf): a page, the next cursor, maybe a total. */
interface Page<T> {
  items: T[]
  nextCursor: string | null
  total?: number
}

/** The actions of `F` that answer a page. */
export type PagedAction<F extends FunctionName> = {
  [A in ActionName<F>]: ActionOutput<F, A> extends Page<{ id: string }> ? A : never
}[ActionName<F>]

export type PageItem<F extends FunctionName, A extends ActionName<F>> = ActionOutput<F, A> extends Page<infer T extends { id: string }> ? T : never

export interface PagedList<T> {
  /** Every item loaded so far (null until the first page of this input arrives). */
  items: T[] | null
  nextCursor: string | null
  /** How many the list holds in all, when the action says (less what was removed here since). */
  total: number | null
  error: CloudError | null
  /** The first page is loading. */
  loading: boolean
  loadingMore: boolean
  /** From the top again (a pull down): the first page replaces what was shown. */
  reload(): Promise<void>
  /** Appends the next page. */
  loadMore(): Promise<void>
  /** Takes a decided item out where it is, so the pages already loaded stay. */
  remove(id: string): void
  /** Puts a changed item in its place. */
  replace(item: T): void
}

const EMPTY = { key: '', items: null, nextCursor: null, total: null }

/**
 * A list read a page at a time by cursor: the first page loads with the page (and again on reload),
 * 加载更多 appends the next, and a staff decision removes or replaces one item in place instead of
 * reading from the top. As useCloud: a first load that fails leaves `error` for PageShell; a failure
 * once the list shows data is a toast. An answer that arrives after the list was reloaded or its input
 * changed (another tab) is dropped, so a page never lands in the wrong list.
 */
export function usePagedList<F extends FunctionName, A extends PagedAction<F>>(fn: F, action: A, input: Omit<ActionInput<F, A>, 'cursor'>, enabledByPage = true): PagedList<PageItem<F, A>> {
  // Waits for a sign-in by itself when the action is not public, as useCloud does.
  const enabled = useMayCall(fn, action) && enabledByPage
  type Item = PageItem<F, A>
  const inputKey = JSON.stringify(input)
  // `key` is the input the items were read for: a render with another input shows none of them, even
  // before the effect below has cleared them (no frame shows the last filter's list under the new one).
  const [list, setList] = useState<{ key: string; items: Item[] | null; nextCursor: string | null; total: number | null }>(EMPTY)
  const [error, setError] = useState<CloudError | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [loadingMore, setLoadingMore] = useState(false)
  // Which load is current: a reload or a new input makes every earlier answer stale.
  const generation = useRef(0)
  const shown = useRef(false)

  const fetchPage = useCallback(
    (cursor: string | null) => call(fn, action, { ...(JSON.parse(inputKey) as object), ...(cursor ? { cursor } : {}) } as ActionInput<F, A>) as Promise<Page<Item>>,
    [fn, action, inputKey],
  )

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setError(null)
    setLoading(true)
    setLoadingMore(false)
    try {
      const page = await fetchPage(null)
      if (mine !== generation.current) return
      shown.current = true
      setList({ key: inputKey, items: page.items, nextCursor: page.nextCursor, total: page.total ?? null })
    } catch (e) {
      if (mine !== generation.current) return
      const failure = asCloudError(e)
      if (shown.current) Taro.showToast({ title: failure.message, icon: 'none' })
      else setError(failure)
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [fetchPage, inputKey])

  useEffect(() => {
    // Another input is another list: nothing of the last one is shown while it loads.
    generation.current++
    shown.current = false
    setList(EMPTY)
    if (enabled) void reload()
  }, [enabled, reload])

  const loadMore = async () => {
    const cursor = list.key === inputKey ? list.nextCursor : null
    if (!cursor || loading || loadingMore) return
    const mine = generation.current
    setLoadingMore(true)
    try {
      const page = await fetchPage(cursor)
      if (mine !== generation.current) return
      setList((now) => {
        const have = new Set((now.items ?? []).map((item) => item.id))
        return { ...now, items: [...(now.items ?? []), ...page.items.filter((item) => !have.has(item.id))], nextCursor: page.nextCursor, total: page.total ?? now.total }
      })
    } catch (e) {
      if (mine === generation.current) Taro.showToast({ title: asCloudError(e, '没能加载更多，已显示的都还在，请重试').message, icon: 'none' })
    } finally {
      if (mine === generation.current) setLoadingMore(false)
    }
  }

  const remove = (id: string) =>
    setList((now) => {
      if (!now.items?.some((item) => item.id === id)) return now
      return { ...now, items: now.items.filter((item) => item.id !== id), total: now.total === null ? null : Math.max(0, now.total - 1) }
    })

  const replace = (changed: Item) => setList((now) => ({ ...now, items: now.items && now.items.map((item) => (item.id === changed.id ? changed : item)) }))

  const current = list.key === inputKey ? list : EMPTY
  return { items: current.items, nextCursor: current.nextCursor, total: current.total, error, loading, loadingMore, reload, loadMore, remove, replace }
}
