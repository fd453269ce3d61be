import type { ActionOutput } from '@domain/contract'
import { useMayCall } from '@/services/useMayCall'
import { call } from '@/services/cloud'
import { useKeywordPages } from '@/services/useKeywordPages'

export type PosterUnion = ActionOutput<'review', 'posterUnions'>['unions'][number]

const posterPage = async (keyword: string, cursor: string | null) => {
  const page = await call('review', 'posterUnions', { ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) })
  return { items: page.unions, nextCursor: page.nextCursor }
}

/**
 * The unions a clerk may print a join poster for, 50 a page, found by name or region
 * (src/services/useKeywordPages.ts says how pages, searches and failures behave).
 */
export function usePosterUnions() {
  // Staff only: waits for a sign-in on the web build (useMayCall).
  const { items, ...list } = useKeywordPages(useMayCall('review', 'posterUnions'), posterPage)
  return { ...list, unions: items }
}
