import { signToken, verifyToken, type TokenCheck } from '../cloud/lib/tokens'

/** The local server's demo session: whom the token stands for (their platform id) and until when. */
interface SessionClaims {
  k: 'session'
  sub: string
  exp: number
}

export function issueSession(key: Buffer, openid: string, now: number, ttlMs: number): string {
  return signToken<SessionClaims>(key, { k: 'session', sub: openid, exp: now + ttlMs })
}

export function verifySession(key: Buffer, token: string, now: number): TokenCheck<SessionClaims> {
  return verifyToken<SessionClaims>(key, token, now, (c) => c.k === 'session' && typeof c.sub === 'string')
}
