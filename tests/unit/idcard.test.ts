import { ageOn, checkCharacter, maskIdCard, parseIdCard } from '../../domain/idcard'

const TODAY = '2026-11-23'

/** Builds a number with a correct check character (all test data is fictional). */
const withCheck = (first17: string) => first17 + checkCharacter(first17)

describe('parseIdCard (GB 11643)', () => {
  it('accepts the standard’s own example and derives birth date and gender', () => {
    // 11010519491231002X is the worked example printed in GB 11643-1999.
    expect(parseIdCard('11010519491231002x', TODAY)).toEqual({
      ok: true,
      info: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' },
    })
    const man = withCheck('15010219900101001')
    expect(parseIdCard(man, TODAY)).toMatchObject({ ok: true, info: { gender: 'male', birthDate: '1990-01-01' } })
  })

  it.each([
    ['too short', '1101051949123100', 'length'],
    ['too long', '1101051949123100211', 'length'],
    ['X not last', '11010519491231002X1', 'characters'],
    ['letters inside', '1101051949A231002X', 'characters'],
    ['emoji', '110105194912😀02X', 'characters'],
    ['unknown province', withCheck('99010519491231002'), 'region'],
    ['30 February', withCheck('15010219900230001'), 'date'],
    ['month 13', withCheck('15010219901301001'), 'date'],
    ['born 1890', withCheck('15010218900101001'), 'date'],
    ['born tomorrow', withCheck('15010220261124001'), 'future'],
    ['wrong check character', '110105194912310021', 'checksum'],
  ])('refuses %s', (_label, input, problem) => {
    expect(parseIdCard(input, TODAY)).toEqual({ ok: false, problem })
  })

  it('29 February exists only in leap years', () => {
    expect(parseIdCard(withCheck('15010220000229001'), TODAY).ok).toBe(true)
    expect(parseIdCard(withCheck('15010219000229001'), TODAY)).toEqual({ ok: false, problem: 'date' })
  })
})

describe('ageOn', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('2010-11-23', '2026-11-23')).toBe(16)
    expect(ageOn('2010-11-24', '2026-11-23')).toBe(15)
    expect(ageOn('2010-12-01', '2026-11-23')).toBe(15)
  })
})

describe('maskIdCard', () => {
  it('shows the region and the last four only', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X')
    expect(maskIdCard('123')).toBe('***')
  })
})
