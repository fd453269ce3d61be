import * as v from 'valibot'
import { contract, PRIVACY_VERSION } from '../../domain/contract'
import { cloudHarness } from '../helpers/cloud'

describe('member.profile', () => {
  it('a member sees their union, its path, number and join date', async () => {
    const { callAs } = await cloudHarness()
    const result = await callAs('demo-member', 'member', 'profile', {})
    if (!result.ok) throw new Error(result.error.message)
    expect(v.safeParse(contract.member.profile.output, result.data).success).toBe(true)
    expect(result.data).toMatchObject({
      displayName: '李会员（演示）',
      roles: [],
      membership: {
        union: { id: 'hhht-xc-kd', level: 'grassroots' },
        unionPath: ['内蒙古自治区总工会', '呼和浩特市总工会', '新城区总工会', '示例速递（演示）有限公司工会'],
        memberNo: '150102000001',
      },
    })
  })

  it('a worker who has not joined has no membership', async () => {
    const { callAs } = await cloudHarness()
    const result = await callAs('demo-worker', 'member', 'profile', {})
    expect(result).toMatchObject({ ok: true, data: { membership: null, roles: [] } })
  })

  it('staff see their roles with the union or merchant they act for', async () => {
    const { callAs } = await cloudHarness()
    expect(await callAs('demo-clerk', 'member', 'profile', {})).toMatchObject({ ok: true, data: { roles: [{ kind: 'union_staff', union: { id: 'hhht-xc', name: '新城区总工会' } }] } })
    expect(await callAs('demo-merchant', 'member', 'profile', {})).toMatchObject({ ok: true, data: { roles: [{ kind: 'merchant_staff', merchantId: 'm-bianmin' }] } })
  })

  it('an unknown WeChat user gets a profile without creating anything', async () => {
    const { callAs, store } = await cloudHarness()
    const before = await store.collection('people').count({})
    expect(await callAs('o-new-user', 'member', 'profile', {})).toMatchObject({ ok: true, data: { displayName: '微信用户', membership: null } })
    expect(await store.collection('people').count({})).toBe(before)
  })
})

describe('member.agreePrivacy', () => {
  it('records the version and time from the injected clock, for known and new users', async () => {
    const { callAs } = await cloudHarness('2026-11-23T09:30:00.000Z')
    expect(await callAs('demo-worker', 'member', 'agreePrivacy', { version: PRIVACY_VERSION })).toEqual({ ok: true, data: { version: PRIVACY_VERSION, agreedAt: '2026-11-23T09:30:00.000Z' } })
    expect(await callAs('demo-worker', 'member', 'profile', {})).toMatchObject({ ok: true, data: { privacyAgreedVersion: PRIVACY_VERSION } })
    await callAs('o-new-user', 'member', 'agreePrivacy', { version: PRIVACY_VERSION })
    expect(await callAs('o-new-user', 'member', 'profile', {})).toMatchObject({ ok: true, data: { privacyAgreedVersion: PRIVACY_VERSION } })
  })
})
