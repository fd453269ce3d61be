import type { OrgUnion } from '@domain/contract'
import { call } from '@/services/cloud'

/** What is left of an edit or a close, in words (null: nothing). */
export function pendingText(union: OrgUnion): string | null {
  if (union.pending === 'follow') return '下级工会的搜索信息正在更新'
  if (union.pending === 'check') return '撤销尚未完成'
  if (union.pending === 'notify') return `正在通知会员办理转会，已通知 ${union.membersNotified ?? 0} 位`
  return null
}

/**
 * Goes on with what an edit or a close left (a rename reaching thousands of unions below, a close
 * telling every member: each call works up to 40 s) until nothing is left, telling `progress` after
 * each call. Stops after `rounds` calls; the list's 继续 takes it from there.
 */
export async function finishAll(union: OrgUnion, progress: (union: OrgUnion) => void = () => undefined, rounds = 20): Promise<OrgUnion> {
  let now = union
  for (let i = 0; now.pending && i < rounds; i++) {
    now = await call('org', 'finish', { unionId: now.id })
    progress(now)
  }
  return now
}

export const ORG_LIST = '/features/org/pages/index/index'
export const editPage = (unionId: string) => `/features/org/pages/edit/index?id=${encodeURIComponent(unionId)}`
export const addPage = (parentId: string) => `/features/org/pages/edit/index?parent=${encodeURIComponent(parentId)}`
export const closePage = (unionId: string) => `/features/org/pages/close/index?id=${encodeURIComponent(unionId)}`
export const posterPage = (unionId: string) => `/features/join/pages/poster/index?union=${encodeURIComponent(unionId)}`
