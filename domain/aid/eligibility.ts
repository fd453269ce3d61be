import { formatFen } from '../money'
import { chinaDateText } from './dates'
import { amountFor, HARDSHIP_NAMES, HARDSHIP_STATUS_NAMES, hardshipStatus, SCHOOL_LEVEL_NAMES, type HardshipCategory, type ProgrammeRules, type SchoolLevel, windowState } from './programme'

/** The questions asked before the form. */
export interface EligibilityAnswers {
  isMember: boolean
  admittedThisYear: boolean
  level: SchoolLevel | null
  category: HardshipCategory | null
}

export type EligibilityResult =
  | { eligible: true; amountFen: number; message: string }
  | { eligible: false; reason: string; contact: string }

/** A clear answer: eligible (and for how much), or why not and whom to ask. */
export function checkEligibility(answers: EligibilityAnswers, programme: (ProgrammeRules & { unionName: string }) | null, now: Date): EligibilityResult {
  const contact = programme ? `如有疑问，请联系${programme.unionName}或所在基层工会` : '如有疑问，请联系所在基层工会'
  if (!answers.isMember) return { eligible: false, reason: '金秋助学面向工会会员家庭，请先入会', contact: '入会请到首页“入会 / 转会”或联系单位工会' }
  if (!programme) return { eligible: false, reason: '你所在的工会今年没有开放金秋助学申请', contact }
  const state = windowState(programme, now)
  if (state === 'not_open') return { eligible: false, reason: `申请将于 ${chinaDateText(programme.opensAt)} 开始`, contact }
  if (state === 'closed') return { eligible: false, reason: '今年的申请已经截止', contact }
  if (!answers.admittedThisYear && programme.funds === 'new_only') return { eligible: false, reason: `只资助 ${programme.year} 年新录取的学生`, contact }
  if (!answers.level) return { eligible: false, reason: '请选择子女的学段', contact }
  if (!programme.amounts[answers.level]) return { eligible: false, reason: `本项目不资助${SCHOOL_LEVEL_NAMES[answers.level]}学生`, contact }
  if (!answers.category || !programme.categories.includes(answers.category)) {
    return { eligible: false, reason: `本项目资助的困难类别为：${programme.categories.map((c) => HARDSHIP_NAMES[c]).join('、')}`, contact }
  }
  const amount = amountFor(programme.amounts, answers.level, answers.category) ?? 0
  const status = HARDSHIP_STATUS_NAMES[hardshipStatus(answers.category)]
  return { eligible: true, amountFen: amount, message: `可以申请，${SCHOOL_LEVEL_NAMES[answers.level]}（${status}）资助标准 ${formatFen(amount)}` }
}
