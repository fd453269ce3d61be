import type { ActionOutput } from '@domain/contract'
import { usePagedList } from '@/services/usePagedList'

export type ReviewItem = ActionOutput<'aid', 'reviewList'>['items'][number]

/**
 * The reviewer's list, a page at a time: the first page loads with the page (and again on a pull
 * down), 加载更多 appends the next. A decision on a card replaces that card in place, so pages
 * already loaded stay.
 */
export const useReviewList = () => usePagedList('aid', 'reviewList', {})
