import * as v from 'valibot'
import { SubmitInput } from '../../domain/contract/aid'
import { APPLY_STEPS, checkStep, firstProblem, toApplication, type ApplyValues } from '../../domain/aid/steps'
import { cardFor, idFor } from '../helpers/aid'

const TODAY = '2026-11-23'
const context = { today: TODAY, requiredDocuments: ['admission_letter'] as const, excludes: [] as const, keepsNumbers: false }
const valid: ApplyValues = {
  child: { name: '张小明', idNumber: idFor('20080510'), relation: 'parent', school: '内蒙古大学（示例）', major: '', level: 'undergraduate' },
  household: { size: '3', annualIncomeYuan: '36000', category: 'dibao', description: '父亲因病无法工作（示例）', migrantWorker: false },
  declarations: { military: false, free_teacher: false, directed: false, government_aid: false },
  documents: [{ kind: 'admission_letter', fileId: 'f1' }],
  consents: { sensitive: true, guardian: false },
  bank: '示例银行',
  cardNumber: cardFor(),
}
type Over = { [K in keyof ApplyValues]?: Partial<ApplyValues[K]> }
const withValues = (over: Over): ApplyValues => ({
  ...valid,
  ...over,
  child: { ...valid.child, ...over.child },
  household: { ...valid.household, ...over.household },
  consents: { ...valid.consents, ...over.consents },
} as ApplyValues)
const check = (step: number, over: Over) => checkStep(step, withValues(over), context)
/** What the contract itself says about a value: the message must be its own, not a copy. */
const contract = (schema: v.GenericSchema, value: unknown) => {
  const result = v.safeParse(schema, value, { abortPipeEarly: true })
  return result.success ? null : result.issues[0].message
}
const { child, household, consents, payout } = SubmitInput.entries

describe('金秋助学 steps', () => {
  it('a complete form passes every step, and becomes what the contract takes', () => {
    APPLY_STEPS.forEach((_, step) => expect(checkStep(step, valid, context)).toEqual({}))
    const fields = toApplication(valid, 2026)
    expect(v.safeParse(SubmitInput, { programmeId: 'aid-1', idempotencyKey: 'key-12345678', ...fields }).success).toBe(true)
    expect(fields.household.annualIncomeFen).toBe(3_600_000)
  })

  it('each step names its fields', () => {
    expect(APPLY_STEPS.map((s) => s.title)).toEqual(['申请人', '子女', '家庭', '材料', '同意与收款'])
    expect(APPLY_STEPS[1].fields).toEqual(['name', 'level', 'idNumber', 'relation', 'school', 'major'])
  })

  it('子女: each missing or wrong field gives the contract’s message', () => {
    expect(check(1, { child: { name: '  ' } })).toEqual({ name: contract(child.entries.name, '  ') })
    expect(check(1, { child: { name: '' } }).name).toBe('请填写子女姓名')
    expect(check(1, { child: { level: null } })).toEqual({ level: '请选择学段' })
    expect(check(1, { child: { idNumber: '' } })).toEqual({ idNumber: contract(child.entries.idNumber, '') })
    expect(check(1, { child: { idNumber: '' } }).idNumber).toBe('请填写子女身份证号')
    expect(check(1, { child: { school: '' } })).toEqual({ school: '请填写录取学校' })
    expect(check(1, { child: { major: 'x'.repeat(61) } })).toEqual({ major: contract(child.entries.major, 'x'.repeat(61)) })
    expect(check(1, { child: { relation: 'uncle' as never } })).toEqual({ relation: '请选择与子女的关系' })
  })

  it('子女: an ID number with a wrong check digit or an age that does not fit the level', () => {
    const good = idFor('20080510')
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    expect(check(1, { child: { idNumber: wrong } }).idNumber).toContain('子女身份证号校验位不正确')
    expect(check(1, { child: { idNumber: idFor('20230301') } }).idNumber).toContain('按身份证号子女今年 3 岁')
  })

  it('家庭: each missing or wrong field gives the contract’s message', () => {
    expect(check(2, { household: { size: '' } })).toEqual({ size: contract(household.entries.size, undefined) })
    expect(check(2, { household: { size: '0' } })).toEqual({ size: '家庭人口数至少为 1' })
    expect(check(2, { household: { size: '2.5' } })).toEqual({ size: contract(household.entries.size, 2.5) })
    expect(check(2, { household: { size: '31' } })).toEqual({ size: '家庭人口数过大' })
    expect(check(2, { household: { annualIncomeYuan: '' } })).toEqual({ income: contract(household.entries.annualIncomeFen, undefined) })
    expect(check(2, { household: { annualIncomeYuan: '-100' } })).toEqual({ income: '家庭年收入不能为负数' })
    expect(check(2, { household: { annualIncomeYuan: '一万' } })).toEqual({ income: contract(household.entries.annualIncomeFen, Number.NaN) })
    expect(check(2, { household: { category: null } })).toEqual({ category: '请选择困难类别' })
    expect(check(2, { household: { description: ' ' } })).toEqual({ description: contract(household.entries.description, ' ') })
    expect(firstProblem(2, check(2, { household: { size: '0', category: null } }))).toBe('家庭人口数至少为 1')
  })

  it('材料: the programme’s required documents', () => {
    expect(check(3, { documents: [] })).toEqual({ documents: '请上传：录取通知书' })
  })

  it('同意与收款: consent, the guardian for a child under 14, the bank and the card', () => {
    expect(check(4, { consents: { sensitive: false } })).toEqual({ sensitive: contract(consents.entries.sensitive, false) })
    expect(check(4, { consents: { sensitive: false } }).sensitive).toBe('请同意处理敏感个人信息')
    expect(check(4, { bank: '' })).toEqual({ bank: contract(payout.entries.bank, '') })
    expect(check(4, { cardNumber: '' })).toEqual({ cardNumber: contract(payout.entries.cardNumber, '') })
    expect(check(4, { cardNumber: '1234 5678 9012 3456' })).toEqual({ cardNumber: '银行卡号校验不通过，请核对' })
    const young = { child: { idNumber: idFor('20130301'), level: 'high_school' as const } }
    expect(check(4, young)).toEqual({ guardian: '子女未满 14 周岁，需要监护人同意' })
    expect(check(4, { ...young, consents: { guardian: true } })).toEqual({})
  })
})
