import { checkCharacter } from '../idcard'

/**
 * A well-formed fictional ID number (for tests, the bench and demo data only): region code,
 * birth date YYYYMMDD and a 3-digit sequence (odd for men), with the right check character.
 */
export function fictionalIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`
  return `${first17}${checkCharacter(first17)}`
}
