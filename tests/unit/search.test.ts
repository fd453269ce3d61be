import { matchesQuery, queryTerm, queryTerms, searchTerms } from '../../domain/search'

describe('text search by terms (offers and unions)', () => {
  it('terms are the 1- and 2-character pieces of each text, lower-cased, spaces dropped, never across texts', () => {
    const terms = searchTerms('体检 套餐', 'ABC')
    expect(terms).toEqual(expect.arrayContaining(['体', '体检', '检套', '套餐', 'a', 'ab', 'bc']))
    expect(terms).not.toContain('餐a')
    expect(searchTerms('新城区', '示例')).toEqual(['新', '新城', '城', '城区', '区', '示', '示例', '例'])
  })

  it('a query looks up its first piece (offers) or every 2-character piece (unions)', () => {
    expect(queryTerm(' 体检中心 ')).toBe('体检')
    expect(queryTerm('  ')).toBeNull()
    expect(queryTerms('  ')).toEqual([])
    expect(queryTerms('区')).toEqual(['区'])
    expect(queryTerms('新城')).toEqual(['新城'])
    expect(queryTerms('新城 区')).toEqual(['新城', '城区'])
    expect(queryTerms('啊啊啊')).toEqual(['啊啊'])
    expect(queryTerms('ABc')).toEqual(['ab', 'bc'])
  })

  it('every piece of a query is among the terms of a text that contains it', () => {
    const texts = ['内蒙古自治区总工会', '示例速递（演示）有限公司工会']
    const terms = new Set(searchTerms(...texts))
    for (const q of ['内蒙古', '速递', '（演示）有限', '工会', '示']) {
      expect(matchesQuery(q, ...texts)).toBe(true)
      expect(queryTerms(q).every((t) => terms.has(t))).toBe(true)
    }
  })

  it('the whole query decides: pieces found apart are not a match', () => {
    expect(matchesQuery('检套', '体检 套餐')).toBe(true)
    expect(matchesQuery('套检', '体检套餐')).toBe(false)
    // 城区 and 区总 are both pieces of these names, 城区总 is in neither.
    expect(queryTerms('城区总').every((t) => searchTerms('新城区', '回民区总工会').includes(t))).toBe(true)
    expect(matchesQuery('城区总', '新城区', '回民区总工会')).toBe(false)
  })
})
