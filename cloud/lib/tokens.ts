import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed, expiring tokens: base64url(claims).base64url(HMAC-SHA256), for what only the cloud checks:
 * the local server's demo sessions and the coupon QR. (The member card is checked off the cloud too,
 * offline: it is signed with Ed25519 instead, cloud/lib/cardKeys.ts.) Claims hold ids and an
 * expiry only, never personal data: anyone can read them, nobody can forge them.
 */
export interface Claims {
  /** Expiry, ms since the epoch. */
  exp: number
}

const b64 = (buf: Buffer) => buf.toString('base64url')

function sign(secret: Buffer, body: string): string {
  return b64(createHmac('sha256', secret).update(body).digest())
}

export function signToken<C extends Claims>(secret: Buffer, claims: C): string {
  const body = b64(Buffer.from(JSON.stringify(claims)))
  return `${body}.${sign(secret, body)}`
}

export type TokenCheck<C> = { ok: true; claims: C } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

/** Checks the signature first, then the expiry; `isClaims` checks the shape the caller expects. */
export function verifyToken<C extends Claims>(secret: Buffer, token: string, now: number, isClaims: (value: Record<string, unknown>) => boolean): TokenCheck<C> {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' }
  let claims: Record<string, unknown>
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (claims === null || typeof claims !== 'object' || typeof claims.exp !== 'number' || !isClaims(claims)) return { ok: false, reason: 'malformed' }
  if (claims.exp <= now) return { ok: false, reason: 'expired' }
  return { ok: true, claims: claims as unknown as C }
}
