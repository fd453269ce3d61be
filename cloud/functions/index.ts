import type { FunctionName } from '../../src/domain/contract'
import type { Handlers } from '../lib/dispatch'
import { memberHandlers } from './member'
import { benefitsHandlers } from './benefits'

/** Every cloud function's handlers; the type makes a function missing here a compile error. */
export const functions: { [F in FunctionName]: Handlers<F> } = {
  member: memberHandlers,
  benefits: benefitsHandlers,
}
