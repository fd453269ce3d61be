import { parseInput } from '@domain/validate'
import { contract } from '@domain/contract'
import { EMPTY_TRANSFER_DRAFT, checkTransferDetails, detailsOf, searchResults, startStep, type TransferDraft } from '@domain/transfer/start'

const ready: TransferDraft = { reason: 'job_change', reasonText: '', newEmployer: '示例建筑（演示）有限公司', jobType: 'employee' }

describe('发起转会: the steps', () => {
  it('asks for the details only once the receiving union is previewed', () => {
    expect(startStep(false)).toBe('union')
    expect(startStep(true)).toBe('details')
  })
})

describe('发起转会: the details before sending', () => {
  it('a complete form has no problem', () => {
    expect(checkTransferDetails(ready)).toEqual({})
  })

  it('an empty form names each missing field in the contract’s words, and nothing else', () => {
    expect(checkTransferDetails(EMPTY_TRANSFER_DRAFT)).toEqual({ newEmployer: '请填写新工作单位', jobType: '请选择就业形态' })
  })

  it('“其他” needs its reason written; blank spaces do not count', () => {
    expect(checkTransferDetails({ ...ready, reason: 'other', reasonText: '   ' })).toEqual({ reasonText: '选择“其他”时请填写具体原因' })
    expect(checkTransferDetails({ ...ready, reason: 'other', reasonText: '照顾家人' })).toEqual({})
  })

  it('too long is refused with the limit', () => {
    expect(checkTransferDetails({ ...ready, newEmployer: '单'.repeat(61) })).toEqual({ newEmployer: '工作单位不超过 60 字' })
    expect(checkTransferDetails({ ...ready, reason: 'other', reasonText: '因'.repeat(201) })).toEqual({ reasonText: '具体原因不超过 200 字' })
  })

  it('sends a blank 具体原因 as absent, and what it sends is what transfer.start accepts', () => {
    expect(detailsOf({ ...ready, reasonText: '  ' })).not.toHaveProperty('reasonText')
    expect(detailsOf({ ...ready, reasonText: '新单位在回民区' })).toMatchObject({ reasonText: '新单位在回民区' })
    const input = { toUnionId: 'hhht-hm-jz', ...detailsOf(ready), idempotencyKey: 'abcdefgh12' }
    expect(parseInput(contract.transfer.start.input, input)).toMatchObject({ newEmployer: ready.newEmployer, jobType: 'employee' })
  })

  it('the cloud refuses what the form refuses, with the same message on the same field', () => {
    const draft = { ...ready, reason: 'other' as const, newEmployer: '' }
    const local = checkTransferDetails(draft)
    expect(() => parseInput(contract.transfer.start.input, { toUnionId: 'hhht-hm-jz', ...detailsOf(draft), idempotencyKey: 'abcdefgh12' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: expect.objectContaining(local) }),
    )
  })
})

describe('发起转会: search results', () => {
  it('lists the unions found, then the 新业态 unions not already among them', () => {
    const u = (id: string) => ({ id })
    expect(searchResults({ unions: [u('a'), u('b')], newForms: [u('b'), u('nf')] }).map((x) => x.id)).toEqual(['a', 'b', 'nf'])
    expect(searchResults({ unions: [], newForms: [] })).toEqual([])
  })
})
