import { contract, type ActionSpec } from '@domain/contract'
import { ACTION_POLICY } from '@domain/contract/policy'

// The client reads access and the personal flag from ACTION_POLICY (no schemas, for WeChat's main
// package); the contract is where they are decided. They must say the same thing.
describe('ACTION_POLICY', () => {
  const fromContract = Object.fromEntries(
    Object.entries(contract).map(([fn, actions]) => [
      fn,
      Object.fromEntries(Object.entries(actions as Record<string, ActionSpec>).map(([action, spec]) => [action, spec.personal ? { access: spec.access, personal: true } : { access: spec.access }])),
    ]),
  )

  it('lists every action of the contract, and nothing else, with its access and personal flag', () => {
    expect(ACTION_POLICY).toEqual(fromContract)
  })

  it('is not empty (a contract that failed to load would make the check above vacuous)', () => {
    expect(Object.keys(fromContract)).toContain('member')
    expect(Object.keys(ACTION_POLICY.member)).toContain('agreePrivacy')
  })
})
