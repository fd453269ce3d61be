import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { asCloudError, type CloudError } from '@domain/errors'

/** A page of a keyword list: what the action answered, in the hook's words. */
export interface KeywordPage<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A list found by keyword and read a page at a time by a name cursor (the poster's unions, the
 * unions a clerk invites to): the first page (again after a search), 加载更多 appends the next. Only
 * the latest request's answer is shown: a page that arrives after a newer search is dropped. A
 * first load that fails is PageShell's full-screen error; a later failure is a toast and the list stays.
 */
export function useKeywordPages<T extends { id: string }>(enabled: boolean, fetchPage: (keyword: string, cursor: string | null) => Promise<KeywordPage<T>>) {
  const [keyword, setKeyword] = useState('')
  const [items, setItems] = useState<T[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const latest = useRef(0)
  const shown = useRef(false)
  // The page reader may be a new function on every render: the latest one is used, the load is not redone for it.
  const reader = useRef(fetchPage)
  reader.current = fetchPage

  const load = useCallback(async (word: string, cursor: string | null) => {
    const request = ++latest.current
    // The flags follow the latest request only: one it overtakes never clears them.
    setLoading(!cursor)
    setLoadingMore(Boolean(cursor))
    setError(null)
    try {
      const page = await reader.current(word, cursor)
      if (request !== latest.current) return
      shown.current = true
      setItems((list) => {
        if (!cursor || !list) return page.items
        const have = new Set(list.map((item) => item.id))
        return [...list, ...page.items.filter((item) => !have.has(item.id))]
      })
      setNext(page.nextCursor)
    } catch (e) {
      if (request !== latest.current) return
      const failure = asCloudError(e)
      if (shown.current) Taro.showToast({ title: failure.message, icon: 'none' })
      else setError(failure)
    } finally {
      if (request === latest.current) {
        setLoading(false)
        setLoadingMore(false)
      }
    }
  }, [])

  useEffect(() => {
    if (enabled) void load(keyword, null)
  }, [enabled, keyword, load])

  return {
    keyword,
    items,
    next,
    loading,
    loadingMore,
    error,
    /** Lists what holds the word ('' for all). */
    search: (word: string) => (word.trim() === keyword ? void load(keyword, null) : setKeyword(word.trim())),
    loadMore: () => (next && !loadingMore ? load(keyword, next) : Promise.resolve()),
    reload: () => load(keyword, null),
    /** One item changed: the pages already loaded stay. */
    replace: (item: T) => setItems((list) => list && list.map((x) => (x.id === item.id ? item : x))),
  }
}
