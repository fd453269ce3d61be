import nacl from 'tweetnacl'
import { checkCardToken, type CardCheck, type CardKey } from './token'

export type { CardCheck }

/**
 * The app's offline check of a member card token (the check page, src/features/check, and the
 * bench): tweetnacl, plain ES5, loaded by the check subpackage only. The cloud runs the same
 * checkCardToken with Node's crypto (cloud/lib/cardKeys.ts), so both answer alike but for
 * "revoked", which only the cloud can know.
 */
export function verifyCardToken(token: string, keys: readonly CardKey[], now: number): CardCheck {
  return checkCardToken(token, keys, now, (message, signature, publicKey) => nacl.sign.detached.verify(message, signature, publicKey))
}
