import * as v from 'valibot'
import { SubmitInput } from '../contract/aid'
import { BANK_CARD_MESSAGES, parseBankCard } from '../bankcard'
import { yuanToFen } from '../money'
import { checkChild, needsGuardianConsent } from './child'
import { DOCUMENT_NAMES, EXCLUSION_NAMES, EXCLUSIONS, excludedBy, type Declarations, type DocumentKind, type Exclusion, type HardshipCategory, type SchoolLevel } from './programme'

/**
 * The 金秋助学 form in steps: which fields each step holds, and one check per step. A field's rule
 * and message are the contract's own schema (what the cloud checks again); only rules the contract
 * cannot state (the ID against the level and today, the programme's required documents, a guardian's
 * consent, a card's check digit) are added here, with their own messages.
 */

/** What the parent has typed (strings as typed); the ID and card numbers are never persisted. */
export interface ApplyValues {
  child: { name: string; idNumber: string; relation: 'parent' | 'guardian'; school: string; major: string; level: SchoolLevel | null }
  household: { size: string; annualIncomeYuan: string; category: HardshipCategory | null; description: string; migrantWorker: boolean | null }
  /** Each exclusion answered 是/否; null: not answered yet. */
  declarations: Record<Exclusion, boolean | null>
  documents: Array<{ kind: DocumentKind; fileId: string }>
  consents: { sensitive: boolean; guardian: boolean }
  bank: string
  cardNumber: string
}

export const APPLY_STEPS = [
  { title: '申请人', fields: [] },
  { title: '子女', fields: ['name', 'level', 'idNumber', 'relation', 'school', 'major'] },
  { title: '家庭', fields: ['size', 'income', 'category', 'description', 'migrantWorker', 'declarations'] },
  { title: '材料', fields: ['documents'] },
  { title: '同意与收款', fields: ['sensitive', 'guardian', 'bank', 'cardNumber'] },
] as const

export type ApplyField = (typeof APPLY_STEPS)[number]['fields'][number]
export type StepErrors = Partial<Record<ApplyField, string>>

const { child, household, consents, payout } = SubmitInput.entries
const schemas: Partial<Record<ApplyField, v.GenericSchema>> = {
  name: child.entries.name,
  level: child.entries.level,
  idNumber: child.entries.idNumber,
  relation: child.entries.relation,
  school: child.entries.school,
  major: child.entries.major,
  size: household.entries.size,
  income: household.entries.annualIncomeFen,
  category: household.entries.category,
  description: household.entries.description,
  sensitive: consents.entries.sensitive,
  bank: payout.entries.bank,
  cardNumber: payout.entries.cardNumber,
}

/** A typed number, or undefined when nothing is typed (so the contract says 请填写…). */
const typedNumber = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

/** Yuan as typed → fen for the contract; a minus sign is kept so the contract can say it is negative. */
function typedFen(text: string): number | undefined {
  const clean = text.trim()
  if (clean === '') return undefined
  const negative = clean.startsWith('-')
  const fen = yuanToFen(negative ? clean.slice(1) : clean)
  return fen === null ? Number.NaN : negative ? -fen : fen
}

/** Each field's value as the contract takes it. */
function contractValue(field: ApplyField, values: ApplyValues): unknown {
  switch (field) {
    case 'size':
      return typedNumber(values.household.size)
    case 'income':
      return typedFen(values.household.annualIncomeYuan)
    case 'category':
      return values.household.category ?? undefined
    case 'description':
      return values.household.description
    case 'level':
      return values.child.level ?? undefined
    case 'name':
    case 'idNumber':
    case 'relation':
    case 'school':
    case 'major':
      return values.child[field]
    case 'sensitive':
      return values.consents.sensitive
    case 'bank':
      return values.bank
    case 'cardNumber':
      return values.cardNumber.replace(/\s/g, '')
    default:
      return undefined
  }
}

export interface StepContext {
  /** YYYY-MM-DD, China time. */
  today: string
  requiredDocuments: readonly DocumentKind[]
  /** The programme's exclusions: a yes to one of them stops the form with the cloud's message. */
  excludes: readonly Exclusion[]
  /** A renewal (or a correction) may leave the ID and card numbers empty: the cloud keeps last time's. */
  keepsNumbers: boolean
}

