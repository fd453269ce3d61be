/** Bank card numbers (银联): 12–19 digits with a Luhn check digit. Shown only masked. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export type BankCardProblem = 'characters' | 'length' | 'checksum'

export const BANK_CARD_MESSAGES: Record<BankCardProblem, string> = {
  characters: '银行卡号只能包含数字',
  length: '银行卡号应为 12 到 19 位数字',
  checksum: '银行卡号校验不通过，请核对',
}

/** Spaces are allowed while typing; returns the digits or the problem. */
export function parseBankCard(input: string): { ok: true; number: string } | { ok: false; problem: BankCardProblem } {
  const number = input.replace(/\s/g, '')
  if (!/^\d*$/.test(number)) return { ok: false, problem: 'characters' }
  if (number.length < 12 || number.length > 19) return { ok: false, problem: 'length' }
  if (!luhnValid(number)) return { ok: false, problem: 'checksum' }
  return { ok: true, number }
}

/** **** **** **** 1234 */
export function maskBankCard(number: string): string {
  return `**** ${number.slice(-4)}`
}
