import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import { asciiJson, checkCardToken, type CardCheck, type CardClaims, type CardKey } from '../../domain/card/token'
import type { Secrets } from './secrets'

/**
 * The member card's Ed25519 keys (#15 item 7). A key is kept as its 32-byte seed, like the other
 * secrets (base64 in the function's configuration, a file under the local data folder), and made
 * into Node's key object here: PKCS#8 for Ed25519 is this fixed prefix followed by the seed (RFC 8410).
 */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
/** SPKI for Ed25519: this prefix, then the raw 32-byte public key. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

function privateKeyOf(seed: Buffer) {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' })
}

/** The raw 32-byte public key (SPKI for Ed25519 ends with it). */
export function publicKeyOf(seed: Buffer): Buffer {
  const spki = createPublicKey(privateKeyOf(seed)).export({ format: 'der', type: 'spki' })
  return spki.subarray(spki.length - 32)
}

/** A key's id: short, derived from the public key, so nothing else has to be stored or kept in step. */
export function keyIdOf(publicKey: Buffer): string {
  return createHash('sha256').update(publicKey).digest('base64url').slice(0, 10)
}

function cardKeyOf(seed: Buffer): CardKey {
  const publicKey = publicKeyOf(seed)
  return { kid: keyIdOf(publicKey), publicKey: publicKey.toString('base64url') }
}

/**
 * The public keys a verifier accepts: the current one, then the previous one (a rotation keeps it,
 * so codes shown and keys cached just before it still check). A key rotated out twice is gone.
 */
export function cardPublicKeys(secrets: Pick<Secrets, 'cardKey' | 'cardKeyPrevious'>): CardKey[] {
  return [secrets.cardKey, ...(secrets.cardKeyPrevious ? [secrets.cardKeyPrevious] : [])].map(cardKeyOf)
}

/** Signs a card's claims with the current key. */
export function signCard(secrets: Pick<Secrets, 'cardKey'>, claims: Omit<CardClaims, 'k' | 'kid'>): string {
  const kid = keyIdOf(publicKeyOf(secrets.cardKey))
  const body = Buffer.from(asciiJson({ k: 'card', ...claims, kid })).toString('base64url')
  return `${body}.${sign(null, Buffer.from(body, 'ascii'), privateKeyOf(secrets.cardKey)).toString('base64url')}`
}

/**
 * The cloud's check of a card token: the same rule as the app's (domain/card/token.ts), with Node's
 * crypto, so the deployed function needs no verifier library of its own.
 */
export function checkCard(secrets: Pick<Secrets, 'cardKey' | 'cardKeyPrevious'>, token: string, now: number): CardCheck {
  return checkCardToken(token, cardPublicKeys(secrets), now, (message, signature, publicKey) =>
    verify(null, message, createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' }), signature),
  )
}
