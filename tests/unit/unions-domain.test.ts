import * as v from 'valibot'
import { AddUnionInput, NewUnionCode, UnionLevel } from '../../domain/contract'
import { CHILD_LEVELS, levelProblem, regionPrefix, regionProblem } from '../../domain/unions'

/** The rules 组织管理 checks in the app before sending and in the cloud again (domain/unions.ts). */
describe('which unions may sit below which', () => {
  it('a county forms street unions, 联合会 and grassroots unions; a grassroots union nothing', () => {
    expect(CHILD_LEVELS.county).toEqual(['street', 'industry', 'newforms', 'grassroots'])
    expect(levelProblem('grassroots', { level: 'street', name: '示例街道工会' })).toBeNull()
    expect(levelProblem('county', { level: 'county', name: '示例区总工会' })).toBe('「示例区总工会」下只能设：乡镇（街道）工会、行业工会联合会、新业态工会联合会、基层工会')
    expect(levelProblem('grassroots', { level: 'grassroots', name: '示例公司工会' })).toBe('「示例公司工会」是基层工会，下面不能再设工会')
    // Every level below is a real level, and nothing sits below itself at the top.
    for (const level of UnionLevel.options) for (const child of CHILD_LEVELS[level]) expect(UnionLevel.options).toContain(child)
    expect(CHILD_LEVELS.national).not.toContain('national')
  })

  it('a region code stays inside the parent’s area: a province’s two digits, a city’s four, a county’s six', () => {
    expect(regionPrefix('province', '150000')).toBe('15')
    expect(regionPrefix('city', '150100')).toBe('1501')
    expect(regionPrefix('county', '150102')).toBe('150102')
    expect(regionPrefix('national', '100000')).toBe('')
    expect(regionProblem('150102', { level: 'city', regionCode: '150100', name: '呼和浩特市总工会' })).toBeNull()
    expect(regionProblem('150203', { level: 'city', regionCode: '150100', name: '呼和浩特市总工会' })).toBe('须在上级「呼和浩特市总工会」的地区内：以 1501 开头')
    expect(regionProblem('150103', { level: 'county', regionCode: '150102', name: '新城区总工会' })).toBe('须与上级「新城区总工会」相同：150102')
    expect(regionProblem('15010', { level: 'county', regionCode: '150102', name: '新城区总工会' })).toBe('行政区划代码须为 6 位数字')
  })

  it('a new code: 2–32 of a-z, 0-9 and “-”, not starting or ending with “-”, upper case read as lower', () => {
    expect(v.parse(NewUnionCode, ' HHHT-XC-WL ')).toBe('hhht-xc-wl')
    expect(v.safeParse(NewUnionCode, 'x').success).toBe(false)
    expect(v.safeParse(NewUnionCode, 'a'.repeat(33)).success).toBe(false)
    expect(v.safeParse(NewUnionCode, 'xc-').success).toBe(false)
    expect(v.safeParse(NewUnionCode, 'xc wl').success).toBe(false)
    expect(v.safeParse(AddUnionInput, { parentId: 'hhht-xc', level: 'grassroots', name: '示例（演示）工会', regionCode: '150102', code: 'xc-1', idempotencyKey: 'abcdefgh' }).success).toBe(true)
  })
})
