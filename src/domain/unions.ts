import * as v from 'valibot'
import { UNION_LEVEL_NAMES, UnionLevel } from './contract/common'
import { UnionCode } from './join/form'

/** The union tree (工会组织): staff of a union act on it and on the unions below it, never others. */
export interface UnionNode {
  id: string
  /** Ids of every union above this one, from the top down. */
  ancestors: string[]
}

export function isWithin(union: UnionNode, rootId: string): boolean {
  return union.id === rootId || union.ancestors.includes(rootId)
}

/** A union as an import row gives it (工会组织导入): the cloud adds ancestors and search terms. */
export interface UnionRow {
  /** The union's short code: its id, the join QR's `scene`, so at most 32 of [a-z0-9-]. */
  code: string
  name: string
  level: UnionLevel
  /** The union directly above, in the same file or already stored; null at the top of the tree. */
  parentCode: string | null
  /** 行政区划代码 (6 digits): the prefix of its member numbers. */
  regionCode: string
  status: 'active' | 'disabled'
}

export const UNION_NAME_MAX = 60
const REGION_CODE = /^\d{6}$/

const LEVELS_BY_NAME = new Map<string, UnionLevel>(Object.entries(UNION_LEVEL_NAMES).map(([level, name]) => [name, level as UnionLevel]))
const STATUSES: Record<string, UnionRow['status']> = { '': 'active', active: 'active', 启用: 'active', disabled: 'disabled', 停用: 'disabled' }

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '')

function codeProblem(value: string, what: string): string | null {
  const parsed = v.safeParse(UnionCode, value, { abortPipeEarly: true })
  return parsed.success ? null : `${what}：${parsed.issues[0].message}`
}

/**
 * Checks one import row (CSV columns or JSON keys: code, name, level, parentCode, regionCode,
 * status) on its own and gives every reason it is refused. Levels are the contract's keys
 * (grassroots…) or their Chinese names (基层工会…); status active/disabled (启用/停用), empty for
 * active. Whether the parent exists and the tree has no cycle is the importer's check (it needs
 * the other rows and the store).
 */
export function validateUnionRow(row: Record<string, unknown>): { ok: true; union: UnionRow } | { ok: false; reasons: string[] } {
  const reasons: string[] = []
  const code = text(row.code)
  const codeError = codeProblem(code, '工会编码')
  if (codeError) reasons.push(codeError)
  const name = text(row.name)
  if (!name || [...name].length > UNION_NAME_MAX || /[\r\n]/.test(name)) reasons.push(`名称须为 1–${UNION_NAME_MAX} 个字（不换行）`)
  const levelText = text(row.level)
  const level = v.is(UnionLevel, levelText) ? levelText : LEVELS_BY_NAME.get(levelText)
  if (!level) reasons.push(`未知的工会层级：${levelText || '（空）'}`)
  const parentText = text(row.parentCode)
  const parentCode = parentText === '' ? null : parentText
  if (parentCode !== null) {
    const parentError = codeProblem(parentCode, '上级工会编码')
    if (parentError) reasons.push(parentError)
    else if (parentCode === code) reasons.push('上级工会不能是它自己')
  }
  const regionCode = text(row.regionCode)
  if (!REGION_CODE.test(regionCode)) reasons.push(`行政区划代码须为 6 位数字：${regionCode || '（空）'}`)
  const status = STATUSES[text(row.status)]
  if (!status) reasons.push(`状态须为 active（启用）或 disabled（停用）：${text(row.status)}`)
  if (reasons.length || !level || !status) return { ok: false, reasons }
  return { ok: true, union: { code, name, level, parentCode, regionCode, status } }
}
