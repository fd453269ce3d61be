import { luhnValid } from '../../domain/bankcard'
import { checkCharacter } from '../../domain/idcard'

/**
 * Made-up values that pass the app's own checks, for demos, benchmarks and tests: an ID number and
 * a bank card that validate, and the smallest PNG and PDF the upload check accepts (made here rather
 * than committed as binaries).
 */

/** A valid ID number for a birth date (YYYYMMDD) and sequence. */
export function idFor(birth: string, seq = '123', region = '150102'): string {
  const first17 = `${region}${birth}${seq}`
  return first17 + checkCharacter(first17)
}

/** A Luhn-valid card number from a prefix. */
export function cardFor(prefix = '622202000000000'): string {
  for (let d = 0; d < 10; d++) if (luhnValid(`${prefix}${d}`)) return `${prefix}${d}`
  throw new Error('unreachable')
}

/** A 1×1 PNG and a tiny PDF. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
