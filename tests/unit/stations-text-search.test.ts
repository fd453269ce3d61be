import { searchPieces, stationMatches, stationTerms } from '../../domain/stations/text-search'
import { reportWarning } from '../../domain/stations/reports'

describe('station search pieces', () => {
  it('keeps every 2-character piece of name, address, union and the kind’s short name, never one across two texts', () => {
    const terms = stationTerms('环卫驿站', '新华大街1号', '新城区总工会', '爱心妈咪小屋')
    expect(terms).toEqual(expect.arrayContaining(['环卫', '卫驿', '新华', '大街', '街1', '1号', '新城', '城区', '母婴', '婴室']))
    expect(terms).not.toContain('站新')
    // Stop pieces (in most stations) are not stored.
    expect(terms).not.toEqual(expect.arrayContaining(['驿站']))
    expect(terms).not.toContain('工会')
    expect(terms.every((t) => [...t].length === 2)).toBe(true)
  })

  it('looks up pieces with a digit first, and never a stop piece (no station stores one)', () => {
    expect(searchPieces('示例路12号')).toEqual(['12', '2号'])
    expect(searchPieces('户外劳动者')).toEqual([])
  })

  it('matches the whole query in one text only', () => {
    expect(stationMatches('新城区', '示例驿站', '示例路1号', '新城区总工会', '职工之家')).toBe(true)
    expect(stationMatches('驿站示例', '示例驿站', '示例路1号', '新城区总工会', '职工之家')).toBe(false)
    expect(stationMatches('母婴室', '示例驿站', '示例路1号', '', '爱心妈咪小屋')).toBe(true)
  })
})

describe('report warnings', () => {
  it('name the amenity of a 设施 report', () => {
    expect(reportWarning('amenity', '热饭')).toBe('有用户反馈：热饭设施缺失或损坏（待核实）')
    expect(reportWarning('closed')).toBe('有用户反馈：驿站关门了/不开放（待核实）')
  })
})