/** The child's age from a valid ID number that fits the level, else undefined. */
export function childAge(values: ApplyValues, today: string): number | undefined {
  const { idNumber, level } = values.child
  if (!idNumber.trim() || !level) return undefined
  const checked = checkChild(idNumber.trim(), level, today)
  return checked.ok ? checked.age : undefined
}

/** Whether the guardian's consent is asked (a child under 14 by the ID number). */
export function asksGuardian(values: ApplyValues, today: string): boolean {
  const age = childAge(values, today)
  return age !== undefined && needsGuardianConsent(age)
}

/** Every field of the step with its first problem, in the field order of the step (empty when it is complete). */
export function checkStep(step: number, values: ApplyValues, context: StepContext): StepErrors {
  const errors: StepErrors = {}
  for (const field of APPLY_STEPS[step]?.fields ?? []) {
    const schema = schemas[field]
    if (!schema) continue
    if (context.keepsNumbers && (field === 'idNumber' || field === 'cardNumber') && !String(contractValue(field, values) ?? '').trim()) continue
    const result = v.safeParse(schema, contractValue(field, values), { abortPipeEarly: true })
    if (!result.success) errors[field] = result.issues[0].message
  }
  if (step === 1 && !errors.idNumber && values.child.level && values.child.idNumber.trim()) {
    const checked = checkChild(values.child.idNumber.trim(), values.child.level, context.today)
    if (!checked.ok && checked.message) errors.idNumber = checked.message
  }
  if (step === 2) {
    if (values.household.migrantWorker === null) errors.migrantWorker = '请回答是否农民工家庭'
    const unanswered = EXCLUSIONS.find((e) => values.declarations[e] === null)
    if (unanswered) errors.declarations = `请回答是否${EXCLUSION_NAMES[unanswered]}`
    else errors.declarations = excludedBy(context.excludes, values.declarations as Declarations) ?? undefined
    if (!errors.declarations) delete errors.declarations
    if (!errors.migrantWorker) delete errors.migrantWorker
  }
  if (step === 3) {
    const missing = context.requiredDocuments.filter((k) => !values.documents.some((d) => d.kind === k))
    if (missing.length) errors.documents = `请上传：${missing.map((k) => DOCUMENT_NAMES[k]).join('、')}`
  }
  if (step === 4) {
    if (asksGuardian(values, context.today) && !values.consents.guardian) errors.guardian = '子女未满 14 周岁，需要监护人同意'
    if (!errors.cardNumber && values.cardNumber.trim()) {
      const card = parseBankCard(values.cardNumber)
      if (!card.ok) errors.cardNumber = BANK_CARD_MESSAGES[card.problem]
    }
  }
  return errors
}

/** The first problem of a step in its field order, or null. */
export function firstProblem(step: number, errors: StepErrors): string | null {
  for (const field of APPLY_STEPS[step]?.fields ?? []) if (errors[field]) return errors[field]!
  return null
}

/** Text as typed, or undefined when empty (a renewal keeps last time's number). */
const typedOrKept = (text: string) => text || undefined

/** The application's fields as the contract takes them (after every step passed). */
export function toApplication(values: ApplyValues, admissionYear: number) {
  return {
    child: { name: values.child.name.trim(), idNumber: typedOrKept(values.child.idNumber.trim()), relation: values.child.relation, school: values.child.school.trim(), major: values.child.major.trim(), admissionYear, level: values.child.level! },
    household: { size: Number(values.household.size), annualIncomeFen: yuanToFen(values.household.annualIncomeYuan) ?? 0, category: values.household.category!, description: values.household.description.trim(), migrantWorker: values.household.migrantWorker ?? false },
    declarations: Object.fromEntries(EXCLUSIONS.map((e) => [e, values.declarations[e] ?? false])) as Declarations,
    documents: values.documents.map(({ kind, fileId }) => ({ kind, fileId })),
    consents: { sensitive: true as const, guardian: values.consents.guardian },
    payout: { bank: values.bank.trim(), cardNumber: typedOrKept(values.cardNumber.replace(/\s/g, '')) },
  }
}
