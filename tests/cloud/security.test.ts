import { decrypt, encrypt, keyedHash } from '../../cloud/lib/crypto'
import { randomSecrets , secretsFromEnv } from '../../cloud/lib/secrets'
import { signToken, verifyToken } from '../../cloud/lib/tokens'

describe('personal data at rest', () => {
  const { dataKey, hashKey } = randomSecrets()

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = encrypt(dataKey, '11010519491231002X')
    const b = encrypt(dataKey, '11010519491231002X')
    expect(a).not.toBe(b)
    expect(a).not.toContain('11010519491231002X')
    expect(decrypt(dataKey, a)).toBe('11010519491231002X')
  })

  it('refuses a tampered value or the wrong key', () => {
    const sealed = encrypt(dataKey, '6222020200112233445')
    const parts = sealed.split('.')
    parts[3] = Buffer.from('tampered').toString('base64url')
    expect(() => decrypt(dataKey, parts.join('.'))).toThrow()
    expect(() => decrypt(randomSecrets().dataKey, sealed)).toThrow()
  })

  it('a keyed hash is stable under one key and differs under another', () => {
    expect(keyedHash(hashKey, 'x')).toBe(keyedHash(hashKey, 'x'))
    expect(keyedHash(hashKey, 'x')).not.toBe(keyedHash(randomSecrets().hashKey, 'x'))
  })
})

describe('signed tokens', () => {
  const { tokenKey } = randomSecrets()
  const isCard = (c: Record<string, unknown>) => c.k === 'card' && typeof c.m === 'string'

  it('verifies its own tokens until they expire', () => {
    const token = signToken(tokenKey, { k: 'card', m: 'ms-1', exp: 2000 })
    expect(verifyToken(tokenKey, token, 1999, isCard)).toEqual({ ok: true, claims: { k: 'card', m: 'ms-1', exp: 2000 } })
    expect(verifyToken(tokenKey, token, 2000, isCard)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a forged, altered, foreign or ill-shaped token', () => {
    const token = signToken(tokenKey, { k: 'card', m: 'ms-1', exp: 2000 })
    const [, sig] = token.split('.')
    const altered = `${Buffer.from(JSON.stringify({ k: 'card', m: 'ms-2', exp: 2000 })).toString('base64url')}.${sig}`
    expect(verifyToken(tokenKey, altered, 0, isCard)).toEqual({ ok: false, reason: 'forged' })
    expect(verifyToken(randomSecrets().tokenKey, token, 0, isCard)).toEqual({ ok: false, reason: 'forged' })
    expect(verifyToken(tokenKey, 'abc', 0, isCard)).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyToken(tokenKey, signToken(tokenKey, { k: 'coupon', c: 'x', exp: 2000 }), 0, isCard)).toEqual({ ok: false, reason: 'malformed' })
  })
})

describe('secrets from a cloud function’s environment', () => {
  it('needs four 32-byte keys, and reads the previous card key when a rotation left one', () => {
    const key = Buffer.alloc(32, 1).toString('base64')
    const other = Buffer.alloc(32, 2).toString('base64')
    const secrets = secretsFromEnv({ DATA_KEY: key, HASH_KEY: key, TOKEN_KEY: key, CARD_KEY: key })
    expect(secrets.dataKey.length).toBe(32)
    expect(secrets.cardKeyPrevious).toBeNull()
    expect(secretsFromEnv({ DATA_KEY: key, HASH_KEY: key, TOKEN_KEY: key, CARD_KEY: key, CARD_KEY_PREVIOUS: other }).cardKeyPrevious).toEqual(Buffer.alloc(32, 2))
    expect(() => secretsFromEnv({ DATA_KEY: key, HASH_KEY: key, TOKEN_KEY: key })).toThrow('CARD_KEY')
    expect(() => secretsFromEnv({ DATA_KEY: key, HASH_KEY: key, TOKEN_KEY: key, CARD_KEY: key, CARD_KEY_PREVIOUS: 'c2hvcnQ=' })).toThrow('CARD_KEY_PREVIOUS')
    expect(() => secretsFromEnv({ DATA_KEY: key, HASH_KEY: key })).toThrow('TOKEN_KEY')
    expect(() => secretsFromEnv({ DATA_KEY: 'c2hvcnQ=', HASH_KEY: key, TOKEN_KEY: key })).toThrow('DATA_KEY')
  })
})
