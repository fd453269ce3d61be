/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd for
 * men), 1 check character (ISO 7064 MOD 11-2, 'X' for 10). Pure: the caller passes "today".
 */
export type IdCardProblem = 'length' | 'characters' | 'region' | 'date' | 'future' | 'checksum'

export interface IdCardInfo {
  /** Normalised: upper-case X. */
  number: string
  regionCode: string
  /** YYYY-MM-DD */
  birthDate: string
  gender: 'male' | 'female'
}

export const ID_CARD_MESSAGES: Record<IdCardProblem, string> = {
  length: '身份证号应为 18 位',
  characters: '身份证号只能包含数字，最后一位可以是 X',
  region: '身份证号前两位不是有效的地区代码',
  date: '身份证号中的出生日期无效',
  future: '身份证号中的出生日期晚于今天',
  checksum: '身份证号校验位不正确，请核对',
}

/** 省级行政区划代码 (the first two digits), 台港澳 included. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
])

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** `today` as YYYY-MM-DD (China time), so the rule has no clock of its own. */
export function parseIdCard(input: string, today: string): { ok: true; info: IdCardInfo } | { ok: false; problem: IdCardProblem } {
  const number = input.trim().toUpperCase()
  // Characters first: an emoji is two code units and would otherwise read as a length problem.
  if (!/^\d*X?$/.test(number)) return { ok: false, problem: 'characters' }
  if (number.length !== 18) return { ok: false, problem: 'length' }
  if (!PROVINCES.has(number.slice(0, 2))) return { ok: false, problem: 'region' }
  const y = Number(number.slice(6, 10))
  const m = Number(number.slice(10, 12))
  const d = Number(number.slice(12, 14))
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, problem: 'date' }
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`
  if (birthDate > today) return { ok: false, problem: 'future' }
  if (checkCharacter(number.slice(0, 17)) !== number[17]) return { ok: false, problem: 'checksum' }
  return { ok: true, info: { number, regionCode: number.slice(0, 6), birthDate, gender: Number(number[16]) % 2 === 1 ? 'male' : 'female' } }
}

/** Whole years of age on `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [ty, tm, td] = today.split('-').map(Number)
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

/** 110105********1234: the only form an ID number is ever shown in. */
export function maskIdCard(number: string): string {
  return number.length === 18 ? `${number.slice(0, 6)}********${number.slice(14)}` : '*'.repeat(number.length)
}
