/** A 金秋助学 programme as a union configures it for one year. Pure: `now` comes from the caller. */
export const SCHOOL_LEVELS = ['undergraduate', 'junior_college', 'high_school'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]
export const SCHOOL_LEVEL_NAMES: Record<SchoolLevel, string> = { undergraduate: '本科', junior_college: '专科', high_school: '高中' }

export const HARDSHIP_CATEGORIES = ['dibao', 'unprotected', 'dibao_edge', 'accident', 'other'] as const
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number]
export const HARDSHIP_NAMES: Record<HardshipCategory, string> = {
  dibao: '低保户',
  unprotected: '应保未保户',
  dibao_edge: '低保边缘户',
  accident: '意外致困户',
  other: '其他困难',
}

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
  /** Amount per level in fen; a level absent here is not funded. */
  amounts: Partial<Record<SchoolLevel, number>>
  categories: HardshipCategory[]
  requiredDocuments: DocumentKind[]
  noticeDays: number
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
