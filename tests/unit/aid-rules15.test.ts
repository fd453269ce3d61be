import { checkEligibility } from '../../domain/aid/eligibility'
import { admissionProblem, amountFor, excludedBy, hardshipStatus, maxYearsProblem, readAmounts, readRules, type ProgrammeRules } from '../../domain/aid/programme'
import { timeline } from '../../domain/aid/machine'
import { checkStep, type ApplyValues } from '../../domain/aid/steps'
import { cardFor, idFor } from '../helpers/aid'

/** #15 items 1–5 as pure rules: amounts by 建档 status, exclusions, continuing students, the visit on the timeline. */
const RULES: ProgrammeRules & { unionName: string } = {
  unionName: '呼和浩特市总工会',
  year: 2026,
  opensAt: '2026-10-31T16:00:00.000Z',
  closesAt: '2026-12-31T16:00:00.000Z',
  amounts: { undergraduate: { registered: 500000, other: 400000 }, high_school: { registered: 300000, other: 200000 } },
  categories: ['dibao', 'accident', 'other'],
  requiredDocuments: [],
  noticeDays: 5,
  excludes: ['military', 'government_aid'],
  funds: 'enrolled_too',
  maxYears: 3,
  homeVisit: true,
}

describe('金秋助学 #15 rules', () => {
  it('pays 建档 families their level’s higher amount, everyone else the 非建档 one', () => {
    expect(['dibao', 'unprotected', 'dibao_edge', 'accident', 'other'].map((c) => hardshipStatus(c as 'dibao'))).toEqual(['registered', 'registered', 'registered', 'registered', 'other'])
    expect(amountFor(RULES.amounts, 'undergraduate', 'dibao')).toBe(500000)
    expect(amountFor(RULES.amounts, 'undergraduate', 'other')).toBe(400000)
    expect(amountFor(RULES.amounts, 'high_school', 'accident')).toBe(300000)
    expect(amountFor(RULES.amounts, 'postgraduate', 'dibao')).toBeUndefined()
  })

  it('reads an old one-amount-per-level programme as the same amount for both statuses, and its missing rules as before', () => {
    expect(readAmounts({ undergraduate: 500000, high_school: { registered: 3, other: 2 } })).toEqual({ undergraduate: { registered: 500000, other: 500000 }, high_school: { registered: 3, other: 2 } })
    const old = readRules({ year: 2025, opensAt: '', closesAt: '', amounts: { junior_college: 100 }, categories: [], requiredDocuments: [], noticeDays: 5 })
    expect(old).toMatchObject({ excludes: [], funds: 'new_only', maxYears: 1, homeVisit: false, amounts: { junior_college: { registered: 100, other: 100 } } })
  })

  it('an exclusion the programme names stops a yes, one it does not name is only recorded', () => {
    const no = { military: false, free_teacher: false, directed: false, government_aid: false }
    expect(excludedBy(RULES.excludes, no)).toBeNull()
    expect(excludedBy(RULES.excludes, { ...no, directed: true })).toBeNull()
    expect(excludedBy(RULES.excludes, { ...no, government_aid: true })).toBe('本项目不资助已获政府同类资助')
  })

  it('continuing students: admission years and the most years one child is funded', () => {
    expect(admissionProblem(RULES, 2025)).toBeNull()
    expect(admissionProblem(RULES, 2027)).toContain('不能晚于')
    expect(admissionProblem({ ...RULES, funds: 'new_only' }, 2025)).toBe('本项目只资助 2026 年新录取的学生')
    expect(maxYearsProblem(3, 2)).toBeNull()
    expect(maxYearsProblem(3, 3)).toBe('这名子女已获资助 3 年，本项目每名子女最多资助 3 年')
  })

  it('eligibility: an enrolled student may apply where the programme funds them; the amount follows the status', () => {
    const now = new Date('2026-11-23T08:00:00.000Z')
    const yes = { isMember: true, admittedThisYear: false, level: 'undergraduate' as const, category: 'other' as const }
    expect(checkEligibility(yes, RULES, now)).toMatchObject({ eligible: true, amountFen: 400000, message: expect.stringContaining('非建档') })
    expect(checkEligibility({ ...yes, category: 'dibao' }, RULES, now)).toMatchObject({ eligible: true, amountFen: 500000 })
    expect(checkEligibility(yes, { ...RULES, funds: 'new_only' }, now)).toMatchObject({ eligible: false })
  })

  it('the form stops at a yes the programme excludes and at an unanswered question, with the cloud’s words', () => {
    const values: ApplyValues = {
      child: { name: '张小明', idNumber: idFor('20080510'), relation: 'parent', school: '内蒙古大学（示例）', major: '', level: 'undergraduate' },
      household: { size: '3', annualIncomeYuan: '36000', category: 'dibao', description: '示例', migrantWorker: null },
      declarations: { military: false, free_teacher: false, directed: null, government_aid: false },
      documents: [],
      consents: { sensitive: true, guardian: false },
      bank: '示例银行',
      cardNumber: cardFor(),
    }
    const context = { today: '2026-11-23', requiredDocuments: [], excludes: RULES.excludes, keepsNumbers: false }
    expect(checkStep(2, values, context)).toEqual({ migrantWorker: '请回答是否农民工家庭', declarations: '请回答是否定向/委培学生' })
    const answered = { ...values, household: { ...values.household, migrantWorker: true }, declarations: { military: true, free_teacher: false, directed: false, government_aid: false } }
    expect(checkStep(2, answered, context)).toEqual({ declarations: '本项目不资助军事院校学生' })
    // A renewal may leave the ID and card numbers empty; a new application may not.
    const empty = { ...answered, child: { ...answered.child, idNumber: '' }, cardNumber: '' }
    expect(checkStep(1, empty, { ...context, keepsNumbers: true })).toEqual({})
    expect(checkStep(4, empty, { ...context, keepsNumbers: true })).toEqual({})
    expect(checkStep(1, empty, context)).toMatchObject({ idNumber: '请填写子女身份证号' })
  })

  it('the home visit shows on level one’s step of the timeline', () => {
    const checks = { housing: true, members: true, income: false, enrolled: true }
    const steps = timeline({ status: 'verified', submittedAt: '2026-11-05T02:00:00.000Z', homeVisit: { visitedOn: '2026-11-10', checks } })
    expect(steps.find((s) => s.key === 'level_one')).toMatchObject({ state: 'done', detail: '入户核查 2026-11-10，1 项存疑' })
  })
})
