import type { DeskItem } from '@domain/contract'

/** Each deadline state in words (colour only repeats it): what 工作台 shows beside the wait. */
export const DEADLINE_TEXT: Record<DeskItem['state'], string> = {
  ok: '未超时',
  soon: '即将超时',
  overdue: '已超时',
}

export const FIGURES_PATH = '/features/staff/pages/figures/index'
