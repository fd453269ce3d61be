import type * as v from 'valibot'
import { aid } from './aid'
import { member } from './member'
import { transfer } from './transfer'
import { review } from './review'
import { stations } from './stations'
import { benefits } from './benefits'
import { admin } from './admin'
import { org } from './org'
import type { ActionSpec, FunctionSpec } from './define'

/**
 * The one contract between the app and the cloud: every cloud function, its actions, their
 * input schemas and result shapes. The app's client and the cloud dispatcher are both typed from it.
 */
export const contract = {
  member,
  transfer,
  review,
  stations,
  aid,
  benefits,
  admin,
  org,
} satisfies Record<string, FunctionSpec>

export type Contract = typeof contract
export type FunctionName = keyof Contract
export type ActionName<F extends FunctionName> = keyof Contract[F] & string
type SpecOf<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends ActionSpec ? Contract[F][A] : never
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = v.InferInput<SpecOf<F, A>['input']>
export type ActionParsed<F extends FunctionName, A extends ActionName<F>> = v.InferOutput<SpecOf<F, A>['input']>
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = v.InferOutput<SpecOf<F, A>['output']>

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export function findAction(fn: string, action: string): ActionSpec | undefined {
  if (!isFunctionName(fn)) return undefined
  const table: FunctionSpec = contract[fn]
  return Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined
}

export * from './define'
export * from './common'
export * from './member'
export * from './transfer'
export * from './join'
export * from './review'
export * from './stations'
export * from './stations-upkeep'
export * from './aid'
export * from './benefits'
export * from './admin'
export * from './org'
export * from './roles'
export * from './merchants'
export * from './rights'
export * from './home'
export * from './card'
export * from './staff'
export * from './ledger'
