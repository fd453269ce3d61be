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
  const fields: Record<string, string> = {}
  for (const issue of result.issues) {
    const key = issuePath(issue) || '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  const first = Object.values(fields)[0]
  throw new CloudError('INVALID_INPUT', first ?? ERROR_MESSAGES.INVALID_INPUT, fields)
}
