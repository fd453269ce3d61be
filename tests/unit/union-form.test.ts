import type { OrgUnion } from '@domain/contract'
import { checkAddUnion, checkEditUnion, initialUnionForm, type UnionFormValues } from '@domain/org/unionForm'

const union = (over: Partial<OrgUnion>): OrgUnion => ({
  id: 'xc', code: 'xc', name: '示例区总工会（演示）', level: 'county', parentName: '示例市总工会（演示）', path: ['示例市总工会（演示）', '示例区总工会（演示）'],
  parentId: 'city', regionCode: '150102', status: 'active', own: true, pending: null, membersNotified: null, closedAt: null, ...over,
})
const county = union({})
const city = union({ id: 'hhht', code: 'hhht', name: '示例市总工会（演示）', level: 'city', regionCode: '150100' })
const ready: UnionFormValues = { name: '示例物流有限公司工会', level: 'grassroots', regionCode: '150102', code: 'hhht-xc-wl' }

describe('组织管理 union form: what it starts with', () => {
  it('adding below a county: no level chosen for the person, its whole region code', () => {
    expect(initialUnionForm(county, null)).toEqual({ name: '', level: undefined, regionCode: '150102', code: '' })
  })
  it('adding below a city: the first four digits; below a street, the only level there is', () => {
    expect(initialUnionForm(city, null).regionCode).toBe('1501')
    expect(initialUnionForm(union({ level: 'street' }), null).level).toBe('grassroots')
  })
  it('editing: the union as it is', () => {
    expect(initialUnionForm(null, county)).toEqual({ name: county.name, level: undefined, regionCode: '150102', code: 'xc' })
  })
})

describe('组织管理 union form: adding', () => {
  it('a complete form has no problem', () => {
    expect(checkAddUnion(ready, county)).toEqual({})
  })

  it('each field in the contract’s words, the first top down also under _', () => {
    const problems = checkAddUnion({ name: '', level: undefined, regionCode: '15010', code: '-x' }, county)
    expect(problems).toMatchObject({ level: '请选择工会类别', code: expect.stringMatching(/工会编码/), regionCode: expect.any(String), name: expect.any(String) })
    expect(problems._).toBe(problems.name)
  })

  it('the tree’s rules: a level that may not sit below the parent, a region outside it', () => {
    expect(checkAddUnion({ ...ready, level: 'city' }, county).level).toMatch(/^「示例区总工会（演示）」下只能设：/)
    expect(checkAddUnion({ ...ready, regionCode: '150103' }, county)).toEqual({ regionCode: '须与上级「示例区总工会（演示）」相同：150102', _: '须与上级「示例区总工会（演示）」相同：150102' })
    expect(checkAddUnion({ ...ready, level: 'county', regionCode: '150203' }, city).regionCode).toBe('须在上级「示例市总工会（演示）」的地区内：以 1501 开头')
  })
})

describe('组织管理 union form: editing', () => {
  it('an unchanged code may keep an imported shape the new rules would refuse', () => {
    const imported = union({ code: 'x' })
    expect(checkEditUnion({ name: imported.name, level: undefined, regionCode: '150102', code: 'x' }, imported)).toEqual({})
  })

  it('a changed code follows the rules for new codes', () => {
    const problems = checkEditUnion({ name: county.name, level: undefined, regionCode: '150102', code: 'y' }, county)
    expect(problems.code).toBe('工会编码至少 2 个字符')
    expect(problems._).toBe(problems.code)
  })

  it('a blank name is refused', () => {
    expect(checkEditUnion({ name: '', level: undefined, regionCode: '150102', code: 'xc' }, county).name).toEqual(expect.any(String))
  })
})
