import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionOutput } from '@/domain/contract'
import { CloudError } from '@/domain/errors'
import { call } from '@/services/cloud'
import { useCloud } from '@/services/useCloud'

export type ReviewItem = ActionOutput<'aid', 'reviewList'>['items'][number]

/**
 * The reviewer's list, a page at a time: the first page loads with the page (and again on a pull
 * down), 加载更多 appends the next. A decision on a card replaces that card in place, so pages
 * already loaded stay.
 */
export function useReviewList(enabled: boolean) {
  const first = useCloud('aid', 'reviewList', {}, enabled)
  const [items, setItems] = useState<ReviewItem[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  useEffect(() => {
    if (!first.data) return
    setItems(first.data.items)
    setNext(first.data.next)
  }, [first.data])

  const loadMore = async () => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    try {
      const page = await call('aid', 'reviewList', { cursor: next })
      setItems((shown) => {
        const have = new Set((shown ?? []).map((a) => a.id))
        return [...(shown ?? []), ...page.items.filter((a) => !have.has(a.id))]
      })
      setNext(page.next)
    } catch (e) {
      Taro.showToast({ title: e instanceof CloudError ? e.message : '加载失败', icon: 'none' })
    } finally {
      setLoadingMore(false)
    }
  }

  const replace = (item: ReviewItem) => setItems((shown) => shown && shown.map((a) => (a.id === item.id ? item : a)))

  return { first, items, next, loadingMore, loadMore, replace }
}
