import { ageOn, ID_CARD_MESSAGES, parseIdCard } from '../idcard'
import type { SchoolLevel } from './programme'

/** Youngest plausible age on admission for each level: younger means a mistyped ID number. */
export const MIN_AGE: Record<SchoolLevel, number> = { vocational: 11, high_school: 11, junior_college: 15, undergraduate: 15, postgraduate: 18 }
/** A guardian consents for a child under this age (个人信息保护法). */
export const GUARDIAN_CONSENT_UNDER = 14

export interface ChildCheck {
  ok: boolean
  message?: string
  age?: number
}

/** Checks the child's ID number and that the age fits the level; `today` is YYYY-MM-DD. */
export function checkChild(idNumber: string, level: SchoolLevel, today: string): ChildCheck {
  const parsed = parseIdCard(idNumber, today)
  if (!parsed.ok) return { ok: false, message: `子女${ID_CARD_MESSAGES[parsed.problem]}` }
  const age = ageOn(parsed.info.birthDate, today)
  if (age < MIN_AGE[level]) {
    return { ok: false, age, message: `按身份证号子女今年 ${age} 岁，与所填学段不符，请核对身份证号` }
  }
  return { ok: true, age }
}

export function needsGuardianConsent(age: number): boolean {
  return age < GUARDIAN_CONSENT_UNDER
}
