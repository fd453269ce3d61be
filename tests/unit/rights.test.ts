import { APPLICATION_STATES } from '@domain/aid/machine'
import { AID_WITHDRAWABLE, aidApplicationDeletion, aidWithdrawalEffect, CORRECTABLE_FIELD_KEYS, CORRECTABLE_FIELDS, joinApplicationDeletion, maskPhone, RIGHTS_REQUEST_TYPES, RIGHTS_TYPE_NAMES } from '@domain/rights'
import { joinFormEntries } from '@domain/join/form'

describe('a person’s rights: the rules', () => {
  it('masks a phone number to its first 3 and last 4 digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('+8613800138000')).not.toContain('0013800')
  })

  it('only the phone number changes at once; every correctable field has the join form’s rule; never the ID number', () => {
    expect(CORRECTABLE_FIELD_KEYS.filter((f) => CORRECTABLE_FIELDS[f].self)).toEqual(['phone'])
    for (const field of CORRECTABLE_FIELD_KEYS) expect(joinFormEntries[field]).toBeDefined()
    expect(CORRECTABLE_FIELD_KEYS as string[]).not.toContain('idNumber')
  })

  it('what may be deleted: finished-without-effect records only, and why the rest is kept', () => {
    expect(joinApplicationDeletion('rejected')).toEqual({ deletable: true })
    expect(joinApplicationDeletion('withdrawn')).toEqual({ deletable: true })
    expect(joinApplicationDeletion('approved')).toMatchObject({ deletable: false, why: expect.stringContaining('会员档案') })
    expect(joinApplicationDeletion('pending')).toMatchObject({ deletable: false, why: expect.stringContaining('撤回') })
    const deletable = APPLICATION_STATES.filter((s) => aidApplicationDeletion(s, false).deletable)
    expect(deletable).toEqual(['rejected', 'withdrawn'])
    expect(aidApplicationDeletion('paid', false)).toMatchObject({ deletable: false, why: expect.stringContaining('财务') })
    expect(aidApplicationDeletion('rejected', true)).toMatchObject({ deletable: false })
  })

  it('withdrawing the aid consent: in progress is withdrawn, the rest is said plainly', () => {
    expect(AID_WITHDRAWABLE).toEqual(['submitted', 'returned', 'verified', 'approved'])
    for (const state of APPLICATION_STATES) expect(aidWithdrawalEffect(state).length).toBeGreaterThan(10)
    expect(aidWithdrawalEffect('approved')).toContain('不再审核、公示或发放')
  })

  it('every kind of request has a name', () => {
    for (const type of RIGHTS_REQUEST_TYPES) expect(RIGHTS_TYPE_NAMES[type]).toMatch(/[\u4e00-\u9fff]/)
  })
})
