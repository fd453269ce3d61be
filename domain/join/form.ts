import * as v from 'valibot'
import { ageOn, ID_CARD_MESSAGES, parseIdCard } from '../idcard'
import { EDUCATIONS, EMPLOYMENT_KEYS, ETHNICITIES, HUKOU_TYPES, MIN_JOIN_AGE, POLITICAL_STATUSES } from './options'

/**
 * The join form's rules, shared by the app (inline, as the person types) and the cloud (again,
 * authoritative). Each message names the field it is about. Rules that need today's date (a birth
 * date in the future, under 16) are in `checkJoinForm`, which takes `today`.
 */

/** An ID number's problem ignoring today's date (that part needs the clock). */
function idCardProblem(value: string): string | null {
  const result = parseIdCard(value, '9999-12-31')
  return result.ok ? null : ID_CARD_MESSAGES[result.problem]
}

const NAME_CHARS = /^[\u3400-\u9fffA-Za-z·•. ]+$/

export const Name = v.pipe(
  v.string('请填写姓名'),
  v.trim(),
  v.minLength(1, '请填写姓名'),
  v.maxLength(30, '姓名不能超过 30 个字'),
  v.regex(NAME_CHARS, '姓名只能包含汉字、字母和间隔号“·”'),
)

export const IdNumber = v.pipe(
  v.string('请填写身份证号'),
  v.trim(),
  v.minLength(1, '请填写身份证号'),
  v.maxLength(18, ID_CARD_MESSAGES.length),
  v.check((value) => idCardProblem(value) === null, (issue) => idCardProblem(String(issue.input)) ?? ID_CARD_MESSAGES.length),
  v.toUpperCase(),
)

export const Phone = v.pipe(v.string('请填写手机号'), v.trim(), v.minLength(1, '请填写手机号'), v.regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头'))

export const UnionCode = v.pipe(
  v.string('请提供工会编码'),
  v.trim(),
  v.minLength(1, '请输入工会编码'),
  v.maxLength(32, '工会编码不超过 32 个字符'),
  v.regex(/^[a-z0-9-]+$/, '工会编码只包含小写字母、数字和“-”'),
)

export const joinFormEntries = {
  name: Name,
  idNumber: IdNumber,
  phone: Phone,
  ethnicity: v.picklist(ETHNICITIES, '请选择民族'),
  education: v.picklist(EDUCATIONS, '请选择学历'),
  politicalStatus: v.picklist(POLITICAL_STATUSES, '请选择政治面貌'),
  hukou: v.picklist(HUKOU_TYPES, '请选择户籍类型（城镇或农村）'),
  employer: v.pipe(v.string('请填写工作单位'), v.trim(), v.minLength(1, '请填写工作单位（灵活就业可填平台名称）'), v.maxLength(60, '工作单位不能超过 60 个字')),
  employment: v.picklist(EMPLOYMENT_KEYS, '请选择就业形态'),
  consentPersonal: v.literal(true, '请阅读并同意《个人信息处理规则》'),
  consentSensitive: v.literal(true, '请单独同意处理你的身份证号（敏感个人信息）'),
}

export const JoinForm = v.strictObject(joinFormEntries)
export type JoinForm = v.InferOutput<typeof JoinForm>
export type JoinFormField = keyof typeof joinFormEntries
export const JOIN_FORM_FIELDS = Object.keys(joinFormEntries) as JoinFormField[]

/** What the person typed so far; every field may still be empty. */
export type JoinDraft = { [K in JoinFormField]?: unknown }

export interface DerivedFromId {
  gender: 'male' | 'female'
  birthDate: string
  age: number
}

/** Gender, birth date and age follow from a valid ID number: shown, never asked. */
export function deriveFromId(idNumber: string, today: string): DerivedFromId | null {
  const parsed = parseIdCard(idNumber, today)
  if (!parsed.ok) return null
  return { gender: parsed.info.gender, birthDate: parsed.info.birthDate, age: ageOn(parsed.info.birthDate, today) }
}

/** The date-dependent rules of the ID number: not in the future, at least 16 years old. */
export function idNumberOnDate(idNumber: string, today: string): string | null {
  const parsed = parseIdCard(idNumber, today)
  if (!parsed.ok) return ID_CARD_MESSAGES[parsed.problem]
  if (ageOn(parsed.info.birthDate, today) < MIN_JOIN_AGE) return `未满 ${MIN_JOIN_AGE} 周岁不能入会`
  return null
}

/**
 * Every field's first problem (empty when the form is complete and valid). `today` is YYYY-MM-DD
 * in China time. Used by the form as the person types, and by the cloud after the schema.
 */
export function checkJoinForm(draft: JoinDraft, today: string): Partial<Record<JoinFormField, string>> {
  const errors: Partial<Record<JoinFormField, string>> = {}
  for (const field of JOIN_FORM_FIELDS) {
    const result = v.safeParse(joinFormEntries[field], draft[field], { abortPipeEarly: true })
    if (!result.success) errors[field] = result.issues[0].message
  }
  if (!errors.idNumber && typeof draft.idNumber === 'string') {
    const problem = idNumberOnDate(draft.idNumber.trim(), today)
    if (problem) errors.idNumber = problem
  }
  return errors
}

/** How long an application has waited, in words: 3 分钟, 5 小时, 2 天. */
export function waitedText(fromIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(fromIso).getTime()) / 60000))
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} 小时`
  return `${Math.floor(hours / 24)} 天`
}
