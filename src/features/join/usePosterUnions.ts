import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionOutput } from '@/domain/contract'
import { CloudError } from '@/domain/errors'
import { call } from '@/services/cloud'

export type PosterUnion = ActionOutput<'review', 'posterUnions'>['unions'][number]

/**
 * The unions a clerk may print a join poster for, 50 a page: the first page (again after a search),
 * 加载更多 appends the next. Only the latest request's answer is shown: a page that arrives after a
 * newer search is dropped. A first load that fails is PageShell's full-screen error; a later
 * failure is a toast and the list stays.
 */
export function usePosterUnions(enabled: boolean) {
  const [keyword, setKeyword] = useState('')
  const [unions, setUnions] = useState<PosterUnion[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const latest = useRef(0)
  const shown = useRef(false)

  const load = useCallback(async (word: string, cursor: string | null) => {
    const request = ++latest.current
    // The flags follow the latest request only: one it overtakes never clears them.
    setLoading(!cursor)
    setLoadingMore(Boolean(cursor))
    setError(null)
    try {
      const page = await call('review', 'posterUnions', { ...(word ? { keyword: word } : {}), ...(cursor ? { cursor } : {}) })
      if (request !== latest.current) return
      shown.current = true
      setUnions((list) => {
        if (!cursor || !list) return page.unions
        const have = new Set(list.map((u) => u.id))
        return [...list, ...page.unions.filter((u) => !have.has(u.id))]
      })
      setNext(page.nextCursor)
    } catch (e) {
      if (request !== latest.current) return
      const failure = e instanceof CloudError ? e : new CloudError('INTERNAL')
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
    unions,
    next,
    loading,
    loadingMore,
    error,
    /** Lists the unions whose name or region holds the word ('' for all). */
    search: (word: string) => (word.trim() === keyword ? void load(keyword, null) : setKeyword(word.trim())),
    loadMore: () => (next && !loadingMore ? load(keyword, next) : Promise.resolve()),
    reload: () => load(keyword, null),
    /** One union changed (its approval setting): the pages already loaded stay. */
    replace: (union: PosterUnion) => setUnions((list) => list && list.map((u) => (u.id === union.id ? union : u))),
  }
}
