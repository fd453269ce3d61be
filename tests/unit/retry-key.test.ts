import { CloudError } from '@domain/errors'
import { keyAfter, keyFor } from '@/services/ids'
import * as v from 'valibot'
import { IdempotencyKey } from '@domain/contract/common'

/** The one reset policy of retry keys (src/services/ids.ts). */
describe('retry keys', () => {
  const form = { offerId: 'offer-1' }

  it('makes keys the contract accepts', () => {
    expect(v.is(IdempotencyKey, keyFor(null, form).key)).toBe(true)
  })

  it('keeps the key across tries of the same submission whose answer was lost', () => {
    const first = keyFor(null, form)
    expect(keyFor(keyAfter(first, new CloudError('NETWORK')), { ...form }).key).toBe(first.key)
    expect(keyFor(keyAfter(first, new CloudError('INTERNAL')), form).key).toBe(first.key)
    expect(keyFor(keyAfter(first, new Error('lost')), form).key).toBe(first.key)
  })

  it('makes a new key once the cloud answered, accepted or refused', () => {
    const first = keyFor(null, form)
    expect(keyAfter(first)).toBeNull()
    expect(keyAfter(first, new CloudError('SOLD_OUT'))).toBeNull()
    expect(keyFor(keyAfter(first, new CloudError('INVALID_INPUT')), form).key).not.toBe(first.key)
  })

  it('makes a new key when what is submitted changes, even while an answer is lost', () => {
    const first = keyFor(null, form)
    expect(keyFor(keyAfter(first, new CloudError('NETWORK')), { offerId: 'offer-2' }).key).not.toBe(first.key)
  })

  it('keeps a key restored from storage (no fingerprint) for the first submission after a restart', () => {
    expect(keyFor({ key: 'r-saved-12345678', of: '' }, form).key).toBe('r-saved-12345678')
  })
})
