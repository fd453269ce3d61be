import * as v from 'valibot'
import { AddUnionInput, EditUnionInput, NewUnionCode, type OrgUnion, type UnionLevel } from '../contract'
import { childLevels, levelProblem, regionPrefix, regionProblem } from '../unions'
import { fieldProblems, withFirstProblem } from '../validate'

/**
 * The 组织管理 union form's rules: adding a union below a parent or editing one. Problems before
 * sending come from the contract's own schemas and the tree's rules (domain/unions.ts); the cloud
 * checks both again.
 */

export type UnionFormField = 'name' | 'level' | 'regionCode' | 'code'
/** The fields as the form shows them, top down. */
export const UNION_FORM_FIELDS: readonly UnionFormField[] = ['name', 'level', 'regionCode', 'code']
export type UnionFormProblems = Partial<Record<UnionFormField | '_', string>>

export interface UnionFormValues {
  name: string
  level: UnionLevel | undefined
  regionCode: string
  code: string
}

/**
 * What the form starts with. Editing: the union as it is. Adding: the level when only one may sit
 * below the parent, and the parent's region as far as it binds the new union (a county's whole code,
 * a city's first four digits).
 */
export function initialUnionForm(parent: OrgUnion | null, union: OrgUnion | null): UnionFormValues {
  const levels = parent ? childLevels(parent.level) : []
  return {
    name: union?.name ?? '',
    level: levels.length === 1 ? levels[0] : undefined,
    regionCode: union?.regionCode ?? (parent ? regionPrefix(parent.level, parent.regionCode) : ''),
    code: union?.code ?? '',
  }
}

// The retry key is the app's, never the person's to get wrong: the form checks everything else.
const AddUnionFields = v.omit(AddUnionInput, ['idempotencyKey'])

/** Adding below `parent`: each field's first problem, the first of all also under `_`; empty when it may be sent. */
export function checkAddUnion(values: UnionFormValues, parent: OrgUnion): UnionFormProblems {
  const found: UnionFormProblems = fieldProblems(AddUnionFields, { parentId: parent.id, ...values, level: values.level ?? '' })
  const level = values.level && !found.level ? levelProblem(values.level, parent) : null
  const region = found.regionCode ? null : regionProblem(values.regionCode.trim(), parent)
  return withFirstProblem({ ...found, ...(level ? { level } : {}), ...(region ? { regionCode: region } : {}) }, UNION_FORM_FIELDS)
}

/** Editing `union`: as above; a changed code follows the rules for new codes (the one it has may come from an import). */
export function checkEditUnion(values: UnionFormValues, union: OrgUnion): UnionFormProblems {
  const found: UnionFormProblems = fieldProblems(EditUnionInput, { unionId: union.id, name: values.name, regionCode: values.regionCode, code: values.code })
  const changed = values.code.trim().toLowerCase() !== union.code
  const code = !found.code && changed ? fieldProblems(NewUnionCode, values.code)._ : undefined
  return withFirstProblem({ ...found, ...(code ? { code } : {}) }, UNION_FORM_FIELDS)
}
