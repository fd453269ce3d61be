import type { Handlers } from '../lib/dispatch'
import * as join from '../features/join'
import * as ledger from '../features/ledger'
import * as rights from '../features/rights'
import * as staff from '../features/staff'

/** Union staff decide the join applications (入会审核) and the data-rights requests of their union and the unions below it, and keep its 台账. */
export const reviewHandlers: Handlers<'review'> = { ...join.review, ...rights.review, ...staff.review, ...ledger.review }
