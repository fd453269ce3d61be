import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The local server's signed session tokens: base64url(payload).base64url(HMAC-SHA256). The payload
 * holds only the demo person's platform id and an expiry, never personal data.
 */
export interface TokenPayload {
  sub: string
  exp: number
}

const b64 = (buf: Buffer) => buf.toString('base64url')

function sign(secret: Buffer, body: string): string {
  return b64(createHmac('sha256', secret).update(body).digest())
}

export function issueToken(secret: Buffer, sub: string, now: number, ttlMs: number): string {
  const body = b64(Buffer.from(JSON.stringify({ sub, exp: now + ttlMs } satisfies TokenPayload)))
  return `${body}.${sign(secret, body)}`
}

export type TokenCheck = { ok: true; sub: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

export function verifyToken(secret: Buffer, token: string, now: number): TokenCheck {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' }
  let payload: Partial<TokenPayload>
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenPayload>
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return { ok: false, reason: 'malformed' }
  if (payload.exp <= now) return { ok: false, reason: 'expired' }
  return { ok: true, sub: payload.sub }
}
