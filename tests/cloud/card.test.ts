import { randomBytes } from 'node:crypto'
import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { collections } from '../../cloud/lib/collections'
import { joinDb } from '../../cloud/features/join/collections'
import { cloudHarness } from '../helpers/cloud'

/** #15 items 6–7: the member card's Ed25519 token, checked online by merchants and clerks, and counted. */

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } }

async function ok<T>(promise: Promise<Answer>): Promise<T> {
  const answer = await promise
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`)
  return answer.data as T
}

async function refused(promise: Promise<Answer>): Promise<{ code: string; message: string }> {
  const answer = await promise
  if (answer.ok) throw new Error('expected a refusal')
  return answer.error as { code: string; message: string }
}

type Card = { token: string; name: string }
type Checks = { online: number; offline: number; place: { kind: string; id: string; name: string } }

const checkCount = (h: Awaited<ReturnType<typeof cloudHarness>>) => joinDb(h.store).checks.count({})

describe('member card token (Ed25519)', () => {
  it('publishes its public keys to anyone, and the token carries the union and the masked name only', async () => {
    const h = await cloudHarness()
    const keys = await ok<{ keys: Array<{ kid: string; publicKey: string }> }>(h.callAs(null, 'member', 'cardKeys', {}))
    expect(v.safeParse(contract.member.cardKeys.output, keys).success).toBe(true)
    expect(keys.keys).toHaveLength(1)
    expect(Buffer.from(keys.keys[0].publicKey, 'base64url')).toHaveLength(32)
    const card = await ok<Card>(h.callAs('demo-member', 'member', 'card', {}))
    const claims = JSON.parse(Buffer.from(card.token.split('.')[0], 'base64url').toString('ascii'))
    expect(claims).toEqual({ k: 'card', m: expect.any(String), exp: h.clock.now().getTime() + 5 * 60_000, kid: keys.keys[0].kid, u: expect.any(String), n: '李*****）' })
    // The signed text is ASCII: the Chinese is escaped inside the JSON.
    expect(Buffer.from(card.token.split('.')[0], 'base64url').toString('ascii')).not.toContain(card.name)
  })

  it('checks a card for a merchant and for a clerk, and counts each at their place, nothing about the member', async () => {
    const h = await cloudHarness()
    const card = await ok<Card>(h.callAs('demo-member', 'member', 'card', {}))
    const seen = await ok<Record<string, unknown>>(h.callAs('demo-merchant', 'member', 'verifyCard', { token: card.token }))
    expect(v.safeParse(contract.member.verifyCard.output, seen).success).toBe(true)
    expect(seen).toMatchObject({ valid: true, maskedName: '李*****）', memberNo: '150102000001', checkedAt: h.clock.now().toISOString() })
    await ok(h.callAs('demo-clerk', 'member', 'verifyCard', { token: card.token }))
    await ok(h.callAs('demo-clerk', 'member', 'verifyCard', { token: card.token }))

    const merchant = await ok<Checks>(h.callAs('demo-merchant', 'member', 'cardChecks', {}))
    expect(merchant).toMatchObject({ place: { kind: 'merchant' }, online: 1, offline: 0 })
    const union = await ok<Checks>(h.callAs('demo-clerk', 'member', 'cardChecks', {}))
    expect(union).toMatchObject({ place: { kind: 'union', id: 'hhht-xc' }, online: 2, offline: 0 })
    const stored = await joinDb(h.store).checks.find({}, { limit: 10 })
    for (const doc of stored) expect(Object.keys(doc).sort()).toEqual(['_id', 'at', 'count', 'day', 'mode', 'place'])
    expect(JSON.stringify(stored)).not.toContain('demo-member')

    // Members and people with no role check nothing, and learn nothing.
    expect(await refused(h.callAs('demo-member', 'member', 'verifyCard', { token: card.token }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refused(h.callAs('demo-newcomer', 'member', 'cardChecks', {}))).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses a garbled, forged, expired or other environment’s token with a plain reason, and records nothing', async () => {
    const h = await cloudHarness()
    const other = await cloudHarness()
    const card = await ok<Card>(h.callAs('demo-member', 'member', 'card', {}))
    const [body, signature] = card.token.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('ascii'))
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600_000 })).toString('base64url')}.${signature}`
    const foreign = (await ok<Card>(other.callAs('demo-member', 'member', 'card', {}))).token
    const cases: Array<[string, RegExp]> = [
      ['这不是会员码', /不是会员码/],
      ['x.y', /不是会员码/],
      [`${body}.${signature.slice(0, -2)}xx`, /不是会员码|伪造/],
      [`${body}.${randomBytes(64).toString('base64url')}`, /伪造/],
      [tampered, /伪造/],
      [foreign, /其他环境/],
    ]
    for (const [token, message] of cases) {
      const error = await refused(h.callAs('demo-merchant', 'member', 'verifyCard', { token }))
      expect(error.code).toBe('CARD_INVALID')
      expect(error.message).toMatch(message)
    }
    // A replay after its five minutes.
    h.clock.advance(5 * 60_000)
    expect(await refused(h.callAs('demo-clerk', 'member', 'verifyCard', { token: card.token }))).toMatchObject({ code: 'CARD_INVALID', message: expect.stringContaining('过期') })
    expect(await refused(h.callAs('demo-clerk', 'member', 'verifyCard', { token: 'a'.repeat(2000) }))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await checkCount(h)).toBe(0)
  })

  it('refuses a card whose membership has ended (only the cloud knows): 该会籍已失效', async () => {
    const h = await cloudHarness()
    const card = await ok<Card>(h.callAs('demo-member', 'member', 'card', {}))
    await collections(h.store).memberships.remove({ openid: 'demo-member' })
    expect(await refused(h.callAs('demo-merchant', 'member', 'verifyCard', { token: card.token }))).toMatchObject({ code: 'CARD_INVALID', message: expect.stringContaining('会籍已失效') })
    expect(await checkCount(h)).toBe(0)
  })

  it('after a rotation accepts the current and the previous key; a key rotated out twice is refused', async () => {
    const h = await cloudHarness()
    const first = (await ok<Card>(h.callAs('demo-member', 'member', 'card', {}))).token
    h.secrets.cardKeyPrevious = h.secrets.cardKey
    h.secrets.cardKey = randomBytes(32)
    const keys = await ok<{ keys: Array<{ kid: string }> }>(h.callAs(null, 'member', 'cardKeys', {}))
    expect(keys.keys).toHaveLength(2)
    const second = (await ok<Card>(h.callAs('demo-member', 'member', 'card', {}))).token
    expect(JSON.parse(Buffer.from(second.split('.')[0], 'base64url').toString('ascii')).kid).toBe(keys.keys[0].kid)
    await ok(h.callAs('demo-merchant', 'member', 'verifyCard', { token: first }))
    await ok(h.callAs('demo-merchant', 'member', 'verifyCard', { token: second }))

    h.secrets.cardKeyPrevious = h.secrets.cardKey
    h.secrets.cardKey = randomBytes(32)
    expect(await refused(h.callAs('demo-merchant', 'member', 'verifyCard', { token: first }))).toMatchObject({ code: 'CARD_INVALID', message: expect.stringContaining('其他环境') })
    await ok(h.callAs('demo-merchant', 'member', 'verifyCard', { token: second }))
  })
})

