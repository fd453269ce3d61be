/** A 金秋助学 programme as a union configures it for one year. Pure: `now` comes from the caller. */
export const SCHOOL_LEVELS = ['vocational', 'high_school', 'junior_college', 'undergraduate', 'postgraduate'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]
export const SCHOOL_LEVEL_NAMES: Record<SchoolLevel, string> = { vocational: '中职', high_school: '高中', junior_college: '专科', undergraduate: '本科', postgraduate: '研究生' }

export const HARDSHIP_CATEGORIES = ['dibao', 'unprotected', 'dibao_edge', 'accident', 'other'] as const
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number]
export const HARDSHIP_NAMES: Record<HardshipCategory, string> = {
  dibao: '低保户',
  unprotected: '应保未保户',
  dibao_edge: '低保边缘户',
  accident: '意外致困户',
  other: '其他困难',
}

/** 建档 (registered hardship) families: programmes pay them more than the others (非建档). */
export const REGISTERED_CATEGORIES: readonly HardshipCategory[] = ['dibao', 'unprotected', 'dibao_edge', 'accident']
export type HardshipStatus = 'registered' | 'other'
export const HARDSHIP_STATUS_NAMES: Record<HardshipStatus, string> = { registered: '建档', other: '非建档' }
export const hardshipStatus = (category: HardshipCategory): HardshipStatus => (REGISTERED_CATEGORIES.includes(category) ? 'registered' : 'other')

/** The amount of one level, in fen, by hardship status. */
export interface LevelAmount {
  registered: number
  other: number
}
export type Amounts = Partial<Record<SchoolLevel, LevelAmount>>
/** Amounts as stored: programmes saved before #15 hold one number per level. */
export type StoredAmounts = Partial<Record<SchoolLevel, number | LevelAmount>>

/** Reads stored amounts without a migration: an old single amount is the same for both statuses. */
export function readAmounts(stored: StoredAmounts): Amounts {
  const out: Amounts = {}
  for (const level of SCHOOL_LEVELS) {
    const a = stored[level]
    if (a !== undefined) out[level] = typeof a === 'number' ? { registered: a, other: a } : a
  }
  return out
}

/** The standard for a level and category, in fen; undefined: the level is not funded. */
export function amountFor(amounts: Amounts, level: SchoolLevel, category: HardshipCategory): number | undefined {
  return amounts[level]?.[hardshipStatus(category)]
}

/** What the parent declares, yes or no: a programme chooses which of them exclude a student. */
export const EXCLUSIONS = ['military', 'free_teacher', 'directed', 'government_aid'] as const
export type Exclusion = (typeof EXCLUSIONS)[number]
export const EXCLUSION_NAMES: Record<Exclusion, string> = {
  military: '军事院校学生',
  free_teacher: '免费师范生',
  directed: '定向/委培学生',
  government_aid: '已获政府同类资助',
}
export type Declarations = Record<Exclusion, boolean>

/** The first declared yes the programme excludes, as a message; null: none. */
export function excludedBy(excludes: readonly Exclusion[], declared: Declarations): string | null {
  const hit = excludes.find((e) => declared[e])
  return hit ? `本项目不资助${EXCLUSION_NAMES[hit]}` : null
}

/** Which school years a programme funds: newly admitted only, or also students already enrolled (在校就读). */
export const FUNDED_YEARS = ['new_only', 'enrolled_too'] as const
export type FundedYears = (typeof FUNDED_YEARS)[number]

export const DOCUMENT_KINDS = ['admission_letter', 'hardship_proof', 'household_register'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]
export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  admission_letter: '录取通知书',
  hardship_proof: '困难证明（低保证、收入证明等）',
  household_register: '户口簿',
}

export interface ProgrammeRules {
  year: number
  /** ISO instants: applications are accepted from opensAt (inclusive) until closesAt (exclusive). */
  opensAt: string
  closesAt: string
  /** Amount per level and status in fen; a level absent here is not funded. */
  amounts: Amounts
  categories: HardshipCategory[]
  requiredDocuments: DocumentKind[]
  noticeDays: number
  /** The declarations that exclude a student. */
  excludes: Exclusion[]
  funds: FundedYears
  /** How many programme years one child may be funded in all. */
  maxYears: number
  /** Level two approves only after level one recorded a home visit (入户核查). */
  homeVisit: boolean
}

/** Rules as stored: those added with #15 are absent from older programmes. */
export type StoredRules = Omit<ProgrammeRules, 'amounts' | 'excludes' | 'funds' | 'maxYears' | 'homeVisit'> & {
  amounts: StoredAmounts
} & Partial<Pick<ProgrammeRules, 'excludes' | 'funds' | 'maxYears' | 'homeVisit'>>

/** A stored programme's rules, older ones read as they worked: newly admitted only, once, no exclusion or visit asked. */
export function readRules<T extends StoredRules>(stored: T): Omit<T, keyof ProgrammeRules> & ProgrammeRules {
  return { ...stored, amounts: readAmounts(stored.amounts), excludes: stored.excludes ?? [], funds: stored.funds ?? 'new_only', maxYears: stored.maxYears ?? 1, homeVisit: stored.homeVisit ?? false }
}

/** Whether a child admitted in `admissionYear` may be funded in the programme's year; a message when not. */
export function admissionProblem(rules: Pick<ProgrammeRules, 'year' | 'funds'>, admissionYear: number): string | null {
  if (admissionYear > rules.year) return `录取年份不能晚于 ${rules.year} 年`
  if (rules.funds === 'new_only' && admissionYear !== rules.year) return `本项目只资助 ${rules.year} 年新录取的学生`
  if (admissionYear < rules.year - 8) return '录取年份不正确'
  return null
}

/** The refusal for a child already funded `fundedYears` times; null when another year is allowed. */
export function maxYearsProblem(maxYears: number, fundedYears: number): string | null {
  return fundedYears >= maxYears ? `这名子女已获资助 ${fundedYears} 年，本项目每名子女最多资助 ${maxYears} 年` : null
}

export const DEFAULT_NOTICE_DAYS = 5

export type WindowState = 'not_open' | 'open' | 'closed'

export function windowState(p: Pick<ProgrammeRules, 'opensAt' | 'closesAt'>, now: Date): WindowState {
  const t = now.getTime()
  if (t < Date.parse(p.opensAt)) return 'not_open'
  if (t >= Date.parse(p.closesAt)) return 'closed'
  return 'open'
}

/** When a notice that starts at `start` ends. */
export function noticeEndsAt(start: Date, noticeDays: number): Date {
  return new Date(start.getTime() + noticeDays * 24 * 3600 * 1000)
}

/** The documents the programme requires that are not among `present`. */
export function missingDocuments(required: DocumentKind[], present: DocumentKind[]): DocumentKind[] {
  return required.filter((kind) => !present.includes(kind))
}

/** Per-capita monthly income in fen, rounded down, for reviewers (低保 lines are monthly, per person). */
export function perCapitaMonthlyFen(annualIncomeFen: number, householdSize: number): number {
  return Math.floor(annualIncomeFen / householdSize / 12)
}
