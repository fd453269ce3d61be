import type { FunctionName } from '../../src/domain/contract'
import type { Handlers } from '../lib/dispatch'
import { aidHandlers } from './aid'
import { memberHandlers } from './member'

/** Every cloud function's handlers; the type makes a function missing here a compile error. */
export const functions: { [F in FunctionName]: Handlers<F> } = {
  member: memberHandlers,
  aid: aidHandlers,
}