describe('member.recordOfflineChecks', () => {
  it('adds a count for the checker’s place, once per retry key', async () => {
    const h = await cloudHarness()
    expect(await ok(h.callAs('demo-merchant', 'member', 'recordOfflineChecks', { count: 3, idempotencyKey: 'offline-0001' }))).toEqual({ recorded: 3 })
    expect(await ok(h.callAs('demo-merchant', 'member', 'recordOfflineChecks', { count: 3, idempotencyKey: 'offline-0001' }))).toEqual({ recorded: 3 })
    expect(await ok<Checks>(h.callAs('demo-merchant', 'member', 'cardChecks', {}))).toMatchObject({ online: 0, offline: 3 })
    await ok(h.callAs('demo-merchant', 'member', 'recordOfflineChecks', { count: 1, idempotencyKey: 'offline-0002' }))
    expect(await ok<Checks>(h.callAs('demo-merchant', 'member', 'cardChecks', {}))).toMatchObject({ offline: 4 })
  })

  it('refuses a bad count or a caller who checks nowhere, and changes nothing', async () => {
    const h = await cloudHarness()
    for (const count of [0, -1, 1.5, 5000]) {
      expect(await refused(h.callAs('demo-merchant', 'member', 'recordOfflineChecks', { count, idempotencyKey: 'offline-0003' }))).toMatchObject({ code: 'INVALID_INPUT' })
    }
    expect(await refused(h.callAs('demo-member', 'member', 'recordOfflineChecks', { count: 1, idempotencyKey: 'offline-0004' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await checkCount(h)).toBe(0)
  })
})
