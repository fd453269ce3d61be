import type { FunctionName } from '../../domain/contract'
import type { Handlers } from '../lib/dispatch'
import { adminHandlers } from './admin'
import { aidHandlers } from './aid'
import { memberHandlers } from './member'
import { transferHandlers } from './transfer'
import { reviewHandlers } from './review'
import { stationsHandlers } from './stations'
import { benefitsHandlers } from './benefits'
import { orgHandlers } from './org'

/** Every cloud function's handlers; the type makes a function missing here a compile error. */
export const functions: { [F in FunctionName]: Handlers<F> } = {
  member: memberHandlers,
  transfer: transferHandlers,
  review: reviewHandlers,
  stations: stationsHandlers,
  aid: aidHandlers,
  benefits: benefitsHandlers,
  admin: adminHandlers,
  org: orgHandlers,
}
