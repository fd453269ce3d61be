import { createContext , resolveCaller } from '../../cloud/lib/context'
import { requireActiveMember, requireStaffOf, requireMerchantStaff, unionPathOf } from '../../cloud/lib/roles'
import { cloudHarness } from '../helpers/cloud'

async function contextAs(openid: string) {
  const { store, clock, secrets } = await cloudHarness()
  return createContext(store, clock, await resolveCaller(store, { openid }), secrets)
}

describe('authorization', () => {
  it('a county clerk acts on their union and the unions below it', async () => {
    const ctx = await contextAs('demo-clerk')
    await expect(requireStaffOf(ctx, 'hhht-xc')).resolves.toMatchObject({ _id: 'hhht-xc' })
    await expect(requireStaffOf(ctx, 'hhht-xc-kd')).resolves.toMatchObject({ _id: 'hhht-xc-kd' })
  })

  it('never on a sibling county, a union above, or one that does not exist', async () => {
    const ctx = await contextAs('demo-clerk')
    for (const unionId of ['hhht-hm', 'hhht-hm-jz', 'hhht', 'nmg', 'no-such-union']) {
      await expect(requireStaffOf(ctx, unionId)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('members and merchants are not union staff', async () => {
    for (const who of ['demo-member', 'demo-merchant']) await expect(requireStaffOf(await contextAs(who), 'hhht-xc-kd')).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('merchant staff act for their own merchants only; others are refused', async () => {
    expect(requireMerchantStaff(await contextAs('demo-merchant'))).toEqual(['m-bianmin'])
    const member = await contextAs('demo-member')
    expect(() => requireMerchantStaff(member)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
  })

  it('membership: the member has one, the worker is told to join', async () => {
    await expect(requireActiveMember(await contextAs('demo-member'))).resolves.toMatchObject({ unionId: 'hhht-xc-kd' })
    await expect(requireActiveMember(await contextAs('demo-worker'))).rejects.toMatchObject({ code: 'NOT_MEMBER' })
  })

  it('a record’s unionPath lists the unions above, then its own', () => {
    expect(unionPathOf({ _id: 'hhht-xc-kd', ancestors: ['nmg', 'hhht', 'hhht-xc'] })).toEqual(['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd'])
  })
})
