import * as v from 'valibot'
import { CloudError, ERROR_MESSAGES } from './errors'

/**
 * Schemas in the contract carry their own Chinese messages for what a person can type wrong; this
 * covers the rest (a missing or unknown key, a wrong type) so no English default ever reaches a user.
 */
function fallbackMessage(issue: v.BaseIssue<unknown>): string {
  const path = issuePath(issue)
  const field = path ? `：${path}` : ''
  if (issue.received === 'undefined') return `缺少必填项${field}`
  if (issue.expected === 'never') return `不支持的字段${field}`
  return `格式不正确${field}`
}

v.setGlobalMessage(fallbackMessage)

/** Dotted path of a valibot issue, e.g. "child.idNumber"; "" for the root. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.')
}

/**
 * Parses input against a contract schema. On failure throws INVALID_INPUT with the first Chinese
 * message for each field, so a form can show it beside the field and the cloud can answer with it.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true })
  if (result.success) return result.output
  const fields = firstByField(result.issues)
  const first = Object.values(fields)[0]
  throw new CloudError('INVALID_INPUT', first ?? ERROR_MESSAGES.INVALID_INPUT, fields)
}

/**
 * What a form checks before sending: each field's first message from the contract's schema (`_` for
 * the input as a whole), by dotted path; empty when the input would be accepted.
 */
export function fieldProblems(schema: v.GenericSchema, input: unknown): Record<string, string> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true })
  return result.success ? {} : firstByField(result.issues)
}

/**
 * The problems with the first also under `_`, for the message by the save button (the field itself
 * may be scrolled out of sight). First means first in `order` (the fields top down), else the first found.
 */
export function withFirstProblem<P extends Record<string, string | undefined>>(problems: P, order: readonly string[] = []): P & { _?: string } {
  const first = order.map((field) => problems[field]).find(Boolean) ?? Object.values(problems).find(Boolean)
  return first ? { ...problems, _: first } : problems
}

function firstByField(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const key = issuePath(issue) || '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return fields
}
