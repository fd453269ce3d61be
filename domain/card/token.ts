/**
 * The member card's QR token (#15 item 7): `base64url(claims).base64url(Ed25519 signature)`, signed
 * by the cloud (cloud/lib/cardKeys.ts) and checked by anyone who holds the public key, offline too:
 * the app with tweetnacl (./verify.ts), the cloud with Node's crypto, both through checkCardToken. The claims are what a checker must see without a network and nothing more
 * personal: the union's name and the member's name masked (王*骑). Pure: no Buffer, no clock.
 */
export interface CardClaims {
  k: 'card'
  /** The membership id: the cloud looks it up to see a membership that has ended (revoked). */
  m: string
  /** Expiry, ms since the epoch: a shown code lasts minutes. */
  exp: number
  /** Which signing key: the first characters of the public key's SHA-256 (cloud/lib/cardKeys.ts). */
  kid: string
  /** The union's name. */
  u: string
  /** The member's name, masked (domain/names.ts). */
  n: string
}

/** A public key the app and the cloud verify with: its id, and the 32 raw bytes as base64url. */
export interface CardKey {
  kid: string
  publicKey: string
}

export type CardProblem = 'malformed' | 'unknown-key' | 'forged' | 'expired'

/** What a checker is told, in words a cashier can say to the member. */
export const CARD_PROBLEM_MESSAGES: Record<CardProblem | 'revoked', string> = {
  malformed: '这不是会员码，或会员码不完整，请让会员打开电子会员证重新出示',
  'unknown-key': '该会员码不是本平台签发的（可能来自其他环境或已停用的密钥），不能核验',
  forged: '会员码签名不符，可能被改动或伪造，不能核验',
  expired: '会员码已过期，请让会员刷新后再出示',
  revoked: '该会籍已失效（已退会或转出），不是有效会员',
}

/**
 * JSON with every character past ASCII written as \uXXXX: the signed text is then plain ASCII on
 * both sides, so the app needs no UTF-8 codec (old phones lack TextDecoder) and JSON.parse restores
 * the Chinese names.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${`000${c.charCodeAt(0).toString(16)}`.slice(-4)}`)
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** base64url (no padding) to bytes, or null for anything else. */
export function base64UrlToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let bits = 0
  let value = 0
  let at = 0
  for (let i = 0; i < text.length; i++) {
    value = (value << 6) | ALPHABET.indexOf(text.charAt(i))
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[at++] = (value >> bits) & 0xff
    }
  }
  // Only the canonical spelling: leftover bits must be zero, so one token has one text.
  return bits && value & ((1 << bits) - 1) ? null : out
}

/** The ASCII text's bytes (what is signed: the token's first part as it is written). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff
  return out
}

function isCardClaims(value: unknown): value is CardClaims {
  if (value === null || typeof value !== 'object') return false
  const c = value as Record<string, unknown>
  return c.k === 'card' && typeof c.m === 'string' && typeof c.exp === 'number' && typeof c.kid === 'string' && typeof c.u === 'string' && typeof c.n === 'string'
}

export interface ReadToken {
  /** The signed text: the token's first part. */
  body: string
  signature: Uint8Array
  /** Not yet trusted: read only to find the key id. */
  claims: CardClaims
}

/** Splits and reads a token, or null when it is not one (garbled, cut short, another kind of code). */
export function readCardToken(token: string): ReadToken | null {
  const parts = token.trim().split('.')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null
  const signature = base64UrlToBytes(parts[1])
  const bodyBytes = base64UrlToBytes(parts[0])
  if (!signature || signature.length !== 64 || !bodyBytes) return null
  let claims: unknown
  try {
    let text = ''
    for (let i = 0; i < bodyBytes.length; i++) text += String.fromCharCode(bodyBytes[i])
    claims = JSON.parse(text)
  } catch {
    return null
  }
  return isCardClaims(claims) ? { body: parts[0], signature, claims } : null
}

export type CardCheck = { ok: true; claims: CardClaims } | { ok: false; problem: CardProblem }

/** An Ed25519 check of `signature` over `message` by a raw 32-byte public key: tweetnacl's or Node's. */
export type SignatureCheck = (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean

/**
 * The one order of checks, wherever it runs: the key its id names (unknown: another environment, or
 * a key rotated out), then the signature, then the expiry. "Revoked" only the cloud can add.
 */
export function checkCardToken(token: string, keys: readonly CardKey[], now: number, signatureHolds: SignatureCheck): CardCheck {
  const read = readCardToken(token)
  if (!read) return { ok: false, problem: 'malformed' }
  const key = keys.find((k) => k.kid === read.claims.kid)
  const publicKey = key ? base64UrlToBytes(key.publicKey) : null
  if (!publicKey || publicKey.length !== 32) return { ok: false, problem: 'unknown-key' }
  if (!signatureHolds(asciiBytes(read.body), read.signature, publicKey)) return { ok: false, problem: 'forged' }
  if (read.claims.exp <= now) return { ok: false, problem: 'expired' }
  return { ok: true, claims: read.claims }
}
