import type * as v from 'valibot'
import { TransferDetails } from '../contract/transfer'
import type { EmploymentType } from '../join/options'
import { fieldProblems } from '../validate'
import type { TransferReason } from './machine'

/**
 * The 发起转会 page's rules: two steps (find the receiving union, then say why and where to), what the
 * second step sends, and its problems before sending, in the contract's own words (the cloud checks
 * the same schema again).
 */

export type StartStep = 'union' | 'details'

/** The details step shows once the receiving union is previewed (the cloud said a transfer there may start). */
export const startStep = (previewed: boolean): StartStep => (previewed ? 'details' : 'union')

/** What the member typed and chose in the details step, as the form holds it. */
export interface TransferDraft {
  reason: TransferReason
  reasonText: string
  newEmployer: string
  jobType: EmploymentType | undefined
}

export const EMPTY_TRANSFER_DRAFT: TransferDraft = { reason: 'job_change', reasonText: '', newEmployer: '', jobType: undefined }

export type TransferDetailsInput = v.InferInput<typeof TransferDetails>
export type TransferDetailsField = keyof TransferDetailsInput
export type TransferProblems = Partial<Record<TransferDetailsField, string>>

/** The details as `transfer.start` takes them: a blank 具体原因 is left out, not sent empty. */
export function detailsOf(draft: TransferDraft): TransferDetailsInput {
  return {
    reason: draft.reason,
    ...(draft.reasonText.trim() ? { reasonText: draft.reasonText } : {}),
    newEmployer: draft.newEmployer,
    jobType: draft.jobType as EmploymentType,
  }
}

/** Each field's first problem (empty when the details may be sent). */
export function checkTransferDetails(draft: TransferDraft): TransferProblems {
  return fieldProblems(TransferDetails, detailsOf(draft)) as TransferProblems
}

/** A search's answer as one list: the unions found, then the 新业态 unions not already among them. */
export function searchResults<U extends { id: string }>(found: { unions: U[]; newForms: U[] }): U[] {
  return [...found.unions, ...found.newForms.filter((u) => !found.unions.some((x) => x.id === u.id))]
}
