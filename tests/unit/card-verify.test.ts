import { randomBytes } from 'node:crypto'
import { cardPublicKeys, checkCard, signCard } from '../../cloud/lib/cardKeys'
import { asciiJson, base64UrlToBytes, readCardToken } from '../../domain/card/token'
import { verifyCardToken } from '../../domain/card/verify'

/**
 * The verifier the check page runs offline (tweetnacl), against tokens the cloud signs with Node's
 * crypto: the two must agree, and every bad token gets its own reason.
 */
const NOW = Date.parse('2026-12-02T08:00:00Z')
const secrets = { cardKey: randomBytes(32), cardKeyPrevious: null }
const keys = cardPublicKeys(secrets)
const claims = { m: 'membership-1', exp: NOW + 5 * 60_000, u: '新城区总工会', n: '王*骑' }
const token = signCard(secrets, claims)

describe('verifyCardToken (the app’s offline check)', () => {
  it('accepts a token the cloud signed, and reads back the Chinese union and masked name', () => {
    expect(verifyCardToken(token, keys, NOW)).toEqual({ ok: true, claims: { k: 'card', ...claims, kid: keys[0].kid } })
  })

  it('refuses it once expired: a replay after its minutes', () => {
    expect(verifyCardToken(token, keys, claims.exp)).toEqual({ ok: false, problem: 'expired' })
  })

  it('refuses a token of another environment (a key it does not hold), even one well signed', () => {
    const other = signCard({ cardKey: randomBytes(32) }, claims)
    expect(verifyCardToken(other, keys, NOW)).toEqual({ ok: false, problem: 'unknown-key' })
    expect(verifyCardToken(token, [], NOW)).toEqual({ ok: false, problem: 'unknown-key' })
  })

  it('refuses changed claims or another signature as forged', () => {
    const [body, signature] = token.split('.')
    const read = readCardToken(token)!
    const longer = Buffer.from(asciiJson({ ...read.claims, exp: read.claims.exp + 3600_000 })).toString('base64url')
    expect(verifyCardToken(`${longer}.${signature}`, keys, NOW)).toEqual({ ok: false, problem: 'forged' })
    expect(verifyCardToken(`${body}.${randomBytes(64).toString('base64url')}`, keys, NOW)).toEqual({ ok: false, problem: 'forged' })
  })

  it('refuses garbled text as not a card', () => {
    const [body, signature] = token.split('.')
    for (const text of ['', '随便', 'a.b', `${body}`, `${body}.${signature}.x`, `${body}.${signature.slice(1)}`, `${body}!.${signature}`, `${Buffer.from('{"k":"coupon"}').toString('base64url')}.${signature}`]) {
      expect(verifyCardToken(text, keys, NOW)).toEqual({ ok: false, problem: 'malformed' })
    }
  })

  it('decodes base64url as Node does, and only its canonical spelling', () => {
    for (const size of [0, 1, 2, 3, 31, 32, 64]) {
      const bytes = randomBytes(size)
      expect(Buffer.from(base64UrlToBytes(bytes.toString('base64url'))!)).toEqual(bytes)
    }
    expect(base64UrlToBytes('QQ')).toEqual(new Uint8Array([65]))
    expect(base64UrlToBytes('QR')).toBeNull()
    expect(base64UrlToBytes('Q')).toBeNull()
    expect(base64UrlToBytes('QQ==')).toBeNull()
  })
})

describe('the cloud’s check (Node crypto) and the app’s (tweetnacl)', () => {
  it('give the same answer for good, forged, foreign, expired and garbled tokens', () => {
    const [body] = token.split('.')
    const tokens = [token, `${body}.${randomBytes(64).toString('base64url')}`, signCard({ cardKey: randomBytes(32) }, claims), 'x.y', '']
    for (const now of [NOW, claims.exp]) {
      for (const text of tokens) expect(checkCard(secrets, text, now)).toEqual(verifyCardToken(text, keys, now))
    }
    expect(checkCard(secrets, token, NOW).ok).toBe(true)
  })
})
