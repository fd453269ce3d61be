import { APPLICATION_LAPSE_DAYS, lapseCutoff, sideBySide } from '../../domain/join/lapse'

describe('join applications: side by side and lapsing (#14 item 4)', () => {
  it('puts the applications with one ID number next to the first of them, the order otherwise kept', () => {
    const items = [
      { id: 'a', idGroup: 'x' },
      { id: 'b', idGroup: null },
      { id: 'c', idGroup: 'y' },
      { id: 'd', idGroup: 'x' },
      { id: 'e', idGroup: null },
      { id: 'f', idGroup: 'y' },
    ]
    expect(sideBySide(items).map((i) => i.id)).toEqual(['a', 'd', 'b', 'c', 'f', 'e'])
    expect(sideBySide([])).toEqual([])
  })

  it(`lapses what was submitted more than ${APPLICATION_LAPSE_DAYS} days before now`, () => {
    expect(lapseCutoff(new Date('2026-12-31T00:00:00.000Z'))).toBe('2026-12-01T00:00:00.000Z')
  })
})
