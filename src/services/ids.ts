import { useMemo, useRef } from 'react'
import { CloudError } from '@domain/errors'

/**
 * The retry key (the contract's IdempotencyKey) of one submission. One rule for every form:
 * a key lives for one attempt at one submission.
 * - Kept while the answer was lost (no network, the server failed: NETWORK, INTERNAL): the cloud
 *   may have stored part or all of it, and only the same key lets it finish that write instead
 *   of starting a second one (cloud/lib/resume.ts).
 * - New once the cloud answered (accepted, or refused for a reason the person can see), and new
 *   when the person changes what they submit: a changed submission is another one, which must not
 *   be answered with what the first one stored.
 * What a key was made for is remembered as a short fingerprint of the submission, in memory only
 * (it may cover an ID number); a key saved with a draft comes back without one and is kept for the
 * first submission after a restart, the case it is saved for.
 */
export interface HeldKey {
  key: string
  /** Fingerprint of what the key was made for; '' when unknown (restored from storage). */
  of: string
}

/**
 * A new key. Not a secret: Math.random is enough (WeChat has no crypto.getRandomValues on every
 * base library); it only has to differ from this person's other keys.
 */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 8)}`
}

/** FNV-1a over the submission as JSON: tells "the same submission" from "changed", nothing more. */
function fingerprint(submission: unknown): string {
  const text = JSON.stringify(submission) ?? ''
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash.toString(36)
}

/** The key to send `submission` with: the held one if it was made for the same submission (or is restored), else a new one. */
export function keyFor(held: HeldKey | null | undefined, submission: unknown): HeldKey {
  const of = fingerprint(submission)
  if (held && (held.of === of || held.of === '')) return { key: held.key, of }
  return { key: newIdempotencyKey(), of }
}

/** After a try: the key stays only when its answer was lost (the same submission must be retried with it). */
export function keyAfter(held: HeldKey | null, error?: unknown): HeldKey | null {
  const code = error instanceof CloudError ? error.code : error === undefined ? null : 'INTERNAL'
  return code === 'NETWORK' || code === 'INTERNAL' ? held : null
}

/** The rule above for a form that keeps its key in memory: `key(submission)` before sending, `settle(error?)` after. */
export function useRetryKey() {
  const held = useRef<HeldKey | null>(null)
  return useMemo(
    () => ({
      key(submission: unknown): string {
        held.current = keyFor(held.current, submission)
        return held.current.key
      },
      settle(error?: unknown): void {
        held.current = keyAfter(held.current, error)
      },
    }),
    [],
  )
}
