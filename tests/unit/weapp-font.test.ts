import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { rootFontPx } from '../../domain/a11y/rootFont'
import { fontFollowProblems } from '../../scripts/lib/weapp-font'

describe('the WeChat root font follows the person\'s font size', () => {
  it('gives what rpx gave at the standard size, and grows with the scale factor', () => {
    expect(rootFontPx(375, 1)).toBe(20) // 88 design px = 2.2 rem = 44 px, as 88 rpx
    expect(rootFontPx(414, 1)).toBe(22.08)
    expect(rootFontPx(375, 1.5)).toBe(30)
    expect(rootFontPx(375, 2)).toBe(40)
  })

  it('keeps 44 px targets below the standard size and room for a line above 2×, and survives an old base library', () => {
    expect(rootFontPx(375, 0.85)).toBe(20)
    expect(rootFontPx(375, 3.2)).toBe(40)
    expect(rootFontPx(undefined, undefined)).toBe(20)
    expect(rootFontPx(0, Number.NaN)).toBe(20)
  })
})

describe('fontFollowProblems (run on every weapp build by tests/weapp/compile.ts)', () => {
  let dir: string
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  const meta = '<import src="../../base.wxml"/><page-meta data-sid="{{pageMeta.sid}}" root-font-size="{{pageMeta.p7||\'\'}}"></page-meta>'

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'weapp-font-'))
    write('app.json', JSON.stringify({ pages: ['pages/home/index'], subPackages: [{ root: 'features/aid', pages: ['pages/apply/index'] }] }))
    write('app.wxss', '.a{min-height:2.2rem}')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('passes a build where every page has its page-meta and nothing is in rpx', () => {
    write('pages/home/index.wxml', meta)
    write('features/aid/pages/apply/index.wxml', meta)
    expect(fontFollowProblems(dir)).toEqual([])
  })

  it('names a subpackage page without page-meta and a style still in rpx', () => {
    write('pages/home/index.wxml', meta)
    write('features/aid/pages/apply/index.wxml', '<import src="../../../../base.wxml"/><template is="taro_tmpl"/>')
    write('features/aid/pages/apply/index.wxss', '.b{height:88rpx;width:10rpx}')
    const problems = fontFollowProblems(dir)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^features\/aid\/pages\/apply\/index: no page-meta/)
    expect(problems[1]).toMatch(/apply\/index\.wxss: 2 sizes in rpx/)
  })
})
