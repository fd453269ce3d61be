import * as v from 'valibot'
import { randomSecrets } from '../../cloud/lib/secrets'
import { contract } from '../../domain/contract'
import { cloudHarness } from '../helpers/cloud'
import { collections } from '../../cloud/lib/collections'

describe('dispatcher', () => {
  it('refuses an event without an action', async () => {
    const { store, clock } = await cloudHarness()
    const { dispatch } = await import('../../cloud/lib/dispatch')
    const { functions } = await import('../../cloud/functions')
    for (const event of [null, 'profile', 42, { data: {} }, { action: 7 }]) {
      const result = await dispatch('member', functions.member, event, { identity: { openid: 'demo-member' }, store, clock, secrets: randomSecrets() })
      expect(result).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('请求格式不正确') } })
    }
  })

  it('answers UNKNOWN_ACTION for an action the contract does not name', async () => {
    const { callAs } = await cloudHarness()
    for (const action of ['nope', 'toString', '__proto__', 'constructor']) {
      const result = await callAs('demo-member', 'member', action, {})
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_ACTION')
    }
  })

  it('refuses anonymous callers of user actions before touching data', async () => {
    const { callAs, store } = await cloudHarness()
    const result = await callAs(null, 'member', 'agreePrivacy', { version: '2026-11' })
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    expect(await collections(store).people.count({ privacyAgreedVersion: { $exists: true } })).toBe(0)
  })

  it('validates input against the contract and names the field', async () => {
    const { callAs, store } = await cloudHarness()
    for (const data of [{}, { version: '' }, { version: 5 }, { version: 'x'.repeat(21) }, { version: '2026-11', extra: 1 }]) {
      const result = await callAs('demo-worker', 'member', 'agreePrivacy', data)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT')
        expect(Object.keys(result.error.fields ?? {}).length).toBeGreaterThan(0)
      }
    }
    expect(await collections(store).people.count({ privacyAgreedVersion: { $exists: true } })).toBe(0)
  })

  it('turns an unexpected failure into INTERNAL without leaking it', async () => {
    const { store, clock } = await cloudHarness()
    const { dispatch } = await import('../../cloud/lib/dispatch')
    const logged: string[] = []
    const broken = { profile: async () => { throw new Error('secret detail') }, agreePrivacy: async () => { throw new Error('x') } }
    const result = await dispatch('member', broken as never, { action: 'profile', data: {} }, { identity: { openid: 'demo-member' }, store, clock, secrets: randomSecrets(), logError: (m) => logged.push(m) })
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后重试' } })
    expect(JSON.stringify(result)).not.toContain('secret detail')
    expect(logged).toEqual(['cloud member failed'])
  })

  it('every action in the contract has a handler, and no handler lacks a contract entry', async () => {
    const { functions } = await import('../../cloud/functions')
    for (const [fn, actions] of Object.entries(contract)) {
      expect(Object.keys(functions[fn as keyof typeof functions]).sort()).toEqual(Object.keys(actions).sort())
      for (const spec of Object.values(actions)) expect(v.safeParse(spec.input, undefined).success).toBe(false)
    }
  })
})
