import nacl from 'tweetnacl'
import { asciiBytes, base64UrlToBytes, readCardToken, type CardClaims, type CardKey, type CardProblem } from './token'

export type CardCheck = { ok: true; claims: CardClaims } | { ok: false; problem: CardProblem }

/**
 * Checks a member card token against the public keys the verifier holds, with no network: the key
 * its id names, then the Ed25519 signature, then the expiry. The check page (src/features/check)
 * and the cloud's member.verifyCard both run this, so they agree on every answer but "revoked",
 * which only the cloud can know. tweetnacl is plain ES5 and lives in the check subpackage only.
 */
export function verifyCardToken(token: string, keys: readonly CardKey[], now: number): CardCheck {
  const read = readCardToken(token)
  if (!read) return { ok: false, problem: 'malformed' }
  const key = keys.find((k) => k.kid === read.claims.kid)
  if (!key) return { ok: false, problem: 'unknown-key' }
  const publicKey = base64UrlToBytes(key.publicKey)
  if (!publicKey || publicKey.length !== nacl.sign.publicKeyLength) return { ok: false, problem: 'unknown-key' }
  if (!nacl.sign.detached.verify(asciiBytes(read.body), read.signature, publicKey)) return { ok: false, problem: 'forged' }
  if (read.claims.exp <= now) return { ok: false, problem: 'expired' }
  return { ok: true, claims: read.claims }
}
