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

/**
 * Which levels may sit directly below each level (组织层级). A 县级总工会 forms 乡镇（街道）工会,
 * 行业 and 新业态 联合会 and grassroots unions of companies; a 乡镇（街道）工会 or a 联合会 has the
 * companies' and communities' grassroots unions below it; a grassroots union is a leaf here.
 * Used when a clerk adds a union in the app (the importer takes trees as they are).
 */
export const CHILD_LEVELS: Record<UnionLevel, readonly UnionLevel[]> = {
  national: ['province', 'industry'],
  province: ['city', 'industry', 'newforms'],
  city: ['county', 'industry', 'newforms', 'grassroots'],
  county: ['street', 'industry', 'newforms', 'grassroots'],
  street: ['grassroots'],
  industry: ['grassroots'],
  newforms: ['grassroots'],
  grassroots: [],
}

export function childLevels(parent: UnionLevel): readonly UnionLevel[] {
  return CHILD_LEVELS[parent]
}

/**
 * Members belong to one grassroots union; a worker without one at the employer joins the local
 * 新业态工会联合会 or the residence-area (乡镇/街道) union. Federations above take no members.
 */
export const JOINABLE_LEVELS: readonly UnionLevel[] = ['grassroots', 'newforms', 'street']

/** A union's status: 启用, 停用 (by import), 已撤销 (closed in the app; nothing is deleted, its code is never given again). */
export const UNION_STATUSES = ['active', 'disabled', 'closed'] as const
export type UnionStatus = (typeof UNION_STATUSES)[number]
export const UNION_STATUS_NAMES: Record<UnionStatus, string> = { active: '正常', disabled: '停用', closed: '已撤销' }

/**
 * The part of a 行政区划代码 a union below must share: a province's code (15 0000) its first two
 * digits, a city's (1501 00) its first four, a county's (150102) all six. The national union
 * (any code) leaves its children free.
 */
export function regionPrefix(parentLevel: UnionLevel, parentRegion: string): string {
  if (parentLevel === 'national') return ''
  if (/^\d{2}0000$/.test(parentRegion)) return parentRegion.slice(0, 2)
  if (/^\d{4}00$/.test(parentRegion)) return parentRegion.slice(0, 4)
  return parentRegion
}

/** Why a region code does not fit under the parent, or null. */
export function regionProblem(regionCode: string, parent: { level: UnionLevel; regionCode: string; name: string }): string | null {
  if (!REGION_CODE.test(regionCode)) return '行政区划代码须为 6 位数字'
  const prefix = regionPrefix(parent.level, parent.regionCode)
  if (!regionCode.startsWith(prefix)) {
    return prefix.length === 6 ? `须与上级「${parent.name}」相同：${parent.regionCode}` : `须在上级「${parent.name}」的地区内：以 ${prefix} 开头`
  }
  return null
}

/** Why a level may not sit below the parent, or null. */
export function levelProblem(level: UnionLevel, parent: { level: UnionLevel; name: string }): string | null {
  const allowed = CHILD_LEVELS[parent.level]
  if (allowed.includes(level)) return null
  if (!allowed.length) return `「${parent.name}」是${UNION_LEVEL_NAMES[parent.level]}，下面不能再设工会`
  return `「${parent.name}」下只能设：${allowed.map((l) => UNION_LEVEL_NAMES[l]).join('、')}`
}
