/**
 * A key the app makes once per form so that a retried submission is recognised as the same one.
 * Not a secret: Math.random is enough (WeChat has no crypto.getRandomValues on every base library).
 */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 8)}`
}
